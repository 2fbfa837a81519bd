import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NO_CACHE, openCache } from "../../src/cache/store.ts";
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
});
