import { Feed, type Author as FeedAuthor } from "feed";
import { z } from "zod";
import type { Briefing } from "../content/types.ts";
import type { SiteSettings } from "../config/settings.ts";
import { channelOptions, type Channel } from "./channel.ts";
import { itemAuthors, publisherAuthor, toItem, type FeedBodies } from "./items.ts";

/** The parts of feed 6's JSON Feed 1 output this module rewrites; a change in feed fails loudly. */
const feedJsonV1 = z.object({
  title: z.string(),
  home_page_url: z.string(),
  feed_url: z.string(),
  description: z.string(),
  items: z.array(
    z.object({
      url: z.string(),
      title: z.string(),
      // feed 6 leaves out an empty summary (a briefing with an empty body has none).
      summary: z.string().optional(),
      content_html: z.string().default(""),
      image: z.string().optional(),
      date_published: z.string(),
      date_modified: z.string(),
      tags: z.array(z.string()),
    }),
  ),
});

/** JSON Feed 1.1 author: name and url (feed's "link"); the e-mail has no place there. */
function jsonAuthor(author: FeedAuthor): { name?: string; url?: string } {
  return { name: author.name, url: author.link };
}

/**
 * JSON Feed 1.1. feed 6 writes version 1 with a singular author (only the first), no language
 * and no item ids: its output is parsed and rebuilt as 1.1, with ids and all authors taken from
 * the briefings (same order as the items).
 */
export function renderJson(channel: Channel, settings: SiteSettings, bodies: FeedBodies): string {
  const feed = new Feed(channelOptions(channel, settings, "json"));
  for (const briefing of channel.briefings) {
    feed.addItem({ ...toItem(briefing, settings, bodies), image: briefing.image?.url });
  }
  const v1 = feedJsonV1.parse(JSON.parse(feed.json1()));
  const v11 = {
    version: "https://jsonfeed.org/version/1.1",
    title: v1.title,
    home_page_url: v1.home_page_url,
    feed_url: v1.feed_url,
    description: v1.description,
    language: settings.language,
    ...(settings.websub ? { hubs: [{ type: "WebSub", url: settings.websub.hub }] } : {}),
    authors: [jsonAuthor(publisherAuthor(settings))],
    items: v1.items.map((item, index) => {
      const briefing: Briefing | undefined = channel.briefings[index];
      if (!briefing) throw new Error("feeds: feed 6 returned more JSON items than it was given");
      return {
        id: briefing.url,
        ...item,
        authors: itemAuthors(briefing, settings).map(jsonAuthor),
      };
    }),
  };
  return `${JSON.stringify(v11, null, 2)}\n`;
}
