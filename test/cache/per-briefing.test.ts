import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NO_CACHE, openCache, type Cache } from "../../src/cache/store.ts";
import { loadBriefings } from "../../src/content/load.ts";
import { buildDigests, digestEmailFiles } from "../../src/digest/index.ts";
import { buildFeeds } from "../../src/feeds/index.ts";
import type { OutputFile } from "../../src/config/outputs.ts";
import { parseSiteSettings, type SiteSettings } from "../../src/config/settings.ts";
import { makeBriefing, makeSettings } from "../email/fixtures.ts";
import { recording } from "../helpers/cache.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

/** Rewrites every stored entry of a kind through `change` (its value as stored; each file is named by its key). */
function tamper(dir: string, kind: string, change: (value: unknown) => unknown): void {
  // Keys are given, so the code stamp plays no part here.
  const store = openCache(dir, "tamper");
  for (const entry of readdirSync(path.join(dir, kind), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const key = entry.name.split(".")[0]!;
    const stored = store.get(kind, key);
    expect(stored).toBeDefined();
    store.set(kind, key, change(stored));
  }
}

const settings = (embedHosts: string[] = ["www.youtube.com"]): SiteSettings =>
  parseSiteSettings(
    { title: "T", description: "D", url: "https://x.org/news", language: "en-GB", timeZone: "Europe/London", publisher: { name: "P" }, embedHosts },
    "site.json",
    {},
  );
const now = new Date("2026-06-01T00:00:00Z");
const BODY = 'The minister said "we will act".\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n\nSee [the report](/reports/one/) and ![a chart](/images/chart.png).';

describe("a file's cache entry (front matter parsed, body rendered, cleaned, checked, analysed)", () => {
  const setup = () => {
    const folder = tempFolder();
    folder.write("2026/one.md", briefingSource({ title: "One", date: "2026-01-01" }, BODY));
    folder.write("2026/two.md", briefingSource({ title: "Two", date: "2026-01-02" }, "Another body, with <tweet>a pasted wrapper</tweet>."));
    const cacheDir = path.join(folder.dir, "cache");
    const load = (cache: Cache, site = settings()) => loadBriefings({ dir: folder.dir, settings: site, now, cwd: folder.dir, cache });
    return { folder, cacheDir, load };
  };

  it("is reused whole by the next load: nothing rendered or stored again, the same briefings and warnings", () => {
    const { cacheDir, load } = setup();
    const cold = recording(openCache(cacheDir));
    const first = load(cold.cache);
    expect(cold.sets.source).toBe(2);
    const warm = recording(openCache(cacheDir));
    const second = load(warm.cache);
    expect(warm.hits.source).toBe(2);
    expect(warm.sets.source).toBeUndefined();
    expect(second).toEqual(first);
    const one = second.briefings.find((briefing) => briefing.slug === "one")!;
    expect(one.links).toEqual({ hrefs: ["/reports/one/"], images: ["/images/chart.png"] });
    expect(one.html).toContain("youtube.com/embed/x");
    expect(second.warnings).toEqual([expect.stringMatching(/two\.md: removed from the web page's HTML: <tweet>/)]);
  });

  it("is what the briefing shows (proof it is read, not recomputed)", () => {
    const { cacheDir, load } = setup();
    load(openCache(cacheDir));
    type Entry = { split: { data: Record<string, unknown> }; body: object };
    tamper(cacheDir, "source", (value) => {
      const entry = value as Entry;
      return { split: { ...entry.split, data: { ...entry.split.data, title: "Title from the cache" } }, body: { ...entry.body, html: "<p>from the cache</p>" } };
    });
    const loaded = load(openCache(cacheDir)).briefings;
    expect(loaded.map((briefing) => briefing.html)).toEqual(["<p>from the cache</p>", "<p>from the cache</p>"]);
    // The front matter is read from the cache too: no YAML parsed for an unchanged file.
    expect(loaded.map((briefing) => briefing.title)).toEqual(["Title from the cache", "Title from the cache"]);
  });

  it("misses after an edit to the body or to the allowed embed hosts, never serving the old one", () => {
    const { folder, cacheDir, load } = setup();
    load(openCache(cacheDir));
    folder.write("2026/one.md", briefingSource({ title: "One", date: "2026-01-01" }, BODY.replace("will act", "will act now")));
    const edited = recording(openCache(cacheDir));
    const after = load(edited.cache).briefings.find((briefing) => briefing.slug === "one")!;
    expect(edited.sets.source).toBe(1);
    expect(after.keyQuotes.map((quote) => quote.text).join(" ") + after.html).toContain("will act now");
    // An edit to the front matter alone is a miss too.
    folder.write("2026/two.md", briefingSource({ title: "Two, retitled", date: "2026-01-02" }, "Another body, with <tweet>a pasted wrapper</tweet>."));
    const retitled = recording(openCache(cacheDir));
    expect(load(retitled.cache).briefings.find((briefing) => briefing.slug === "two")!.title).toBe("Two, retitled");
    expect(retitled.sets.source).toBe(1);
    // Without YouTube among the embed hosts the same body loses its iframe, and says so.
    const strict = load(openCache(cacheDir), settings([]));
    expect(strict.briefings.find((briefing) => briefing.slug === "one")!.html).not.toContain("<iframe");
    expect(strict.warnings).toContainEqual(expect.stringMatching(/one\.md: removed from the web page's HTML: <iframe> from www\.youtube\.com/));
  });
});

describe("the feeds' per-briefing bodies", () => {
  const site = makeSettings();
  const briefings = [
    makeBriefing({ slug: "first", date: "2026-01-02T09:00:00+00:00", markdown: "First body with a [link](/briefings/2026/second/)." }),
    makeBriefing({ slug: "second", date: "2026-01-01T09:00:00+00:00" }),
  ];

  it("are cleaned once and reused by the next build; an edited body is a miss", () => {
    const cacheDir = path.join(tempFolder().dir, "cache");
    const cold = recording(openCache(cacheDir));
    buildFeeds(briefings, site, now, cold.cache);
    // Each body once, however many feeds (RSS, Atom, JSON, archive) carry it.
    expect(cold.sets["feed-body"]).toBe(2);
    // Another feed title: the feeds are made again (none comes whole from the cache), from the cached bodies.
    const retitled = { ...site, title: "Another title" };
    const warm = recording(openCache(cacheDir));
    expect(buildFeeds(briefings, retitled, now, warm.cache)).toEqual(buildFeeds(briefings, retitled, now, NO_CACHE));
    expect(warm.hits["feed-body"]).toBe(2);
    expect(warm.sets["feed-body"]).toBeUndefined();

    tamper(cacheDir, "feed-body", () => "<p>cached body</p>");
    const atom = buildFeeds(briefings, { ...site, title: "A third title" }, now, openCache(cacheDir)).find((file) => file.path === "/atom.xml")!.body;
    expect(atom).toContain("<![CDATA[<p>cached body</p>]]>");

    const edited = [{ ...briefings[0]!, html: "<p>An edited body.</p>" }, briefings[1]!];
    const rebuilt = buildFeeds(edited, site, now, openCache(cacheDir)).find((file) => file.path === "/atom.xml")!.body;
    expect(rebuilt).toContain("An edited body.");
  });
});

describe("a file's cache entry and the input limits", () => {
  it("is not served when a limit is lowered: the file is checked again and refused", () => {
    const folder = tempFolder();
    folder.write("2026/alias.md", "---\ntitle: &name Alias\ndate: 2026-01-03\nsubtitle: *name\n---\n\nA body.\n");
    const cacheDir = path.join(folder.dir, "cache");
    const load = (limits: object) =>
      loadBriefings({
        dir: folder.dir,
        settings: parseSiteSettings({ title: "T", description: "D", url: "https://x.org/", language: "en-GB", timeZone: "Europe/London", publisher: { name: "P" }, limits }, "site.json", {}),
        now,
        cwd: folder.dir,
        cache: openCache(cacheDir),
      });
    expect(load({}).briefings.map((briefing) => briefing.data.subtitle)).toEqual(["Alias"]);
    expect(() => load({ yamlAliases: 0 })).toThrow(/YAML aliases/);
  });
});

describe("whole feed files", () => {
  // One item in the subscription feeds and one per archive document: four archive documents.
  const site = makeSettings({ feedItems: 1, feedArchivePageSize: 1 });
  const briefings = [1, 2, 3, 4, 5].map((day) =>
    makeBriefing({ slug: `day-${day}`, title: `Day ${day}`, date: `2026-01-0${6 - day}T09:00:00+00:00`, tags: [{ name: "Europe", slug: "europe", path: "/tags/europe/" }] }),
  );
  const paths = (files: { path: string }[]) => files.map((file) => file.path);

  it("come from the cache while nothing they carry changed; an edit makes again only the feeds that carry the briefing", () => {
    const cacheDir = path.join(tempFolder().dir, "cache");
    const cold = recording(openCache(cacheDir));
    const first = buildFeeds(briefings, site, now, cold.cache);
    expect(paths(first)).toEqual(["/feed.xml", "/atom.xml", "/feed.json", "/feeds/archive/1.xml", "/feeds/archive/2.xml", "/feeds/archive/3.xml", "/feeds/archive/4.xml", "/tags/europe/atom.xml"]);
    expect(cold.sets["feed"]).toBe(first.length);

    const warm = recording(openCache(cacheDir));
    expect(buildFeeds(briefings, site, now, warm.cache)).toEqual(first);
    expect(warm.hits["feed"]).toBe(first.length);
    // A feed from the cache needs no item bodies.
    expect(warm.hits["feed-body"]).toBeUndefined();

    // The oldest briefing is in archive document 1 alone; its neighbours (which no feed shows) change nothing else.
    const edited = briefings.map((briefing) => (briefing.slug === "day-5" ? { ...briefing, title: "Day 5, corrected", newer: { title: "x", path: "/x/" } } : briefing));
    const again = recording(openCache(cacheDir));
    const rebuilt = buildFeeds(edited, site, now, again.cache);
    expect(rebuilt).toEqual(buildFeeds(edited, site, now, openCache(path.join(tempFolder().dir, "cache"))));
    expect(rebuilt.find((file) => file.path === "/feeds/archive/1.xml")!.body).toContain("Day 5, corrected");
    expect(again.sets["feed"]).toBe(1);
    expect(again.hits["feed"]).toBe(first.length - 1);
  });
});

describe("the digest's email files", () => {
  const site = makeSettings({ timeZone: "UTC" });
  const briefings = [makeBriefing({ slug: "mon", date: "2026-01-12T09:00:00Z" }), makeBriefing({ slug: "tue", date: "2026-01-13T09:00:00Z" })];
  const digests = (list = briefings) => buildDigests(list, site, new Date("2026-02-01T00:00:00Z"));

  it("are rendered once and reused; a changed briefing is a miss", () => {
    const cacheDir = path.join(tempFolder().dir, "cache");
    const cold = recording(openCache(cacheDir));
    const first = [...digestEmailFiles(digests(), site, cold.cache)];
    expect(cold.sets["digest-email"]).toBe(1);
    expect(first.map((file) => file.path)).toEqual(["index.html", "email.txt", "fragment.html", "preview/index.html"].map((name) => `/email/digest/2026-w03/${name}`));
    const warm = recording(openCache(cacheDir));
    expect([...digestEmailFiles(digests(), site, warm.cache)]).toEqual(first);
    expect(warm.hits["digest-email"]).toBe(1);

    tamper(cacheDir, "digest-email", (value) => (value as { path: string; body: string }[]).map((file) => ({ ...file, body: "cached" })));
    expect(([...digestEmailFiles(digests(), site, openCache(cacheDir))][0] as OutputFile).body).toBe("cached");

    const retitled = [{ ...briefings[0]!, title: "A new headline" }, briefings[1]!];
    const changed = recording(openCache(cacheDir));
    expect(([...digestEmailFiles(digests(retitled), site, changed.cache)][0] as OutputFile).body).toContain("A new headline");
    expect(changed.sets["digest-email"]).toBe(1);
  });
});
