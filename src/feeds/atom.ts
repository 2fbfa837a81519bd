import { Feed } from "feed";
import type { SiteSettings } from "../config/settings.ts";
import { channelOptions, type Channel } from "./channel.ts";
import { toItem, type FeedBodies } from "./items.ts";
import { absoluteUrl } from "../urls.ts";
import { escapeHtml } from "../html/escape.ts";
import { attributeOrNothing } from "./xml.ts";

/**
 * Atom 1.0. feed 6 writes title and summary as type="html", so plain text is escaped as HTML;
 * categories carry the tag's slug as term (required) and its name as label.
 */
export function renderAtom(channel: Channel, settings: SiteSettings, bodies: FeedBodies): string {
  const feed = new Feed(channelOptions(channel, settings, "atom"));
  for (const briefing of channel.briefings) {
    const item = toItem(briefing, settings, bodies);
    feed.addItem({
      ...item,
      title: escapeHtml(item.title),
      description: escapeHtml(item.description),
      category: item.category.map((category) => ({ term: category.term, name: category.name && attributeOrNothing(category.name) })),
    });
  }
  return withPaging(feed.atom1(), channel, settings);
}

const HISTORY_NS = "http://purl.org/syndication/history/1.0";

/**
 * feed 6 has no way to add links or namespaces, so the RFC 5005 parts go in after its own
 * rel="self" link, which it always writes (channelOptions sets feedLinks).
 */
function withPaging(xml: string, channel: Channel, settings: SiteSettings): string {
  const links = (channel.pagingLinks ?? []).map(
    (link) => `\n    <link rel="${link.rel}" href="${escapeHtml(absoluteUrl(link.path, settings.url))}"/>`,
  );
  if (links.length === 0 && !channel.archive) return xml;
  const self = /<link rel="self" href="[^"]*"\/>/.exec(xml);
  if (!self) throw new Error("feeds: feed 6 wrote no rel=\"self\" link to put the archive links after");
  const at = self.index + self[0].length;
  const marker = channel.archive ? "\n    <fh:archive/>" : "";
  let paged = xml.slice(0, at) + links.join("") + marker + xml.slice(at);
  if (channel.archive) paged = paged.replace('<feed xmlns="http://www.w3.org/2005/Atom"', `$& xmlns:fh="${HISTORY_NS}"`);
  return paged;
}
