import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startSearchIndex } from "../../src/search/index.ts";
import { tempFolder } from "../helpers/tmp.ts";

/** A staged site with briefing pages as the build writes them: two years, Pagefind's body marked. */
function stagedSite() {
  const site = tempFolder("dispatch-search-thread-");
  const page = (title: string, words: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${words}</p>` +
    `<nav data-pagefind-ignore><a href="/">Next</a></nav></main></body></html>`;
  site.write("briefings/2025/lighthouse/index.html", page("Lighthouse relit", "The keepers lit the lamp again after the storm."));
  site.write("briefings/2025/ferry/index.html", page("Ferry timetable", "Winter sailings leave an hour later from Monday."));
  site.write("briefings/2026/pier/index.html", page("Pier reopened", "Anglers returned to the pier at dawn."));
  return site;
}

describe("the search index's thread", () => {
  it("indexes the staged pages while this thread never yields to its event loop", { timeout: 120_000 }, async () => {
    const site = stagedSite();
    const search = startSearchIndex({ siteDir: site.dir, cacheDir: null, code: "test" });
    try {
      const answer = search.index();
      // Busy as Eleventy keeps the build's main thread: an index driven from here would not move.
      const list = path.join(site.dir, "pagefind", "shards.json");
      const deadline = Date.now() + 90_000;
      while (!existsSync(list) && Date.now() < deadline);
      expect(existsSync(list)).toBe(true);
      expect(JSON.parse(readFileSync(list, "utf8"))).toEqual({ shards: ["2026", "2025"] });
      const report = await answer;
      expect(report).toMatchObject({ pages: 3, indexed: 2, cached: 0 });
      expect(existsSync(path.join(site.dir, "pagefind", "2025", "pagefind-entry.json"))).toBe(true);
    } finally {
      await search.stop();
    }
  });

  it("hands a failure back to the build, naming the path", async () => {
    const site = stagedSite();
    // A file where the index's folder goes: the thread cannot write the index.
    site.write("pagefind", "not a folder");
    const search = startSearchIndex({ siteDir: site.dir, cacheDir: null, code: "test" });
    try {
      await expect(search.index()).rejects.toThrow(path.join(site.dir, "pagefind"));
    } finally {
      await search.stop();
    }
  });

  it("ends when stopped before it was asked to index (a build that failed first)", async () => {
    const site = stagedSite();
    const search = startSearchIndex({ siteDir: site.dir, cacheDir: null, code: "test" });
    await search.stop();
    expect(existsSync(path.join(site.dir, "pagefind"))).toBe(false);
  });
});
