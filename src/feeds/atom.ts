import { Feed } from "feed";
import type { SiteSettings } from "../site/settings.ts";
import { channelOptions, type Channel } from "./channel.ts";
import { toItem } from "./items.ts";
import { attributeOrNothing, textAsHtml } from "./xml.ts";

/**
 * Atom 1.0. feed 6 writes title and summary as type="html", so plain text is escaped as HTML;
 * categories carry the tag's slug as term (required) and its name as label.
 */
export function renderAtom(channel: Channel, settings: SiteSettings): string {
  const feed = new Feed(channelOptions(channel, settings, "atom"));
  for (const briefing of channel.briefings) {
    const item = toItem(briefing, settings);
    feed.addItem({
      ...item,
      title: textAsHtml(item.title),
      description: textAsHtml(item.description),
      category: item.category.map((category) => ({ term: category.term, name: category.name && attributeOrNothing(category.name) })),
    });
  }
  return feed.atom1();
}
