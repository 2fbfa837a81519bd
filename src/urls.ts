/** The site's base URL always ends with a slash so that relative resolution keeps its path. */
export function normaliseBaseUrl(base: string): string {
  const url = new URL(base);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  return url.href;
}

/** The path part of the base ("/news/" for https://x.org/news/): Eleventy's pathPrefix. */
export function basePath(base: string): string {
  return new URL(normaliseBaseUrl(base)).pathname;
}

/**
 * Makes a URL absolute against the site. Site paths ("/briefings/…") are read as relative to
 * the base, so a base with a path (https://x.org/news/) keeps it; anything with a scheme stays.
 */
export function absoluteUrl(url: string, base: string): string {
  const root = normaliseBaseUrl(base);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return new URL(url, root).href;
  if (url.startsWith("/")) return new URL(url.slice(1), root).href;
  return new URL(url, root).href;
}

/** Resolves a link found in a page against that page's own absolute URL ("#fn1" → page#fn1). */
export function resolveAgainst(url: string, pageUrl: string, base: string): string {
  const trimmed = url.trim();
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return absoluteUrl(trimmed, base);
  return new URL(trimmed, pageUrl).href;
}

/**
 * A URL-safe slug from any text: keeps letters of every script, drops punctuation, and
 * drops accents from Latin letters only (in Cyrillic "ї" is its own letter, not "і" + accent).
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
