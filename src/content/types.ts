import type { KeyQuote, Quote } from "../extract/index.ts";

export interface Author {
  name: string;
  url?: string;
}

export interface Tag {
  name: string;
  slug: string;
  path: string;
}

export interface BriefingImage {
  /** What pages use: the site path for a local image (/images/x.jpg, the base is added), else the URL. */
  src: string;
  /** Absolute URL, for feeds, email and social cards. */
  url: string;
  alt: string;
  /** Plain text shown under the image, and who took or owns it. */
  caption: string | null;
  credit: string | null;
  /** Media type, bytes and pixel size, known for images that live in the site's own folder. */
  type: string | null;
  bytes: number | null;
  width: number | null;
  height: number | null;
}

export interface BriefingLink {
  title: string;
  path: string;
}

/** One briefing, read, checked, rendered and analysed once per build. */
export interface Briefing {
  /** The file as the editor knows it, e.g. content/briefings/2026/paris.md. */
  sourcePath: string;
  slug: string;
  /** Site path without the base, e.g. /briefings/2026/paris/. */
  path: string;
  /** Absolute permalink: the feeds' id, never changed once published. */
  url: string;
  title: string;
  /** ISO 8601 with the offset of the site's time zone. */
  date: string;
  updated: string | null;
  /** Front matter summary, or the extracted lede; with the body's typography (curly quotes). */
  summary: string;
  /** The dek under the title: the front-matter summary, or null when the summary is the lede, which the
   * body's first paragraph already says (the page does not print it twice). */
  dek: string | null;
  tags: Tag[];
  authors: Author[];
  image: BriefingImage | null;
  draft: boolean;
  /** False for a web-only briefing: no email edition, no preview link. */
  email: boolean;
  /** Send this one's email even if Gmail would clip it (as site-wide email.allowClipped does). */
  allowClipped: boolean;
  /** The rendered Markdown body: the only content that reaches HTML unescaped. */
  html: string;
  /** The body's `<a href>` and `<img src>` addresses as written, for the build's link checks. */
  links: { hrefs: string[]; images: string[] };
  /** The Markdown body as written, for the extractors and the plain-text email. */
  markdown: string;
  quotes: Quote[];
  /** Ranked best first; a front-matter keyQuote comes first. */
  keyQuotes: KeyQuote[];
  /** The pull quote: keyQuotes[0], or null. */
  keyQuote: KeyQuote | null;
  /** The "In brief" points, with the body's typography. */
  keyPoints: string[];
  wordCount: number;
  readingTimeMinutes: number;
  newer: BriefingLink | null;
  older: BriefingLink | null;
  /** Every front-matter field, unknown ones included: editors extend. */
  data: Record<string, unknown>;
}
