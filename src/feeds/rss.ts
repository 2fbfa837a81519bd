import { Feed, type Author as FeedAuthor, type Item } from "feed";
import type { Briefing } from "../content/types.ts";
import type { SiteSettings } from "../site/settings.ts";
import { channelOptions, type Channel } from "./channel.ts";
import { toItem } from "./items.ts";
import { cdataSafe, textAsHtml } from "./xml.ts";

/**
 * The image as an enclosure only when its type and size are known: RSS requires a length, and
 * feed 6 would otherwise write length="0" and guess the type from the file name.
 */
function enclosure(briefing: Briefing): Pick<Item, "enclosure"> {
  const image = briefing.image;
  if (!image?.type || !image.bytes) return {};
  return { enclosure: { url: image.url, type: image.type, length: image.bytes } };
}

/**
 * All authors in one dc:creator ("Ana Lima and Tom Reed"): feed 6 keeps one extension element
 * per name, and readers that know dc:creator show the first one only.
 */
function creators(authors: FeedAuthor[], language: string): string {
  return new Intl.ListFormat(language, { type: "conjunction" }).format(authors.flatMap((author) => author.name ?? []));
}

/**
 * RSS 2.0. The title stays plain text (the RSS profile's reading); the description is HTML in
 * practice, so the plain summary is escaped. Authors go to dc:creator, because RSS <author> must
 * be an e-mail address, which briefings' authors do not have. feed 6 declares the dc namespace
 * whenever items have content, which every item has.
 */
export function renderRss(channel: Channel, settings: SiteSettings): string {
  const feed = new Feed(channelOptions(channel, settings, "rss"));
  for (const briefing of channel.briefings) {
    const { author, ...item } = toItem(briefing, settings);
    feed.addItem({
      ...item,
      title: cdataSafe(item.title),
      description: textAsHtml(item.description),
      ...enclosure(briefing),
      extensions: [{ name: "dc:creator", objects: { _text: creators(author, settings.language) } }],
    });
  }
  return feed.rss2();
}
