import { rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BriefingMemo, loadBriefings } from "../../src/content/load.ts";
import { parseSiteSettings } from "../../src/config/settings.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

const site = { title: "T", description: "D", url: "https://x.org/", language: "en-GB", timeZone: "Europe/London", publisher: { name: "P" } };
const settings = parseSiteSettings(site, "site.json", {});
const now = new Date("2026-06-01T00:00:00Z");

describe("BriefingMemo (the dev server's rebuilds)", () => {
  it("reads again only the files saved since, replays warnings, follows deletions and new settings", () => {
    const folder = tempFolder();
    folder.write("2026/a.md", briefingSource({ title: "A", date: "2026-01-01", titel: "typo" }));
    folder.write("2026/b.md", briefingSource({ title: "B", date: "2026-01-02" }));
    folder.write("2026/c.md", briefingSource({ title: "C", date: "2026-01-03" }));
    const memo = new BriefingMemo();
    const load = (options = { settings }) => loadBriefings({ dir: folder.dir, now, cwd: folder.dir, memo, ...options });
    const first = load();
    const bySlug = (result: typeof first) => Object.fromEntries(result.briefings.map((briefing) => [briefing.slug, briefing]));
    expect(first.warnings).toEqual([expect.stringContaining('2026/a.md: unknown field "titel"')]);

    folder.write("2026/b.md", briefingSource({ title: "B retitled", date: "2026-01-02" }));
    const second = load();
    // Unchanged files give the very objects read before; the saved one is read again.
    expect(bySlug(second).a).toBe(bySlug(first).a);
    expect(bySlug(second).c).toBe(bySlug(first).c);
    expect(bySlug(second).b).not.toBe(bySlug(first).b);
    expect(bySlug(second).b!.title).toBe("B retitled");
    // Neighbours are linked on every load, from what each file says now.
    expect(bySlug(second).a!.newer).toEqual({ title: "B retitled", path: "/briefings/2026/b/" });
    expect(second.warnings).toEqual(first.warnings);

    rmSync(path.join(folder.dir, "2026/c.md"));
    const third = load();
    expect(third.briefings.map((briefing) => briefing.slug)).toEqual(["b", "a"]);
    expect(bySlug(third).b!.newer).toBeNull();

    const other = parseSiteSettings({ ...site, url: "https://y.org/" }, "site.json", {});
    const fourth = load({ settings: other });
    expect(bySlug(fourth).a).not.toBe(bySlug(third).a);
    expect(bySlug(fourth).a!.url).toBe("https://y.org/briefings/2026/a/");

    memo.clear();
    expect(bySlug(load({ settings: other })).a).not.toBe(bySlug(fourth).a);
  });
});
