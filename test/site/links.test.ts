import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { readFileSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createBuildContext } from "../../src/build/context.ts";
import { dispatchPlugin } from "../../src/eleventy/plugin.ts";
import { NUNJUCKS_OPTIONS } from "../../src/render/helpers.ts";
import { FIXTURE_BRIEFINGS, fixtureCopy, listFiles, ROOT, runBuild } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

/** Every file of an output folder: its bytes, inode and status-change time. */
function files(dir: string): Map<string, { bytes: Buffer; ino: number; ctimeMs: number }> {
  return new Map(
    listFiles(dir).map((file) => {
      const stats = statSync(path.join(dir, file));
      return [file, { bytes: readFileSync(path.join(dir, file)), ino: stats.ino, ctimeMs: stats.ctimeMs }];
    }),
  );
}

const build = (briefings: string, output: string, cache: string) => {
  const run = runBuild(briefings, output, { DISPATCH_CACHE: cache });
  expect(run.stderr).not.toMatch(/Error|Build failed/);
  expect(run.status).toBe(0);
};

/** A copy of the fixture briefings built once into `out` (with a cache in `work`). */
function firstBuild() {
  const briefings = fixtureCopy();
  const work = tempFolder();
  const out = path.join(work.dir, "dist");
  build(briefings.dir, out, path.join(work.dir, "cache"));
  return { briefings, work, out };
}

// npm run build links a file whose bytes equal the served build's to it (src/config/outputs.ts).
describe("a build beside the build it replaces", () => {
  it("links unchanged files to it, changes none of its files, and writes what a cold build writes", () => {
    const { briefings, work, out } = firstBuild();
    // A served file edited by hand since (in place, same size): the next build writes its own bytes there.
    const edited = "email/2026/uk-france-ukraine-troops/email.txt";
    const editedText = readFileSync(path.join(out, edited), "utf8");
    writeFileSync(path.join(out, edited), `X${editedText.slice(1)}`);
    const served = files(out);
    const file = path.join(briefings.dir, "2025/older.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n---\n/, "\n---\n\nA new first sentence, written after the first build.\n"));
    build(briefings.dir, out, path.join(work.dir, "cache"));
    const warm = files(out);
    build(briefings.dir, path.join(work.dir, "cold"), path.join(work.dir, "cold-cache"));
    const cold = files(path.join(work.dir, "cold"));
    expect([...warm.keys()]).toEqual([...cold.keys()]);
    expect([...warm].filter(([name, { bytes }]) => !bytes.equals(cold.get(name)!.bytes)).map(([name]) => name)).toEqual([]);
    // Shared with the served build: the unchanged pages, emails and feeds, and only with their own bytes.
    const linked = [...warm].filter(([name, { ino }]) => served.get(name)?.ino === ino);
    expect(linked.length).toBeGreaterThan(20);
    for (const [name, { bytes }] of linked) expect(bytes.equals(served.get(name)!.bytes), name).toBe(true);
    const names = linked.map(([name]) => name);
    expect(names).toContain("email/2026/uk-france-ukraine-troops/index.html");
    expect(names).not.toContain(edited);
    expect(readFileSync(path.join(out, edited), "utf8")).toBe(editedText);
    expect(names.some((name) => /^briefings\/\d{4}\/older\//.test(name))).toBe(false);
  });

  it("a build that fails after writing leaves the served site byte for byte as it was", () => {
    const { briefings, work, out } = firstBuild();
    const site = readlinkSync(out);
    const served = files(out);
    // Its email is too large for Gmail: the build stops after it wrote (and linked) the briefing pages.
    const paragraph = "Officials said the talks would resume next week, and that both sides had agreed on a timetable for the next round. ";
    briefings.write("2026/huge-read.md", `---\ntitle: "A very long read"\ndate: 2026-01-03\n---\n\n${`${paragraph.repeat(8)}\n\n`.repeat(100)}`);
    const run = runBuild(briefings.dir, out, { DISPATCH_CACHE: path.join(work.dir, "cache") });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/huge-read\.md/);
    expect(readlinkSync(out)).toBe(site);
    const after = files(out);
    expect([...after.keys()]).toEqual([...served.keys()]);
    for (const [name, { bytes, ino }] of served) {
      expect(after.get(name)!.bytes.equals(bytes), name).toBe(true);
      expect(after.get(name)!.ino).toBe(ino);
    }
    // The failed build did link to the served files (a new link changes a file's status time), and changed no bytes.
    expect([...served].filter(([name, { ctimeMs }]) => after.get(name)!.ctimeMs !== ctimeMs).length).toBeGreaterThan(0);
  });

  it("a page Eleventy writes where Dispatch linked a served file is a new file: the served one keeps its bytes", async () => {
    const env = { ...process.env, DISPATCH_BRIEFINGS: FIXTURE_BRIEFINGS, DISPATCH_CACHE: "off" };
    const work = tempFolder();
    // Eleventy with the plugin, as npm run build runs it; `input` holds the templates Eleventy renders.
    const render = async (input: string, output: string, previous: string | null) => {
      const context = createBuildContext({ dev: false, env });
      const config = (eleventyConfig: UserConfig) => {
        eleventyConfig.addPlugin(dispatchPlugin, { dev: false, context, previous });
        eleventyConfig.setNunjucksEnvironmentOptions(NUNJUCKS_OPTIONS);
        eleventyConfig.setIncludesDirectory(path.relative(input, path.join(ROOT, "layouts")));
      };
      const eleventy = new Eleventy(input, output, { quietMode: true, config });
      eleventy.disableLogger();
      await eleventy.write();
      return context;
    };
    const empty = tempFolder();
    empty.write("robots.njk", "---\npermalink: /robots.txt\n---\nUser-agent: *\n");
    const served = path.join(work.dir, "dist.site-old");
    const { briefings } = await render(empty.dir, served, null);
    const page = `${briefings[0]!.path.slice(1)}index.html`;
    const before = readFileSync(path.join(served, page));
    // A template whose pages land on the briefing pages Dispatch writes (and links, as they are unchanged).
    const clashing = tempFolder();
    clashing.write("clash.njk", "---\npagination:\n  data: briefings\n  size: 1\n  alias: briefing\npermalink: \"{{ briefing.path }}index.html\"\n---\nWritten by Eleventy\n");
    const staging = path.join(work.dir, "dist.staging-1");
    await render(clashing.dir, staging, served);
    expect(readFileSync(path.join(staging, page), "utf8")).toBe("Written by Eleventy\n");
    expect(readFileSync(path.join(served, page)).equals(before)).toBe(true);
    // Linking was on: the emails, which Eleventy does not write, are the served build's files.
    const email = listFiles(staging).find((name) => name.startsWith("email/") && name.endsWith("email.txt"))!;
    expect(statSync(path.join(staging, email)).ino).toBe(statSync(path.join(served, email)).ino);
  });
});
