import { Feed } from "feed";
import { describe, expect, it } from "vitest";
import type { SiteSettings } from "../../src/config/settings.ts";
import type { Briefing } from "../../src/content/types.ts";
import { renderAtom } from "../../src/feeds/atom.ts";
import { channelOptions, type Channel } from "../../src/feeds/channel.ts";
import { toItem, type FeedBodies } from "../../src/feeds/items.ts";
import { attributeOrNothing } from "../../src/feeds/xml.ts";
import { cleanForSyndication } from "../../src/html/syndicate.ts";
import { escapeHtml } from "../../src/html/escape.ts";
import { absoluteUrl } from "../../src/urls.ts";
import { makeBriefing, makeSample, makeSettings } from "../fixtures/feeds/briefings.ts";

/** The Atom document as feed 6 wrote it (through xml-js), with the RFC 5005 parts put in after its rel="self" link: what renderAtom replaced. */
function atomByFeed(channel: Channel, settings: SiteSettings, bodies: FeedBodies): string {
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
  const xml = feed.atom1();
  const links = (channel.pagingLinks ?? []).map((link) => `\n    <link rel="${link.rel}" href="${escapeHtml(absoluteUrl(link.path, settings.url))}"/>`);
  if (links.length === 0 && !channel.archive) return xml;
  const self = /<link rel="self" href="[^"]*"\/>/.exec(xml)!;
  const at = self.index + self[0].length;
  const paged = xml.slice(0, at) + links.join("") + (channel.archive ? "\n    <fh:archive/>" : "") + xml.slice(at);
  return channel.archive ? paged.replace('<feed xmlns="http://www.w3.org/2005/Atom"', '$& xmlns:fh="http://purl.org/syndication/history/1.0"') : paged;
}

const bodiesFor = (settings: SiteSettings): FeedBodies => (briefing) => cleanForSyndication(briefing.html, briefing.url, settings.url);

describe("renderAtom", () => {
  const settingsToTry: SiteSettings[] = [
    makeSettings(),
    makeSettings({ title: "A &amp; B <x> \"q\"", description: "x &amp; y", publisher: { name: "Desk &amp; Co", url: "https://x.org/?a=1&b=2" }, websub: { hub: "https://hub.example/?x=1&y=2" } }),
    makeSettings({ url: "https://x.org/", publisher: { name: "Desk" } }),
  ];
  for (const [index, settings] of settingsToTry.entries()) {
    it(`writes the bytes feed 6 wrote, for site, tag, archive and empty feeds (settings ${index + 1})`, () => {
      const sample = makeSample(settings);
      const odd: Briefing[] = [
        makeBriefing({ slug: "amp", title: "Fish &amp; chips ]]> ]]> & <b>", date: "2026-01-02T03:04:05.678-05:30", tags: ["A &amp; B", "<x>", ""], authors: [{ name: "O'Brien &amp; \"Sons\"", url: "https://x.org/p/?a=1&b=2" }, { name: "" }] }, settings),
        { ...makeBriefing({ slug: "empty", title: "", date: "2025-12-31T00:00:00Z", html: "" }, settings), summary: "" },
      ];
      const now = new Date(Date.UTC(2026, 5, 1));
      const channels: Channel[] = [
        { title: settings.title, description: settings.description, homePath: "/", selfPath: "/atom.xml", briefings: [...sample, ...odd], now, pagingLinks: [{ rel: "prev-archive", path: "/feeds/archive/2.xml" }] },
        { title: `${settings.title}: Ukraine`, description: settings.description, homePath: "/tags/ukraine/", selfPath: "/tags/ukraine/atom.xml", briefings: sample.slice(0, 1), now },
        { title: `${settings.title} (archive 2)`, description: settings.description, homePath: "/archive/", selfPath: "/feeds/archive/2.xml", briefings: [...odd, ...sample].reverse(), now, pagingLinks: [{ rel: "current", path: "/atom.xml" }, { rel: "prev-archive", path: "/feeds/archive/1.xml" }], archive: true },
        { title: "", description: "", homePath: "/", selfPath: "/empty.xml", briefings: [], now },
      ];
      for (const channel of channels) expect(renderAtom(channel, settings, bodiesFor(settings)), channel.selfPath).toBe(atomByFeed(channel, settings, bodiesFor(settings)));
    });
  }
});
