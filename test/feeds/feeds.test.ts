import { beforeAll, describe, expect, test } from "vitest";
import type { Briefing } from "../../src/content/types.ts";
import { buildFeeds, FEED_LINKS, feedLinks, tagFeedPath } from "../../src/feeds/index.ts";
import type { OutputFile } from "../../src/config/outputs.ts";
import { makeBriefing, makeSample, makeSettings, NASTY_TITLES } from "../fixtures/feeds/briefings.ts";
import {
  collectUrls,
  dangerousMarkup,
  htmlToText,
  jsonFeedSchema,
  nodes,
  parseXmlFeed,
  text,
  type JsonFeed,
  type ParsedFeed,
} from "../helpers/feeds.ts";

const NOW = new Date("2026-06-01T12:00:00Z");
const settings = makeSettings();
const sample = makeSample(settings);

function file(files: OutputFile[], path: string): string {
  const found = files.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no ${path} among ${files.map((f) => f.path).join(", ")}`);
  return found.body;
}

interface Parsed {
  rss: ParsedFeed;
  atom: ParsedFeed;
  json: JsonFeed;
}

async function parseAll(files: OutputFile[]): Promise<Parsed> {
  return {
    rss: await parseXmlFeed(file(files, "/feed.xml")),
    atom: await parseXmlFeed(file(files, "/atom.xml")),
    json: jsonFeedSchema.parse(JSON.parse(file(files, "/feed.json"))),
  };
}

/** The self link a feed declares: RSS via atom:link, Atom via link rel=self. */
function selfLinks(meta: object): string[] {
  return nodes(meta, "atom:link")
    .filter((link) => link["@"].rel === "self")
    .map((link) => link["@"].href ?? "");
}

describe("buildFeeds on a nasty sample, base URL with a path", () => {
  let files: OutputFile[];
  let parsed: Parsed;
  beforeAll(async () => {
    files = buildFeeds(sample, settings, NOW);
    parsed = await parseAll(files);
  });

  test("writes RSS, Atom, JSON Feed and one Atom feed per tag, at the FEED_LINKS paths", () => {
    const tagPaths = ["/tags/ukraine/atom.xml", "/tags/r-d-3/atom.xml", "/tags/europe/atom.xml", "/tags/asia/atom.xml"];
    expect(files.map((f) => f.path).sort()).toEqual(["/atom.xml", "/feed.json", "/feed.xml", ...tagPaths].sort());
    expect(feedLinks(settings).map((link) => link.path)).toEqual(["/feed.xml", "/atom.xml", "/feed.json"]);
    expect(feedLinks(settings).map((link) => link.type)).toEqual(["application/rss+xml", "application/atom+xml", "application/feed+json"]);
    expect(feedLinks(settings)[0]?.title).toBe("The Dispatch & Co (RSS)");
  });

  test("carries the same items in the same order everywhere, identified by their permalinks", () => {
    const permalinks = sample.map((b) => b.url);
    expect(permalinks[0]).toBe("https://x.org/news/briefings/2026/paris/");
    expect(parsed.rss.items.map((item) => text(item, "rss:guid"))).toEqual(permalinks);
    expect(parsed.rss.items.map((item) => nodes(item, "rss:guid")[0]?.["@"].isPermaLink)).toEqual(permalinks.map(() => "true"));
    expect(parsed.rss.items.map((item) => text(item, "rss:link"))).toEqual(permalinks);
    expect(parsed.atom.items.map((item) => text(item, "atom:id"))).toEqual(permalinks);
    expect(parsed.atom.items.map((item) => nodes(item, "atom:link")[0]?.["@"].href)).toEqual(permalinks);
    expect(parsed.json.items.map((item) => item.id)).toEqual(permalinks);
    expect(parsed.json.items.map((item) => item.url)).toEqual(permalinks);
  });

  test("titles with & < \" ]]> -- and other scripts round-trip exactly", () => {
    expect(parsed.rss.items.map((item) => text(item, "rss:title"))).toEqual([...NASTY_TITLES]);
    // feed 6 marks Atom titles type="html": a reader decodes them as HTML.
    expect(parsed.atom.items.map((item) => nodes(item, "atom:title")[0]?.["@"].type)).toEqual(["html", "html", "html"]);
    expect(parsed.atom.items.map((item) => htmlToText(text(item, "atom:title")))).toEqual([...NASTY_TITLES]);
    expect(parsed.json.items.map((item) => item.title)).toEqual([...NASTY_TITLES]);
  });

  test("summaries are the plain-text summary (escaped where the element is HTML)", () => {
    const summaries = sample.map((b) => b.summary);
    expect(summaries[0]).toContain(`5 < 6 & "quoted"`);
    expect(parsed.rss.items.map((item) => htmlToText(text(item, "rss:description")))).toEqual(summaries);
    expect(parsed.atom.items.map((item) => htmlToText(text(item, "atom:summary")))).toEqual(summaries);
    expect(parsed.json.items.map((item) => item.summary)).toEqual(summaries);
  });

  test("content is the cleaned body: every href, src and srcset absolute under the base, nothing executable", () => {
    const contents = [
      ...parsed.rss.items.map((item) => text(item, "content:encoded")),
      ...parsed.atom.items.map((item) => text(item, "atom:content")),
      ...parsed.json.items.map((item) => item.content_html),
    ];
    expect(contents).toHaveLength(9);
    for (const html of contents) {
      expect(dangerousMarkup(html)).toEqual([]);
      for (const url of collectUrls(html)) expect(url).toMatch(/^(https:\/\/|mailto:|tel:)/);
    }
    const urls = collectUrls(contents[0] ?? "");
    expect(urls).toEqual(
      expect.arrayContaining([
        "https://x.org/news/briefings/2026/older/",
        "https://x.org/news/briefings/2026/notes/",
        "https://x.org/news/briefings/2026/paris/#fn1",
        "https://x.org/news/images/map.png",
        "https://x.org/news/images/map@2x.png",
        "https://x.org/news/images/map.avif",
        "https://x.org/news/briefings/2026/paris/map.png",
      ]),
    );
    expect(urls).toHaveLength(10);
  });

  test("dates keep the briefing's offset: RFC 822 in RSS, RFC 3339 in Atom and JSON Feed", () => {
    const [paris, qimma] = parsed.atom.items;
    expect(text(paris ?? {}, "atom:published")).toBe("2026-03-02T18:00:00Z");
    expect(text(paris ?? {}, "atom:updated")).toBe("2026-03-03T09:15:00Z");
    expect(text(qimma ?? {}, "atom:published")).toBe("2026-02-20T10:30:00+01:00");
    expect(text(qimma ?? {}, "atom:updated")).toBe("2026-02-20T10:30:00+01:00");
    expect(parsed.rss.items.map((item) => text(item, "rss:pubDate"))).toEqual([
      "Mon, 02 Mar 2026 18:00:00 +0000",
      "Fri, 20 Feb 2026 10:30:00 +0100",
      "Tue, 10 Feb 2026 00:00:00 +0900",
    ]);
    for (const [index, briefing] of sample.entries()) {
      const item = parsed.json.items[index];
      expect(Date.parse(item?.date_published ?? "")).toBe(Date.parse(briefing.date));
      expect(Date.parse(item?.date_modified ?? "")).toBe(Date.parse(briefing.updated ?? briefing.date));
      expect(Date.parse(text(parsed.rss.items[index] ?? {}, "rss:pubDate"))).toBe(Date.parse(briefing.date));
    }
    expect(parsed.json.items[2]?.date_published).toBe("2026-02-10T00:00:00+09:00");
  });

  test("channels: title, description, language, generator, home page, and self links where the files are", () => {
    const rss = parsed.rss.meta;
    expect(text(rss, "rss:title")).toBe(settings.title);
    expect(text(rss, "rss:description")).toBe(settings.description);
    expect(text(rss, "rss:language")).toBe("en-GB");
    expect(text(rss, "rss:generator")).toBe("Dispatch");
    expect(text(rss, "rss:link")).toBe("https://x.org/news/");
    expect(selfLinks(rss)).toEqual(["https://x.org/news/feed.xml"]);
    expect(nodes(rss, "atom:link")[0]?.["@"].type).toBe("application/rss+xml");

    const atom = parsed.atom.meta;
    expect(text(atom, "atom:title")).toBe(settings.title);
    expect(text(atom, "atom:subtitle")).toBe(settings.description);
    expect(text(atom, "atom:id")).toBe("https://x.org/news/atom.xml");
    expect(text(atom, "atom:generator")).toBe("Dispatch");
    expect(selfLinks(atom)).toEqual(["https://x.org/news/atom.xml"]);
    expect(nodes(atom, "atom:link").find((link) => link["@"].rel === "alternate")?.["@"].href).toBe("https://x.org/news/");
    const [publisher] = nodes(atom, "atom:author");
    expect(text(publisher ?? {}, "name")).toBe("Dispatch Newsroom");
    expect(text(publisher ?? {}, "email")).toBe("news@x.org");

    expect(parsed.json).toMatchObject({
      title: settings.title,
      description: settings.description,
      language: "en-GB",
      home_page_url: "https://x.org/news/",
      feed_url: "https://x.org/news/feed.json",
      authors: [{ name: "Dispatch Newsroom", url: "https://x.org/" }],
    });
  });

  test("the feeds' updated date is the newest change, not the build time: builds are reproducible", () => {
    expect(text(parsed.atom.meta, "atom:updated")).toBe("2026-03-03T09:15:00Z");
    expect(text(parsed.rss.meta, "rss:lastBuildDate")).toBe("Tue, 03 Mar 2026 09:15:00 +0000");
    const later = buildFeeds(sample, settings, new Date("2027-01-01T00:00:00Z"));
    expect(later).toEqual(files);
  });

  test("authors are the briefing's, or the publisher so that every Atom entry has one", () => {
    const atomAuthors = parsed.atom.items.map((item) => nodes(item, "atom:author").map((author) => text(author, "name")));
    expect(atomAuthors).toEqual([["Ana Lima", "Tom Reed"], ["Dispatch Newsroom"], ["Dispatch Newsroom"]]);
    expect(nodes(parsed.atom.items[0] ?? {}, "atom:author").map((author) => nodes(author, "uri")[0]?.["#"])).toEqual([
      "https://x.org/people/ana/",
      undefined,
    ]);
    expect(parsed.rss.items.map((item) => text(item, "dc:creator"))).toEqual(["Ana Lima and Tom Reed", "Dispatch Newsroom", "Dispatch Newsroom"]);
    // RSS <author> must be an e-mail address; names go to dc:creator instead.
    expect(parsed.rss.items.flatMap((item) => nodes(item, "rss:author"))).toEqual([]);
    expect(parsed.json.items.map((item) => item.authors.map((author) => author.name))).toEqual(atomAuthors);
    expect(parsed.json.items[0]?.authors[0]).toEqual({ name: "Ana Lima", url: "https://x.org/people/ana/" });
  });

  test("categories come from tags: Atom with term and label, RSS and JSON Feed by name", () => {
    const [paris] = parsed.atom.items;
    expect(nodes(paris ?? {}, "atom:category").map((category) => category["@"])).toEqual([
      { term: "ukraine", label: "Ukraine" },
      // "<" cannot be written in an attribute through feed 6: the label is left out, the term stays.
      { term: "r-d-3" },
    ]);
    for (const item of parsed.atom.items) {
      for (const category of nodes(item, "atom:category")) expect(category["@"].term).toMatch(/^[\p{L}\p{N}-]+$/u);
    }
    expect(nodes(parsed.rss.items[0] ?? {}, "rss:category").map((category) => category["#"])).toEqual(["Ukraine", "R&D <3"]);
    expect(parsed.json.items.map((item) => item.tags)).toEqual([["Ukraine", "R&D <3"], ["Europe"], ["Ukraine", "Asia"]]);
  });

  test("the image is an RSS enclosure only with a known type and size, and the JSON Feed image", () => {
    expect(nodes(parsed.rss.items[0] ?? {}, "rss:enclosure").map((enclosure) => enclosure["@"])).toEqual([
      { url: "https://x.org/news/images/paris.jpg", type: "image/jpeg", length: "48213" },
    ]);
    expect(nodes(parsed.rss.items[1] ?? {}, "rss:enclosure")).toEqual([]);
    expect(parsed.json.items.map((item) => item.image)).toEqual(["https://x.org/news/images/paris.jpg", "https://cdn.example.com/photo", undefined]);
  });

  test("JSON Feed 1.1: authors arrays, no version-1 leftovers", () => {
    const raw: unknown = JSON.parse(file(files, "/feed.json"));
    expect(raw).toHaveProperty("version", "https://jsonfeed.org/version/1.1");
    expect(raw).not.toHaveProperty("author");
    expect(JSON.stringify(raw)).not.toContain('"author":');
  });

  test("each tag's Atom feed carries only that tag's items, with its own id, self and alternate links", async () => {
    for (const tag of [...new Map(sample.flatMap((b) => b.tags).map((t) => [t.slug, t])).values()]) {
      const feed = await parseXmlFeed(file(files, tagFeedPath(tag)));
      const expected = sample.filter((b) => b.tags.some((t) => t.slug === tag.slug)).map((b) => b.url);
      expect(feed.items.map((item) => text(item, "atom:id"))).toEqual(expected);
      expect(text(feed.meta, "atom:id")).toBe(`https://x.org/news/tags/${tag.slug}/atom.xml`);
      expect(selfLinks(feed.meta)).toEqual([`https://x.org/news/tags/${tag.slug}/atom.xml`]);
      expect(nodes(feed.meta, "atom:link").find((link) => link["@"].rel === "alternate")?.["@"].href).toBe(`https://x.org/news${tag.path}`);
      expect(text(feed.meta, "atom:title")).toBe(`${settings.title}: ${tag.name}`);
    }
    const ukraine = await parseXmlFeed(file(files, "/tags/ukraine/atom.xml"));
    expect(ukraine.items).toHaveLength(2);
  });
});

