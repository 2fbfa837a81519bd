import { describe, expect, it } from "vitest";
import type { Briefing } from "../../src/content/types.ts";
import { archivePages, archivePeriods, tagPages, tagSummaries } from "../../src/site/listings.ts";
import { parseSiteSettings } from "../../src/config/settings.ts";

const settings = { ...parseSiteSettings({ title: "T", description: "D", url: "https://x.org/", language: "en-GB", timeZone: "Europe/London", publisher: { name: "P" } }, "s", {}), archivePageSize: 2 };

function briefing(slug: string, date: string, tags: string[] = []): Briefing {
  return { slug, date, title: slug, path: `/briefings/${slug}/`, tags: tags.map((name) => ({ name, slug: name.toLowerCase(), path: `/tags/${name.toLowerCase()}/` })) } as Briefing;
}

const briefings = [
  briefing("e", "2026-02-01T00:30:00+00:00", ["Europe"]),
  briefing("d", "2026-01-31T23:30:00-05:00", ["Europe", "Energy"]),
  briefing("c", "2026-01-10T00:00:00+00:00", ["Energy"]),
  briefing("b", "2025-12-31T12:00:00+00:00"),
  briefing("a", "2025-12-01T12:00:00+00:00", ["Europe"]),
];

describe("archive", () => {
  it("groups by year and month in the site's time zone", () => {
    const periods = archivePeriods(briefings, settings);
    expect(periods.map((y) => [y.path, y.items.length])).toEqual([["/archive/2026/", 3], ["/archive/2025/", 2]]);
    // 23:30 in New York on 31 January is February in London.
    expect(periods[0]!.months.map((m) => [m.label, m.items.map((b) => b.slug)])).toEqual([
      ["February 2026", ["e", "d"]],
      ["January 2026", ["c"]],
    ]);
  });

  it("paginates with newer and older links", () => {
    const all = archivePages(briefings, settings).filter((page) => page.kind === "archive");
    expect(all.map((p) => [p.path, p.items.map((b) => b.slug), p.newerPath, p.olderPath])).toEqual([
      ["/archive/", ["e", "d"], null, "/archive/page/2/"],
      ["/archive/page/2/", ["c", "b"], "/archive/", "/archive/page/3/"],
      ["/archive/page/3/", ["a"], "/archive/page/2/", null],
    ]);
  });

  it("has one page even with no briefings", () => {
    expect(archivePages([], settings).map((p) => p.path)).toEqual(["/archive/"]);
  });
});

describe("tags", () => {
  it("counts and orders tags by use, then name", () => {
    expect(tagSummaries(briefings).map((t) => [t.name, t.count])).toEqual([["Europe", 3], ["Energy", 2]]);
  });

  it("gives each tag paginated pages and an Atom feed", () => {
    const europe = tagPages(briefings, settings).filter((p) => p.path.startsWith("/tags/europe/"));
    expect(europe.map((p) => p.path)).toEqual(["/tags/europe/", "/tags/europe/page/2/"]);
    expect(europe[0]!.feedPath).toBe("/tags/europe/atom.xml");
  });
});
