import type { Briefing } from "../content/types.ts";
import { isPublished } from "../content/publish.ts";
import { escapeHtml } from "../html/escape.ts";
import type { OutputFile } from "../config/outputs.ts";
import type { SiteSettings } from "../config/settings.ts";

export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";

/** Google News lists articles published in the last two days only. */
const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** Google News wants an ISO 639 code, except Chinese, written zh-cn (simplified) or zh-tw (traditional). */
export function newsLanguage(tag: string): string {
  const [primary = "", ...rest] = tag.toLowerCase().split("-");
  if (primary !== "zh") return primary;
  return rest.some((part) => ["hant", "tw", "hk", "mo"].includes(part)) ? "zh-tw" : "zh-cn";
}

/**
 * /news-sitemap.xml: the briefings published in the two days before `now` (the build), in the
 * Google News sitemap format. An empty one is still written, so its URL never 404s.
 */
export function buildNewsSitemap(briefings: readonly Briefing[], settings: SiteSettings, now: Date): OutputFile {
  const recent = briefings.filter((briefing) => {
    const age = now.getTime() - Date.parse(briefing.date);
    return isPublished(briefing, now) && age >= 0 && age <= NEWS_WINDOW_MS;
  });
  const entries = recent.map(
    (briefing) => `  <url>
    <loc>${escapeHtml(briefing.url)}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeHtml(settings.publisher.name)}</news:name>
        <news:language>${escapeHtml(newsLanguage(settings.language))}</news:language>
      </news:publication>
      <news:publication_date>${escapeHtml(briefing.date)}</news:publication_date>
      <news:title>${escapeHtml(briefing.title)}</news:title>
    </news:news>
  </url>
`,
  );
  const body = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${entries.join("")}</urlset>
`;
  return { path: NEWS_SITEMAP_PATH, body };
}