describe("which briefings a feed carries", () => {
  const many: Briefing[] = Array.from({ length: 5 }, (_, index) =>
    makeBriefing({ slug: `b${index}`, date: `2026-01-${String(20 - index).padStart(2, "0")}T08:00:00+00:00`, tags: ["Same"] }, settings),
  );

  test("the newest settings.feedItems briefings, in every feed and every tag feed", async () => {
    const small = makeSettings({ feedItems: 2 });
    const files = buildFeeds(many, small, NOW);
    const { rss, atom, json } = await parseAll(files);
    const newest = [many[0]?.url, many[1]?.url];
    expect(rss.items.map((item) => text(item, "rss:guid"))).toEqual(newest);
    expect(atom.items.map((item) => text(item, "atom:id"))).toEqual(newest);
    expect(json.items.map((item) => item.id)).toEqual(newest);
    const tagFeed = await parseXmlFeed(file(files, "/tags/same/atom.xml"));
    expect(tagFeed.items.map((item) => text(item, "atom:id"))).toEqual(newest);
  });

  test("the newest even when the caller's list is not sorted", async () => {
    const files = buildFeeds([...many].reverse(), makeSettings({ feedItems: 2 }), NOW);
    const { json } = await parseAll(files);
    expect(json.items.map((item) => item.id)).toEqual([many[0]?.url, many[1]?.url]);
  });

  test("drafts and future briefings never appear, even when a caller passes them", async () => {
    const draft = makeBriefing({ slug: "draft", date: "2026-05-01T08:00:00+00:00", tags: ["Secret"], draft: true }, settings);
    const future = makeBriefing({ slug: "future", date: "2026-07-01T08:00:00+00:00", tags: ["Secret"] }, settings);
    const files = buildFeeds([future, draft, ...many], settings, NOW);
    const { rss, atom, json } = await parseAll(files);
    expect(rss.items).toHaveLength(5);
    expect(atom.items).toHaveLength(5);
    expect(json.items.map((item) => item.id)).toEqual(many.map((b) => b.url));
    expect(files.map((f) => f.path)).not.toContain("/tags/secret/atom.xml");
    expect(files.map((f) => f.body).join("\n")).not.toMatch(/\/(draft|future)\//);
  });

  test("no briefings: valid, empty feeds dated by `now`", async () => {
    const files = buildFeeds([], settings, NOW);
    expect(files.map((f) => f.path)).toEqual([FEED_LINKS.rss.path, FEED_LINKS.atom.path, FEED_LINKS.json.path]);
    const { rss, atom, json } = await parseAll(files);
    expect([rss.items, atom.items, json.items]).toEqual([[], [], []]);
    expect(text(atom.meta, "atom:updated")).toBe("2026-06-01T12:00:00.000Z");
  });
});

describe("a base URL without a path", () => {
  test("self links and permalinks sit at the root", async () => {
    const root = makeSettings({ url: "https://dispatch.example.org" });
    const { rss, atom, json } = await parseAll(buildFeeds(makeSample(root), root, NOW));
    expect(selfLinks(rss.meta)).toEqual(["https://dispatch.example.org/feed.xml"]);
    expect(selfLinks(atom.meta)).toEqual(["https://dispatch.example.org/atom.xml"]);
    expect(json.feed_url).toBe("https://dispatch.example.org/feed.json");
    expect(json.items[0]?.id).toBe("https://dispatch.example.org/briefings/2026/paris/");
    expect(collectUrls(json.items[0]?.content_html ?? "")).toContain("https://dispatch.example.org/briefings/2026/paris/#fn1");
  });
});
