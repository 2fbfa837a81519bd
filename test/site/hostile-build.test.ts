import { existsSync, readdirSync, readlinkSync, symlinkSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fingerprint, fixtureCopy, runBuild, type BuildRun } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

/**
 * Hostile and broken briefings through the real `npm run build` command: each problem is one
 * line naming the file (and the field) and the fix, the build exits 1 without a stack, and the
 * last good output stays as it was.
 */
const parent = tempFolder("dispatch-hostile-").dir;
const out = path.join(parent, "dist");

const bomb = [
  "lol:",
  '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map((name, n) => `  ${name}: &${name} [${Array(9).fill(`*${"abcdefgh"[n]}`).join(",")}]`),
].join("\n");

const cases: { name: string; file: string; text: string; line: RegExp }[] = [
  {
    name: "a YAML alias bomb in an unknown field",
    file: "2026/bomb.md",
    text: `---\ntitle: Bomb\ndate: 2026-01-01\n${bomb}\n---\n\nBody.\n`,
    line: /^ {2}\S*2026\/bomb\.md: the front matter's YAML aliases \(\*name\) expand to more than 100 copies; .*DISPATCH_MAX_YAML_ALIASES=… for one build$/,
  },
  {
    name: "a briefing over the size limit",
    file: "2026/big.md",
    text: briefingSource({ title: "Big", date: "2026-01-01" }, "Word ".repeat(16000)),
    line: /^ {2}\S*2026\/big\.md: the file is 79 KB, more than the 64 KB a briefing may have; .*DISPATCH_MAX_BRIEFING_KB=… for one build$/,
  },
  {
    name: "a NUL in the title",
    file: "2026/nul.md",
    text: briefingSource({ title: '"Budget\\0 cuts"', date: "2026-01-01" }),
    line: /^ {2}\S*2026\/nul\.md: "title" contains the invisible control character U\+0000, .*; delete it/,
  },
  {
    name: "a 300-character slug",
    file: "2026/long-slug.md",
    text: briefingSource({ title: "Long", date: "2026-01-01", slug: "a".repeat(300) }),
    line: /^ {2}\S*2026\/long-slug\.md: "slug" makes a URL part of 300 bytes, more than the 200 a file name can hold .*; shorten it \(got "a{300}"\)$/,
  },
  {
    name: "a 300-character tag",
    file: "2026/long-tag.md",
    text: briefingSource({ title: "Long", date: "2026-01-01", tags: `[Europe, ${"b".repeat(300)}]` }),
    line: /^ {2}\S*2026\/long-tag\.md: "tags\[1\]" makes a URL part of 300 bytes, .*; shorten the tag \(got "b{300}"\)$/,
  },
  {
    name: "a 300-character author name",
    file: "2026/long-author.md",
    text: briefingSource({ title: "Long", date: "2026-01-01", authors: "c".repeat(300) }),
    line: /^ {2}\S*2026\/long-author\.md: "authors" makes a URL part of 300 bytes, .*; shorten the name \(got "c{300}"\)$/,
  },
  {
    name: "an offset of +25:00",
    file: "2026/offset.md",
    text: briefingSource({ title: "Offset", date: "2026-01-06T09:30:00+25:00" }),
    line: /^ {2}\S*2026\/offset\.md: "date" has the offset \+25:00, but offsets run from -12:00 to \+14:00; .*\(got "2026-01-06T09:30:00\+25:00"\)$/,
  },
  {
    name: "the year 0000",
    file: "2026/year-zero.md",
    text: briefingSource({ title: "Zero", date: "0000-01-01" }),
    line: /^ {2}\S*2026\/year-zero\.md: "date" must be in the years 1000 to 9999 in the site's time zone \(got "0000-01-01"\)$/,
  },
  {
    name: "an image address with a backslash",
    file: "2026/backslash.md",
    text: briefingSource({ title: "Image", date: "2026-01-01", image: "'/\\evil.example/x.jpg'", imageAlt: "A photo" }),
    line: /^ {2}\S*2026\/backslash\.md: "image" must be a path like \/images\/paris\.jpg or an https:\/\/ URL, without backslashes or spaces .*\(got "\/\\\\evil\.example\/x\.jpg"\)$/,
  },
  {
    name: "an image path outside content/",
    file: "2026/escape.md",
    text: briefingSource({ title: "Image", date: "2026-01-01", image: "/../../x.png", imageAlt: "A photo" }),
    line: /^ {2}\S*2026\/escape\.md: "image" must be a path like \/images\/paris\.jpg or an https:\/\/ URL: a file inside content\/, without "\." or "\.\." in the path \(got "\/\.\.\/\.\.\/x\.png"\)$/,
  },
  {
    name: "5,000 nested <div>s",
    file: "2026/deep.md",
    text: briefingSource({ title: "Deep", date: "2026-01-01" }, `Text.\n\n${"<div>".repeat(5000)}x${"</div>".repeat(5000)}`),
    line: /^ {2}\S*2026\/deep\.md: the body's HTML nests 5000 elements inside each other, more than the 256 .*; close the tags you opened, or remove wrapping <div>s$/,
  },
];

