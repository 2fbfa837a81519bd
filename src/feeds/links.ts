import type { Tag } from "../content/types.ts";

export interface FeedLink {
  /** Media type for <link rel="alternate" type="…">. */
  type: string;
  title: string;
  /** Site path without the base: pass it through the site's URL filter. */
  path: string;
}

/** The three site-wide feeds, for <link rel="alternate"> in every page's <head>. */
export const FEED_LINKS = {
  rss: { type: "application/rss+xml", title: "RSS", path: "/feed.xml" },
  atom: { type: "application/atom+xml", title: "Atom", path: "/atom.xml" },
  json: { type: "application/feed+json", title: "JSON Feed", path: "/feed.json" },
} as const satisfies Record<string, FeedLink>;

/** Where a tag's Atom feed lives: beside the tag page, e.g. /tags/ukraine/atom.xml. */
export function tagFeedPath(tag: Tag): string {
  return `${tag.path}atom.xml`;
}
