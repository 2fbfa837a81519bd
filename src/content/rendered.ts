import type { Cache } from "../cache/store.ts";
import { analyzeChecked, type Analysis } from "../extract/index.ts";
import { renderMarkdown } from "../markdown/render.ts";

/** What a briefing's body gives, whatever its front matter: its HTML and its analysis. */
export interface RenderedBody {
  html: string;
  analysis: Pick<Analysis, "summary" | "keyPoints" | "quotes" | "keyQuotes" | "wordCount" | "readingTimeMinutes">;
  /** Why extraction failed (the analysis is then empty), or null. */
  failure: string | null;
}

/**
 * Renders and analyses a Markdown body once per distinct body and code: from the build cache
 * when an earlier build did the same work. Failed extractions are not cached, so that their
 * warning shows on every build.
 */
export function renderBody(body: string, cache: Cache): RenderedBody {
  const key = cache.key("body", body);
  const cached = cache.get<RenderedBody>("body", key);
  if (cached) return cached;
  const { analysis, failure } = analyzeChecked(body, "markdown");
  const { summary, keyPoints, quotes, keyQuotes, wordCount, readingTimeMinutes } = analysis;
  const rendered = { html: renderMarkdown(body), analysis: { summary, keyPoints, quotes, keyQuotes, wordCount, readingTimeMinutes }, failure };
  if (failure === null) cache.set("body", key, rendered);
  return rendered;
}