let good: string;
let broken: BuildRun;
let brokenMs: number;

beforeAll(() => {
  expect(runBuild(fixtureCopy().dir, out).status).toBe(0);
  good = fingerprint(out);
  const briefings = fixtureCopy();
  for (const { file, text } of cases) briefings.write(file, text);
  const started = performance.now();
  broken = runBuild(briefings.dir, out, { DISPATCH_MAX_BRIEFING_KB: "64" });
  brokenMs = performance.now() - started;
});

describe("hostile briefings in a real build", () => {
  it.each(cases)("reports $name in one line naming the file, the field and the fix", ({ line }) => {
    expect(broken.stderr.split("\n").filter((text) => line.test(text))).toHaveLength(1);
  });

  it("fails fast with exit 1, every problem at once, no stack, the last good output untouched", () => {
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`${cases.length} problems to fix`);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
    expect(brokenMs).toBeLessThan(30_000);
    expect(fingerprint(out)).toBe(good);
    expect(readdirSync(parent).sort()).toEqual(["dist", readlinkSync(out)].sort());
  });
});

describe("briefings that are skipped or use other scripts", () => {
  let run: BuildRun;
  const site = path.join(tempFolder("dispatch-skipped-").dir, "dist");
  beforeAll(() => {
    const briefings = fixtureCopy();
    briefings.write("2026/japanese.md", briefingSource({ title: "Japanese", date: "2026-01-02", slug: "日本語-ニュース" }));
    briefings.write("2026/extra.markdown", briefingSource({ title: "Extra", date: "2026-01-02" }));
    briefings.write("2026/_note.md", briefingSource({ title: "Note", date: "2026-01-02" }));
    symlinkSync(path.join(briefings.dir, "2026/uk-france-ukraine-troops.md"), path.join(briefings.dir, "2026/linked.md"));
    run = runBuild(briefings.dir, site);
  });

  it("builds a front-matter slug in Japanese, as a file name would", () => {
    expect(run.status).toBe(0);
    expect(existsSync(path.join(site, "briefings/2026/日本語-ニュース/index.html"))).toBe(true);
  });

  it.each([
    ["2026/extra.markdown", "briefings must end in .md (lower case); rename it to extra.md to publish it"],
    ["2026/_note.md", 'a name starting with "_" keeps a file out of the build'],
    ["2026/linked.md", "it is a symbolic link, and Dispatch reads only real files"],
  ])("warns that %s was skipped, and why", (file, why) => {
    const warning = run.stderr.split("\n").find((line) => line.includes(`${file}: skipped: `));
    expect(warning).toContain(why);
  });
});

describe("a briefing deleted while the build reads the folder", () => {
  it("is one line naming it, exit 1, no stack", () => {
    const briefings = fixtureCopy();
    const victim = briefings.write("2026/vanishing.md", briefingSource({ title: "Vanishing", date: "2026-01-02" }));
    // Fault injection: the file disappears right after the build lists the briefings folder.
    const hook = tempFolder("dispatch-hook-").write(
      "delete-after-listing.mjs",
      `import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
const readdirSync = fs.readdirSync;
fs.readdirSync = function (dir, options) {
  const entries = readdirSync.call(this, dir, options);
  if (options?.recursive && String(dir) === ${JSON.stringify(briefings.dir)}) fs.rmSync(${JSON.stringify(victim)}, { force: true });
  return entries;
};
syncBuiltinESMExports();
`,
    );
    const run = runBuild(briefings.dir, path.join(tempFolder("dispatch-vanish-").dir, "dist"), { NODE_OPTIONS: `--import ${hook}` });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^ {2}\S*2026\/vanishing\.md: the file was moved or deleted while the build was reading it; run the build again$/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
