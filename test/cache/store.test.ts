import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NO_CACHE, openCache, pruneCache } from "../../src/cache/store.ts";
import { tempFolder } from "../helpers/tmp.ts";

function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the build cache", () => {
  it("serves what was stored under the same inputs, and misses on any other", () => {
    const { dir } = tempFolder();
    const cache = openCache(path.join(dir, "cache"));
    const key = cache.key("body", "Hello");
    cache.set("body", key, { html: "<p>Hello</p>" });
    expect(openCache(path.join(dir, "cache")).get("body", key)).toEqual({ html: "<p>Hello</p>" });
    expect(cache.key("body", "Hello!")).not.toBe(key);
    // Inputs are length-prefixed: moving text between them changes the key.
    expect(cache.key("ab", "c")).not.toBe(cache.key("a", "bc"));
    expect(cache.get("email", key)).toBeUndefined();
  });

  it("binds keys to the code: other code never gets this code's entries", () => {
    const { dir } = tempFolder();
    const ours = openCache(path.join(dir, "cache"), "code-a");
    const theirs = openCache(path.join(dir, "cache"), "code-b");
    const key = ours.key("body", "Hello");
    ours.set("body", key, "ours");
    expect(theirs.key("body", "Hello")).not.toBe(key);
    expect(theirs.get("body", theirs.key("body", "Hello"))).toBeUndefined();
  });

  it("ignores corrupt, truncated and foreign entries", () => {
    const { dir } = tempFolder();
    const cache = openCache(path.join(dir, "cache"));
    const keys = ["one", "two", "three"].map((text) => cache.key("body", text));
    for (const key of keys) cache.set("body", key, { text: "value" });
    const [corrupt, truncated, foreign] = entries(path.join(dir, "cache")).sort();
    writeFileSync(corrupt!, "\u0000\u0001 not JSON");
    writeFileSync(truncated!, readFileSync(truncated!).subarray(0, -3));
    writeFileSync(foreign!, JSON.stringify({ format: "someone-else/1", key: path.basename(foreign!, ".v8"), value: { text: "value" } }));
    for (const key of keys) expect(cache.get("body", key)).toBeUndefined();
    // A miss is then replaced by a fresh entry.
    cache.set("body", keys[0]!, { text: "again" });
    expect(cache.get("body", keys[0]!)).toEqual({ text: "again" });
  });

  it("is off without a folder (DISPATCH_CACHE=off): nothing stored, nothing served", () => {
    const cache = openCache(null);
    expect(cache).toBe(NO_CACHE);
    cache.set("body", cache.key("x"), "value");
    expect(cache.get("body", cache.key("x"))).toBeUndefined();
  });

  describe("pruning (entries no build used lately go)", () => {
    const DAY = 86_400_000;
    const age = (file: string, ms: number) => {
      const time = new Date(Date.now() - ms);
      utimesSync(file, time, time);
    };

    it("a hit marks an entry used (its modification time), at most once a day", () => {
      const dir = path.join(tempFolder().dir, "cache");
      const cache = openCache(dir);
      const [old, recent] = ["old", "recent"].map((text) => cache.key("body", text)) as [string, string];
      cache.set("body", old, "old");
      cache.set("body", recent, "recent");
      const file = (key: string) => path.join(dir, "body", `${key}.v8`);
      age(file(old), 3 * DAY);
      age(file(recent), 3_600_000);
      const recentTime = statSync(file(recent)).mtimeMs;
      expect(cache.get("body", old)).toBe("old");
      expect(cache.get("body", recent)).toBe("recent");
      expect(Date.now() - statSync(file(old)).mtimeMs).toBeLessThan(60_000);
      expect(statSync(file(recent)).mtimeMs).toBe(recentTime);
    });

    it("removes entries unused for the limit, half-written leftovers and all but the newest two manifests; keeps the rest and anything not an entry", () => {
      const dir = path.join(tempFolder().dir, "cache");
      const cache = openCache(dir);
      const put = (kind: string, text: string, ageMs: number) => {
        const key = cache.key(kind, text);
        cache.set(kind, key, text);
        const file = path.join(dir, kind, `${key}.v8`);
        age(file, ageMs);
        return { key, file };
      };
      const unused = put("page", "unused", 40 * DAY);
      const used = put("page", "used", 40 * DAY);
      const young = put("email", "young", 10 * DAY);
      const manifests = [0, 2, 3, 5].map((hours) => put("manifest", `build ${hours}`, hours * 3_600_000 + 1000));
      const torn = path.join(dir, "page", `${unused.key.replace(/^./, "f")}.v8.123.tmp`);
      writeFileSync(torn, "half");
      age(torn, 2 * 3_600_000);
      const notes = path.join(dir, "page", "notes.txt");
      writeFileSync(notes, "not an entry");
      age(notes, 400 * DAY);
      mkdirSync(path.join(dir, "page", "sub"));
      expect(cache.get("page", used.key)).toBe("used");

      // A cache never pruned: the first build starts the clock, the first a day later prunes.
      expect(pruneCache(dir, { maxAgeDays: 30 }).removed).toBe(0);
      expect(existsSync(unused.file)).toBe(true);
      const report = pruneCache(dir, { maxAgeDays: 30, force: true });
      expect(report.removed).toBe(4);
      expect(report.bytes).toBeGreaterThan(0);
      for (const gone of [unused.file, torn, manifests[2]!.file, manifests[3]!.file]) expect(existsSync(gone), gone).toBe(false);
      for (const kept of [used.file, young.file, manifests[0]!.file, manifests[1]!.file, notes]) expect(existsSync(kept), kept).toBe(true);
      expect(cache.get("email", young.key)).toBe("young");

      // Once a day: a second build the same day walks nothing.
      age(young.file, 40 * DAY);
      expect(pruneCache(dir, { maxAgeDays: 30 }).removed).toBe(0);
      expect(pruneCache(dir, { maxAgeDays: 30, now: Date.now() + DAY + 1000 }).removed).toBe(1);
      expect(existsSync(young.file)).toBe(false);
    });

    it("does nothing to a cache folder that does not exist", () => {
      const dir = path.join(tempFolder().dir, "none");
      expect(pruneCache(dir, { maxAgeDays: 30 })).toEqual({ removed: 0, bytes: 0 });
      expect(existsSync(dir)).toBe(false);
    });
  });
});
