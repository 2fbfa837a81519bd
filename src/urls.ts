/** The site's base URL always ends with a slash so that relative resolution keeps its path. */
export function normaliseBaseUrl(base: string): string {
  // A build asks for the same base tens of thousands of times (every absolute link): the last
  // answer is kept, as a URL parse costs more than the rest of absoluteUrl.
  if (lastBase?.given === base) return lastBase.normalised;
  const url = new URL(base);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  lastBase = { given: base, normalised: url.href };
  return url.href;
}

let lastBase: { given: string; normalised: string } | undefined;

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
 * A URL-safe slug from any text: keeps letters (with their vowel signs and other marks) and
 * digits of every script, drops punctuation, and drops accents from Latin letters only (in
 * Cyrillic "ї" is its own letter, not "і" + accent). Lower-cased before and after the
 * decomposition so that a slug is its own slug ("İ" lower-cases to "i" + a combining dot).
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** A slug becomes a folder name: file systems allow 255 bytes, the rest is a margin. */
export const MAX_SLUG_BYTES = 200;

/**
 * What is wrong with a URL part, or null. The one rule for slugs written in front matter, made
 * from file names and made from tags: what slugify makes, short enough for a file name.
 */
export function slugProblem(slug: string): string | null {
  if (slug === "" || slugify(slug) !== slug) {
    const better = slugify(slug);
    return `must be lower-case letters or digits joined by hyphens, like paris-summit or 日本語-ニュース${better ? ` ("${better}" would do)` : ""}`;
  }
  const bytes = Buffer.byteLength(slug, "utf8");
  if (bytes > MAX_SLUG_BYTES) {
    return `makes a URL part of ${bytes} bytes, more than the ${MAX_SLUG_BYTES} a file name can hold (a Latin letter takes 1 byte, most Chinese or Japanese characters 3); shorten it`;
  }
  return null;
}
