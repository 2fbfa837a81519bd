import type { FeedOptions } from "feed";
import type { Briefing } from "../content/types.ts";
import type { SiteSettings } from "../config/settings.ts";
import { absoluteUrl } from "../urls.ts";
import { lastModified, publisherAuthor } from "./items.ts";

/** What differs between the site-wide feeds and a tag's feed. */
export interface Channel {
  title: string;
  description: string;
  /** Site path of the HTML page the feed mirrors ("/" or the tag page). */
  homePath: string;
  /** Site path of the feed file itself. */
  selfPath: string;
  briefings: Briefing[];
  /** Only for a feed without items: nothing else can date it. */
  now: Date;
  /** RFC 5005 links (prev-archive, next-archive, current) to other documents, by site path. Atom only. */
  pagingLinks?: { rel: "prev-archive" | "next-archive" | "current"; path: string }[];
  /** An archive document (RFC 5005 fh:archive): its items are complete and do not change. */
  archive?: boolean;
}

/**
 * The feed's updated date is its newest change (an item's updated date, else its date), never
 * the build time, so that the same content always builds the same bytes.
 */
function channelUpdated(channel: Channel): Date {
  const dates = channel.briefings.map(lastModified);
  return dates.reduce((newest, date) => (date.getTime() > newest.getTime() ? date : newest), dates[0] ?? channel.now);
}

export function channelOptions(channel: Channel, settings: SiteSettings, format: "rss" | "atom" | "json"): FeedOptions {
  const self = absoluteUrl(channel.selfPath, settings.url);
  return {
    // The feed's own URL: unique per feed (a tag feed must not share the site feed's id).
    id: self,
    title: channel.title,
    description: channel.description,
    link: absoluteUrl(channel.homePath, settings.url),
    feedLinks: { [format]: self },
    language: settings.language,
    updated: channelUpdated(channel),
    generator: "Dispatch",
    author: publisherAuthor(settings),
    // WebSub: readers subscribe at the hub and hear of a new briefing as soon as it is pinged.
    hub: settings.websub?.hub,
  };
}
