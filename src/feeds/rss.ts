import { Feed, type Author as FeedAuthor, type Item } from "feed";
import type { Briefing } from "../content/types.ts";
import type { SiteSettings } from "../config/settings.ts";
import { channelOptions, type Channel } from "./channel.ts";
import { toItem, type FeedBodies } from "./items.ts";
import { escapeHtml } from "../html/escape.ts";
import { rssCharacterReferences, rssPlainText } from "./xml.ts";

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

const DC_NAMESPACE = 'xmlns:dc="http://purl.org/dc/elements/1.1/"';

/**
 * feed 6 declares the dc namespace only when some item has content: a feed whose items all
 * have empty bodies would use dc:creator undeclared (not well-formed with namespaces).
 */
function withDublinCore(xml: string): string {
  if (xml.includes(DC_NAMESPACE) || !xml.includes("<dc:")) return xml;
  return xml.replace('<rss version="2.0"', `$& ${DC_NAMESPACE}`);
}

/**
 * RSS 2.0. Titles, categories and creators are plain text written as the RSS profile asks
 * (rssPlainText); the description is HTML in practice, so the plain summary is escaped. Authors
 * go to dc:creator, because RSS <author> must be an e-mail address, which briefings' authors do
 * not have. The title goes in as an extension element because feed 6 writes titles as CDATA,
 * where character references would be read literally; it replaces feed's own.
 */
export function renderRss(channel: Channel, settings: SiteSettings, bodies: FeedBodies): string {
  const feed = new Feed({ ...channelOptions(channel, settings, "rss"), title: rssPlainText(channel.title), description: rssPlainText(channel.description) });
  for (const briefing of channel.briefings) {
    const { author, ...item } = toItem(briefing, settings, bodies);
    feed.addItem({
      ...item,
      description: escapeHtml(item.description),
      category: item.category.map((category) => ({ name: category.name && rssPlainText(category.name) })),
      ...enclosure(briefing),
      extensions: [
        { name: "title", objects: { _text: rssPlainText(item.title) } },
        { name: "dc:creator", objects: { _text: rssPlainText(creators(author, settings.language)) } },
      ],
    });
  }
  return rssCharacterReferences(withDublinCore(feed.rss2()));
}
