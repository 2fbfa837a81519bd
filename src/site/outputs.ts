/** A file that TypeScript writes whole (a feed, an email): Eleventy only puts it at `path`. */
export interface OutputFile {
  /** Site path without the base, e.g. /feed.xml or /email/2026/paris/index.html. */
  path: string;
  body: string;
}
