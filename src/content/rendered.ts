import { analyzeChecked, type Analysis, type KeyQuote } from "../extract/index.ts";
import type { HtmlFacts } from "../html/depth.ts";
import { cleanForWeb } from "../html/web.ts";
import { renderMarkdown, typographic } from "../markdown/render.ts";

/** A pull quote with the body's typography. */
export function typographicQuote(quote: KeyQuote): KeyQuote {
  return { text: typographic(quote.text), speaker: quote.speaker === null ? null : typographic(quote.speaker) };
}

/** What is shown of an analysis (summary, key points, pull quotes) with the body's typography: curly
 * quotes and apostrophes, as the rendered Markdown has them. The plain text and quotations keep the text
 * as written, since their offsets refer to it. */
export function forDisplay(analysis: Pick<Analysis, "summary" | "keyPoints" | "keyQuotes">): Pick<Analysis, "summary" | "keyPoints" | "keyQuotes"> {
  return {
    summary: typographic(analysis.summary),
    keyPoints: analysis.keyPoints.map(typographic),
    keyQuotes: analysis.keyQuotes.map(typographicQuote),
  };
}

/** What a briefing's body gives, whatever its front matter. */
export interface RenderedBody {
  /** The web page's body: rendered Markdown cleaned by the allow-list (src/html/web.ts). */
  html: string;
  /** What the cleaning removed, for the editor's warning. */
  dropped: string[];
  /** The cleaned HTML's depth, links and images (checked by the build). */
  facts: HtmlFacts;
  /** Summary, key points and key quotes as shown (forDisplay); quotations as written. */
  analysis: Pick<Analysis, "summary" | "keyPoints" | "quotes" | "keyQuotes" | "wordCount" | "readingTimeMinutes">;
  /** Why extraction failed (the analysis is then empty), or null. */
  failure: string | null;
}

/**
 * Renders, cleans and analyses a Markdown body (src/content/load.ts keeps the result in the build
 * cache with the front matter, by the file's bytes). A failed extraction leaves the analysis empty
 * and says why in `failure`.
 */
export function renderBody(body: string, embedHosts: readonly string[]): RenderedBody {
  const { analysis, failure } = analyzeChecked(body, "markdown");
  const { quotes, wordCount, readingTimeMinutes } = analysis;
  const web = cleanForWeb(renderMarkdown(body), embedHosts);
  return {
    html: web.html,
    dropped: web.dropped,
    facts: web.facts,
    analysis: { ...forDisplay(analysis), quotes, wordCount, readingTimeMinutes },
    failure,
  };
}
