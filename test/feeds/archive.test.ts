import { describe, expect, it } from "vitest";
import { archivePages } from "../../src/feeds/archive.ts";
import { buildFeeds } from "../../src/feeds/index.ts";
import type { OutputFile } from "../../src/config/outputs.ts";
import { makeBriefing, makeSettings } from "../fixtures/feeds/briefings.ts";
import { jingErrors, jingOnPath, jsonFeedSchema, nodes, parseXmlFeed, text } from "../helpers/feeds.ts";

const NOW = new Date("2026-06-01T12:00:00Z");

/** `count` briefings a day apart, newest first. */
function briefings(count: number, settings = makeSettings()) {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2026, 0, 1) + (count - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    return makeBriefing({ slug: `b${count - i}`, date: `${day}T08:00:00+00:00` }, settings);
  });
}

function file(files: OutputFile[], path: string): string {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} among ${files.map((f) => f.path).join(", ")}`);
  return found.body;
}

/** rel → absolute href of the feed-level links. */
async function feedLinks(xml: string): Promise<Record<string, string>> {
  const { meta } = await parseXmlFeed(xml);
  return Object.fromEntries(nodes(meta, "atom:link").map((link) => [link["@"].rel, link["@"].href]));
}

describe("archived feeds (RFC 5005)", () => {
  it("pages from the oldest, every briefing in the subscription feed or an archive", () => {
    const pages = archivePages(briefings(23), 5, 4);
    // 18 briefings are older than the feed's 5: pages of 4 → 5 pages, the last one open.
    expect(pages.map((page) => page.briefings.map((b) => b.slug))).toEqual([
      ["b1", "b2", "b3", "b4"],
      ["b5", "b6", "b7", "b8"],
      ["b9", "b10", "b11", "b12"],
      ["b13", "b14", "b15", "b16"],
      ["b17", "b18", "b19", "b20"],
    ]);
    expect(archivePages(briefings(5), 5, 4)).toEqual([]);
  });

  it("links the subscription feed and the archive documents both ways, and a reader can walk back to the first briefing", async () => {
    const settings = makeSettings({ feedItems: 5, feedArchivePageSize: 4 });
    const files = buildFeeds(briefings(23, settings), settings, NOW);
    const base = "https://x.org/news";
    expect(await feedLinks(file(files, "/atom.xml"))).toMatchObject({ "prev-archive": `${base}/feeds/archive/5.xml` });

    const seen = new Set<string>();
    const current = await parseXmlFeed(file(files, "/atom.xml"));
    for (const item of current.items) seen.add(text(item, "atom:id"));
    let next: string | undefined = `${base}/feeds/archive/5.xml`;
    let documents = 0;
    while (next) {
      const xml = file(files, next.slice(base.length));
      expect(xml).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
      expect(xml).toContain("<fh:archive/>");
      const links = await feedLinks(xml);
      expect(links.current).toBe(`${base}/atom.xml`);
      expect(links.self).toBe(next);
      const parsed = await parseXmlFeed(xml);
      for (const item of parsed.items) seen.add(text(item, "atom:id"));
      next = links["prev-archive"];
      if (next) expect(await feedLinks(file(files, next.slice(base.length)))).toMatchObject({ "next-archive": links.self });
      documents += 1;
    }
    expect(documents).toBe(5);
    expect(seen.size).toBe(23);
  });

  it("are valid Atom (RFC 4287 schema, jing)", () => {
    if (!jingOnPath()) throw new Error("needs jing: apt-get install -y jing");
    const settings = makeSettings({ feedItems: 2, feedArchivePageSize: 3 });
    const files = buildFeeds(briefings(9, settings), settings, NOW).filter((f) => f.path.endsWith(".xml") && f.path !== "/feed.xml");
    expect(files.filter((f) => f.path.startsWith("/feeds/archive/"))).toHaveLength(3);
    expect(jingErrors(files.map((f) => f.body))).toBe("");
  });
});

describe("WebSub", () => {
  it("names the hub in every feed when one is set, and nowhere otherwise", async () => {
    const hub = "https://hub.example.net/";
    const settings = makeSettings({ websub: { hub } });
    const files = buildFeeds(briefings(3, settings), settings, NOW);
    expect(await feedLinks(file(files, "/atom.xml"))).toMatchObject({ hub, self: "https://x.org/news/atom.xml" });
    const rss = await parseXmlFeed(file(files, "/feed.xml"));
    expect(nodes(rss.meta, "atom:link").map((link) => link["@"])).toEqual(
      expect.arrayContaining([expect.objectContaining({ rel: "hub", href: hub }), expect.objectContaining({ rel: "self" })]),
    );
    const json = JSON.parse(file(files, "/feed.json"));
    expect(jsonFeedSchema.parse(json)).toBeTruthy();
    expect(json.hubs).toEqual([{ type: "WebSub", url: hub }]);

    const without = buildFeeds(briefings(3), makeSettings(), NOW);
    expect(without.map((f) => f.body).join("")).not.toContain('rel="hub"');
  });

  it("refuses a hub that is not a web address", () => {
    expect(() => makeSettings({ websub: { hub: "javascript:alert(1)" } })).toThrow(/websub/);
  });
});
