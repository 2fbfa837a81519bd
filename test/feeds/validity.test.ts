import { Feed } from "feed";
import { beforeAll, describe, expect, test } from "vitest";
import { loadBriefings } from "../../src/content/load.ts";
import type { Briefing } from "../../src/content/types.ts";
import { buildFeeds } from "../../src/feeds/index.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";
import { makeSample, makeSettings } from "../fixtures/feeds/briefings.ts";
import { collectUrls, jingErrors, jingOnPath, jsonFeedSchema, parseXmlFeed, text } from "../helpers/feeds.ts";

const NOW = new Date("2026-06-01T12:00:00Z");
const settings = makeSettings();

function requireJing(): void {
  if (!jingOnPath()) throw new Error("The Atom schema tests need jing on PATH: run `apt-get install -y jing` (Debian).");
}

function atomBodies(files: { path: string; body: string }[]): string[] {
  return files.filter((f) => f.path.endsWith("atom.xml")).map((f) => f.body);
}

describe("Atom output against RFC 4287's RELAX NG schema (jing)", () => {
  beforeAll(requireJing);

  test("the schema check can fail: feed 6's own name-only category has no term", () => {
    const feed = new Feed({ id: "https://x.org/", title: "t", updated: NOW, author: { name: "P" } });
    feed.addItem({ title: "a", link: "https://x.org/a/", date: NOW, category: [{ name: "Tag" }] });
    expect(jingErrors([feed.atom1()])).toMatch(/term/);
  });

  test("the site feed and every tag feed are valid", () => {
    const files = buildFeeds(makeSample(settings), settings, NOW);
    expect(atomBodies(files)).toHaveLength(5);
    expect(jingErrors(atomBodies(files))).toBe("");
  });

  test("an empty feed is valid", () => {
    expect(jingErrors(atomBodies(buildFeeds([], settings, NOW)))).toBe("");
  });
});

describe("buildFeeds on loadBriefings output of a folder with a draft and a future briefing", () => {
  const folder = tempFolder("dispatch-feeds-");
  let briefings: Briefing[];
  beforeAll(() => {
    folder.write(
      "briefings/2026/summit.md",
      briefingSource(
        {
          title: '"Summit & <aftermath>: ]]> what -- next"',
          date: "2026-03-02T18:00:00+01:00",
          updated: "2026-03-03T08:00:00+01:00",
          tags: "[Ukraine, Europe]",
          authors: "[Ana Lima]",
          image: "/images/summit.jpg",
          imageAlt: "Leaders at the summit",
        },
        [
          "Leaders met in Paris.[^1] See [the archive](/briefings/) and ![map](/images/map.png).",
          "",
          '<p onclick="x()">Raw <a href="../older/">HTML</a><script>alert(1)</script></p>',
          "",
          "[^1]: Source: the Élysée.",
        ].join("\n"),
      ),
    );
    folder.write("images/summit.jpg", "not really a jpeg, but 31 bytes");
    folder.write("briefings/2026/tokyo.md", briefingSource({ title: '"东京峰会 🎉"', date: "2026-02-10", tags: "Asia" }));
    folder.write("briefings/2026/draft.md", briefingSource({ title: "Draft", date: "2026-02-01", draft: "true", tags: "Hidden" }));
    folder.write("briefings/2026/future.md", briefingSource({ title: "Future", date: "2026-12-01", tags: "Hidden" }));
    briefings = loadBriefings({ dir: `${folder.dir}/briefings`, settings, staticDir: folder.dir, now: NOW, cwd: folder.dir }).briefings;
  });

  test("only published briefings, in all three feeds, and no tag feed for a tag only drafts use", async () => {
    const files = buildFeeds(briefings, settings, NOW);
    const expected = ["https://x.org/news/briefings/2026/summit/", "https://x.org/news/briefings/2026/tokyo/"];
    const rss = await parseXmlFeed(files.find((f) => f.path === "/feed.xml")?.body ?? "");
    const atom = await parseXmlFeed(files.find((f) => f.path === "/atom.xml")?.body ?? "");
    const json = jsonFeedSchema.parse(JSON.parse(files.find((f) => f.path === "/feed.json")?.body ?? ""));
    expect(rss.items.map((item) => text(item, "rss:guid"))).toEqual(expected);
    expect(atom.items.map((item) => text(item, "atom:id"))).toEqual(expected);
    expect(json.items.map((item) => item.id)).toEqual(expected);
    expect(files.map((f) => f.path).sort()).toEqual(
      ["/atom.xml", "/feed.json", "/feed.xml", "/tags/asia/atom.xml", "/tags/europe/atom.xml", "/tags/ukraine/atom.xml"].sort(),
    );

    const [summit] = json.items;
    expect(summit?.title).toBe("Summit & <aftermath>: ]]> what -- next");
    expect(text(rss.items[0] ?? {}, "rss:title")).toBe("Summit & <aftermath>: ]]> what -- next");
    expect(summit?.date_published).toBe("2026-03-02T17:00:00Z");
    expect(text(atom.items[1] ?? {}, "atom:published")).toBe("2026-02-10T00:00:00Z");
    const urls = collectUrls(summit?.content_html ?? "");
    expect(urls).toEqual(
      expect.arrayContaining([
        "https://x.org/news/briefings/",
        "https://x.org/news/images/map.png",
        "https://x.org/news/briefings/2026/older/",
        "https://x.org/news/briefings/2026/summit/#fn1",
      ]),
    );
    expect(urls.every((url) => url.startsWith("https://x.org/news/"))).toBe(true);
    expect(summit?.content_html).not.toMatch(/<script|onclick/);
    expect(rss.items[0]?.["rss:enclosure"]).toMatchObject({ "@": { url: "https://x.org/news/images/summit.jpg", type: "image/jpeg", length: "31" } });
  });

  test("the Atom feeds are schema-valid", () => {
    requireJing();
    expect(jingErrors(atomBodies(buildFeeds(briefings, settings, NOW)))).toBe("");
  });
});
