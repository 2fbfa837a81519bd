import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discard, stagingDir, swapIn } from "../../src/build/swap.ts";
import { tempFolder } from "../helpers/tmp.ts";

describe("swapping a finished build in", () => {
  it("replaces the old output whole and leaves nothing behind", () => {
    const parent = tempFolder().dir;
    const out = path.join(parent, "dist");
    mkdirSync(out);
    writeFileSync(path.join(out, "old.html"), "old");
    const staging = stagingDir(out);
    mkdirSync(staging);
    writeFileSync(path.join(staging, "new.html"), "new");
    swapIn(staging, out);
    expect(readdirSync(out)).toEqual(["new.html"]);
    expect(readFileSync(path.join(out, "new.html"), "utf8")).toBe("new");
    expect(readdirSync(parent)).toEqual(["dist"]);
  });

  it("works for a first build, and discarding removes a failed one", () => {
    const parent = tempFolder().dir;
    const out = path.join(parent, "dist");
    const staging = stagingDir(out);
    mkdirSync(staging);
    swapIn(staging, out);
    expect(existsSync(out)).toBe(true);
    mkdirSync(staging);
    discard(staging);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });
});
