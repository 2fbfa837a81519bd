import type { Author as FeedAuthor, Item } from "feed";
import type { Fingerprint } from "../cache/fingerprint.ts";
import type { Cache } from "../cache/store.ts";
import type { Briefing } from "../content/types.ts";
import { isPublished } from "../content/publish.ts";
import { cleanForSyndication } from "../html/syndicate.ts";
import type { SiteSettings } from "../config/settings.ts";
import { OffsetDate } from "./dates.ts";
import { xmlChars } from "./xml.ts";

/**
 * What any feed may carry: published briefings only, newest first. The caller already filters,
 * but a draft or a future briefing must never leak into a feed, whoever calls.
 */
export function publishedNewestFirst(briefings: readonly Briefing[], now: Date): Briefing[] {
  return briefings.filter((briefing) => isPublished(briefing, now)).sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

/** The briefing's authors, or the publisher: Atom requires an author on every entry. */
export function itemAuthors(briefing: Briefing, settings: SiteSettings): FeedAuthor[] {
  if (briefing.authors.length === 0) return [publisherAuthor(settings)];
  return briefing.authors.map((author) => ({ name: xmlChars(author.name), link: author.url }));
}

export function publisherAuthor(settings: SiteSettings): FeedAuthor {
  const { name, email, url } = settings.publisher;
  return { name, email, link: url };
}

export function lastModified(briefing: Briefing): OffsetDate {
  return new OffsetDate(briefing.updated ?? briefing.date);
}

/** A briefing's body as feeds carry it (cleanForSyndication, then xmlChars), by briefing. */
export type FeedBodies = (briefing: Briefing) => string;

/**
 * Each briefing's feed body (`body`), cleaned once per build however many feeds carry it (the site
 * feeds, its archive document, one per tag), and kept in the build cache between builds: its key
 * holds everything the cleaning reads (the body's HTML and the permalink, in the briefing's
 * fingerprint, and the site's address). `uses`
 * says how many feeds will carry each briefing: its body is forgotten after the last (a feed
 * taken whole from the cache calls `skip` instead), so that the whole archive's bodies are never
 * in memory at once.
 */
export function feedBodies(settings: SiteSettings, cache: Cache, fingerprint: Fingerprint, uses: Map<Briefing, number>): { body: FeedBodies; skip: (briefing: Briefing) => void } {
  const made = new Map<Briefing, string>();
  const used = (briefing: Briefing) => {
    const left = (uses.get(briefing) ?? 0) - 1;
    uses.set(briefing, left);
    if (left <= 0) made.delete(briefing);
  };
  return {
    body(briefing) {
      let body = made.get(briefing);
      if (body === undefined) {
        const key = cache.key("feed-body", fingerprint(briefing), settings.url);
        body = cache.get<string>("feed-body", key);
        if (typeof body !== "string") {
          body = xmlChars(cleanForSyndication(briefing.html, briefing.url, settings.url));
          cache.set("feed-body", key, body);
        }
        made.set(briefing, body);
      }
      used(briefing);
      return body;
    },
    skip: used,
  };
}

/** An item with the fields toItem always fills marked as present. */
export type FeedItem = Item & Required<Pick<Item, "description" | "category" | "author" | "published">>;

/**
 * One briefing as a feed item, with text fields as plain text: each format escapes them as its
 * element types need. No id or guid: feed 6 then uses the link (the permalink) as Atom id and
 * as an RSS guid with isPermaLink="true"; JSON Feed ids are added when it is rewritten.
 */
export function toItem(briefing: Briefing, settings: SiteSettings, bodies: FeedBodies): FeedItem {
  // A briefing with an empty body has no summary or content: the title stands in as the
  // summary (an Atom entry needs some text) and the empty content element is left out.
  const content = bodies(briefing);
  return {
    title: xmlChars(briefing.title),
    link: briefing.url,
    date: lastModified(briefing),
    published: new OffsetDate(briefing.date),
    description: xmlChars(briefing.summary || briefing.title),
    content: content || undefined,
    category: briefing.tags.map((tag) => ({ name: xmlChars(tag.name), term: tag.slug })),
    author: itemAuthors(briefing, settings),
  };
}
