import path from "node:path";
import { describe, expect, it } from "vitest";
import { briefingFingerprints } from "../../src/cache/fingerprint.ts";
import { openCache, type Cache } from "../../src/cache/store.ts";
import type { Briefing } from "../../src/content/types.ts";
import { buildEmailFiles } from "../../src/email/index.ts";
import { feedLinks } from "../../src/feeds/index.ts";
import { createBriefingPages, type SiteView } from "../../src/render/pages.ts";
import { makeBriefing, makeSettings } from "../email/fixtures.ts";
import { recording } from "../helpers/cache.ts";
import { tempFolder } from "../helpers/tmp.ts";

/** A value of the same type as `value`, but different. */
function changed(value: unknown): unknown {
  if (typeof value === "string") return `${value} (changed)`;
  if (typeof value === "number") return value + 1;
  if (typeof value === "boolean") return !value;
  if (Array.isArray(value)) return [...value, value[0] ?? "added"];
  if (value === null) return "now set";
  return { ...(value as object), added: true };
}

describe("a briefing's fingerprint (one hash of the briefing per build, for every cache key)", () => {
  const briefing = makeBriefing({ newer: { title: "Newer", path: "/briefings/2026/newer/" }, older: null, data: { title: "x" } });

  it("changes with every field of the briefing but its neighbours", () => {
    const fingerprint = briefingFingerprints();
    const fields = Object.keys(briefing) as (keyof Briefing)[];
    expect(fields.length).toBeGreaterThan(20);
    for (const field of fields) {
      const other = briefingFingerprints()({ ...briefing, [field]: changed(briefing[field]) });
      if (field === "newer" || field === "older") expect(other, field).toBe(fingerprint(briefing));
      else expect(other, field).not.toBe(fingerprint(briefing));
    }
    // The body and the Markdown are hashed one after the other: text moved from one to the other is a change too.
    expect(briefingFingerprints()({ ...briefing, html: "<p>ab", markdown: "c" })).not.toBe(briefingFingerprints()({ ...briefing, html: "<p>a", markdown: "bc" }));
  });

  it("is hashed once per briefing by the fingerprints that made it", () => {
    const fingerprint = briefingFingerprints();
    const first = fingerprint(briefing);
    // Changed in place (as no build does): the same fingerprints still give the first hash, new ones see the change.
    const copy = { ...briefing };
    expect(fingerprint(copy)).toBe(first);
    copy.title = "Another title";
    expect(fingerprint(copy)).toBe(first);
    expect(briefingFingerprints()(copy)).not.toBe(first);
  });
});

describe("keys made from fingerprints", () => {
  const settings = makeSettings();
  const site: SiteView = { ...settings, dev: false, feeds: feedLinks(settings) };
  const pagesFor = () => createBriefingPages({ site, related: {}, helpers: { settings: site, cards: null, analyses: new Map(), dates: new Map() } });
  /** A page through the cache, under the key its inputs give. */
  const cachedPage = (page: Briefing, cache: Cache) => {
    const pages = pagesFor();
    return pages.cached(page, cache, pages.key(page, cache, briefingFingerprints()));
  };
  const briefing = makeBriefing({ older: { title: "The briefing before", path: "/briefings/2026/before/" } });

  it("a page is rendered again when a neighbour's title changes, which its fingerprint leaves out", async () => {
    const dir = path.join(tempFolder().dir, "cache");
    const cold = recording(openCache(dir));
    const first = await cachedPage(briefing, cold.cache);
    expect(first).toContain("The briefing before");
    expect(cold.sets.page).toBe(1);

    const warm = recording(openCache(dir));
    expect(await cachedPage({ ...briefing }, warm.cache)).toBe(first);
    expect(warm.hits.page).toBe(1);

    const renamed = recording(openCache(dir));
    const page = await cachedPage({ ...briefing, older: { title: "A retitled neighbour", path: "/briefings/2026/before/" } }, renamed.cache);
    expect(page).toContain("A retitled neighbour");
    expect(renamed.hits.page).toBeUndefined();
  });

  it("an email edition is rendered again when the briefing changes, not when its neighbours do (no email shows them)", () => {
    const dir = path.join(tempFolder().dir, "cache");
    const build = (list: Briefing[]) => {
      const recorded = recording(openCache(dir));
      const files: { path: string; body: string }[] = [];
      buildEmailFiles(list, settings, { cache: recorded.cache, fingerprint: briefingFingerprints(), write: (file) => files.push(file) });
      return { ...recorded, files };
    };
    const cold = build([briefing]);
    expect(cold.sets.email).toBe(1);
    const neighbour = build([{ ...briefing, older: { title: "A retitled neighbour", path: "/briefings/2026/before/" } }]);
    expect(neighbour.hits.email).toBe(1);
    expect(neighbour.files).toEqual(cold.files);
    const retitled = build([{ ...briefing, title: "A new headline for the email" }]);
    expect(retitled.hits.email).toBeUndefined();
    expect(retitled.files.find((file) => file.path.endsWith("/index.html"))!.body).toContain("A new headline for the email");
  });
});
