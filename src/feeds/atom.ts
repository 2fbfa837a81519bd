import type { Author as FeedAuthor } from "feed";
import type { SiteSettings } from "../config/settings.ts";
import { channelOptions, type Channel } from "./channel.ts";
import { toItem, type FeedBodies } from "./items.ts";
import { absoluteUrl } from "../urls.ts";
import { escapeHtml } from "../html/escape.ts";
import { attributeOrNothing } from "./xml.ts";

const HISTORY_NS = "http://purl.org/syndication/history/1.0";

/*
 * The document is written as text, byte for byte what feed 6 wrote through xml-js 1.6 (tested
 * against it): building its object tree cost more than the rest of the feed. So the quirks stay:
 * text has a literal "&amp;" read back as "&" before escaping, attribute values escape only '"',
 * URLs are parsed and their "&" escaped before that, and CDATA splits the first "]]>" only.
 */

/** feed's sanitize: "&" as "&amp;" (xml-js then reads "&amp;" back as "&"). */
const ampersands = (value: string) => value.replace(/&/g, "&amp;");
const url = (value: string) => ampersands(new URL(value).toString());
/** xml-js's text. */
const text = (value: string) => value.replace(/&amp;/g, "&").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** xml-js's attribute value. */
const attribute = (value: string) => value.replace(/"/g, "&quot;");
/** An element holding text, or empty (<name/>) for no text. */
const element = (indent: string, name: string, value: string | undefined) => (value ? `\n${indent}<${name}>${text(value)}</${name}>` : `\n${indent}<${name}/>`);
const html = (indent: string, name: string, value: string) => `\n${indent}<${name} type="html"><![CDATA[${value.replace("]]>", "]]]]><![CDATA[>")}]]></${name}>`;
const link = (indent: string, attributes: Record<string, string | undefined>) =>
  `\n${indent}<link${Object.entries(attributes)
    .map(([name, value]) => (value === undefined ? "" : ` ${name}="${attribute(value)}"`))
    .join("")}/>`;

function author(indent: string, { name, email, link: uri }: FeedAuthor): string {
  const inner = `${indent}    `;
  return `\n${indent}<author>${element(inner, "name", name)}${email ? element(inner, "email", email) : ""}${uri ? element(inner, "uri", url(uri)) : ""}\n${indent}</author>`;
}

/**
 * Atom 1.0. Title and summary are type="html", so plain text is escaped as HTML; categories
 * carry the tag's slug as term (required) and its name as label. Archive documents get the
 * RFC 5005 links after rel="self", and fh:archive.
 */
export function renderAtom(channel: Channel, settings: SiteSettings, bodies: FeedBodies): string {
  const options = channelOptions(channel, settings, "atom");
  const paging = (channel.pagingLinks ?? []).map((paged) => `\n    <link rel="${paged.rel}" href="${escapeHtml(absoluteUrl(paged.path, settings.url))}"/>`);
  let xml = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"${channel.archive ? ` xmlns:fh="${HISTORY_NS}"` : ""}>`;
  xml += element("    ", "id", options.id) + element("    ", "title", options.title) + element("    ", "updated", options.updated!.toISOString());
  if (options.generator) xml += element("    ", "generator", ampersands(options.generator));
  if (options.author) xml += author("    ", options.author);
  if (options.link) xml += link("    ", { rel: "alternate", href: url(options.link) });
  xml += link("    ", { rel: "self", href: url(options.feedLinks!.atom!) }) + paging.join("") + (channel.archive ? "\n    <fh:archive/>" : "");
  if (options.hub) xml += link("    ", { rel: "hub", href: url(options.hub) });
  if (options.description) xml += element("    ", "subtitle", options.description);
  for (const briefing of channel.briefings) {
    const item = toItem(briefing, settings, bodies);
    const href = url(item.link);
    xml += "\n    <entry>";
    xml += html("        ", "title", escapeHtml(item.title)) + element("        ", "id", href) + link("        ", { href });
    xml += element("        ", "updated", item.date.toISOString());
    if (item.description) xml += html("        ", "summary", escapeHtml(item.description));
    if (item.content) xml += html("        ", "content", item.content);
    for (const one of item.author) xml += author("        ", one);
    for (const category of item.category) {
      const label = category.name && attributeOrNothing(category.name);
      xml += `\n        <category${label === undefined ? "" : ` label="${attribute(ampersands(label))}"`}${category.term === undefined ? "" : ` term="${attribute(ampersands(category.term))}"`}/>`;
    }
    xml += element("        ", "published", item.published.toISOString());
    xml += "\n    </entry>";
  }
  return `${xml}\n</feed>`;
}
