import type { CardPlan } from "../cards/index.ts";
import { forDisplay } from "../content/load.ts";
import type { Briefing } from "../content/types.ts";
import { formatDisplayDate, formatDisplayDateTime } from "../dates.ts";
import { emailPath } from "../email/index.ts";
import { analyzeChecked } from "../extract/index.ts";
import { authorPath } from "../site/listings.ts";
import { newsArticleJsonLd, pageMeta, type PageContext } from "../site/meta.ts";
import type { SiteSettings } from "../config/settings.ts";
import { absoluteUrl } from "../urls.ts";

/** Nunjucks as every page template sees it, in Eleventy and in the briefing page renderer alike. */
export const NUNJUCKS_OPTIONS = { autoescape: true, throwOnUndefined: false } as const;

export type Analysed = Pick<Briefing, "summary" | "keyPoints" | "keyQuotes" | "readingTimeMinutes">;

/** What the filters and globals read: one build's settings and share cards, and its memos. */
export interface HelperSource {
  settings: SiteSettings;
  cards: CardPlan | null;
  /** Markdown strings analysed by a filter during this build. */
  analyses: Map<string, Analysed>;
  /** Formatted dates during this build (listings show the same briefings' dates many times). */
  dates: Map<string, string>;
}

/** Where filters and globals go: Eleventy's config, or a Nunjucks environment of our own. */
export interface HelperTarget {
  filter(name: string, fn: (this: FilterContext, ...args: never[]) => unknown): void;
  global(name: string, fn: (...args: never[]) => unknown): void;
}

/** A filter's `this`: Eleventy adds the page whose template calls it. */
interface FilterContext {
  page?: { inputPath?: string };
}

/** Briefings carry their analysis already; a Markdown string is analysed once per build (a failure is
 * a warning naming the template that asked). */
function analysed(source: HelperSource, input: Briefing | string, context: FilterContext): Analysed {
  if (typeof input !== "string") return input;
  let found = source.analyses.get(input);
  if (!found) {
    const { analysis, failure } = analyzeChecked(input, "markdown");
    if (failure !== null) {
      console.warn(`[dispatch] warning: ${context.page?.inputPath ?? "a template"}: extraction failed on a filter's text (${failure}); it gave empty results`);
    }
    found = { ...analysis, ...forDisplay(analysis) };
    source.analyses.set(input, found);
  }
  return found;
}

function remembered(memo: Map<string, string>, key: string, make: () => string): string {
  let value = memo.get(key);
  if (value === undefined) memo.set(key, (value = make()));
  return value;
}

/**
 * The filters and globals the templates use, registered in one place for Eleventy
 * (src/eleventy/plugin.ts) and for the briefing page renderer (src/render/pages.ts), so that
 * the two can never render a page differently. `source` gives the current build's state.
 */
export function registerTemplateHelpers(target: HelperTarget, source: () => HelperSource): void {
  const settings = () => source().settings;
  target.filter("displayDate", (iso: string) => remembered(source().dates, `d${iso}`, () => formatDisplayDate(iso, settings().timeZone, settings().language)));
  target.filter("displayDateTime", (iso: string) => remembered(source().dates, `t${iso}`, () => formatDisplayDateTime(iso, settings().timeZone, settings().language)));
  target.filter("authorPath", (name: string) => authorPath(name));
  target.filter("absoluteUrl", (path: string) => absoluteUrl(path, settings().url));
  target.filter("emailPath", (briefing: Briefing) => emailPath(briefing));
  target.filter("jsonLd", (briefing: Briefing) => newsArticleJsonLd(briefing, settings()));
  target.global("pageMeta", (context: Omit<PageContext, "site">) => pageMeta({ ...context, site: settings(), cards: source().cards }));

  // The extractors as filters, on a briefing (already analysed) or any Markdown string.
  target.filter("summary", function (input: Briefing | string) {
    return analysed(source(), input, this).summary;
  });
  target.filter("keyPoints", function (input: Briefing | string) {
    return analysed(source(), input, this).keyPoints;
  });
  target.filter("keyQuotes", function (input: Briefing | string) {
    return analysed(source(), input, this).keyQuotes;
  });
  target.filter("readingTime", function (input: Briefing | string) {
    return analysed(source(), input, this).readingTimeMinutes;
  });
}
