import { existsSync, readdirSync, readlinkSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fingerprint, fixtureCopy, runBuild } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

const parent = tempFolder("dispatch-bad-").dir;
const out = path.join(parent, "dist");

beforeAll(() => {
  const good = runBuild(fixtureCopy().dir, out);
  expect(good.status).toBe(0);
});

const cases: { name: string; file: string; text: string; message: RegExp }[] = [
  { name: "bad YAML", file: "2026/broken.md", text: "---\ntitle: \"unclosed\ndate: 2026-01-01\n---\nBody\n", message: /2026\/broken\.md:\d+: front matter is not valid YAML/ },
  { name: "a missing title", file: "2026/untitled.md", text: briefingSource({ date: "2026-01-02" }), message: /2026\/untitled\.md: "title" is required/ },
  { name: "an impossible date", file: "2026/feb30.md", text: briefingSource({ title: "X", date: "2026-02-30" }), message: /2026\/feb30\.md: "date" must be a date like 2026-01-06 .*\(got "2026-02-30"\)/ },
  { name: "a date in words", file: "2026/words.md", text: briefingSource({ title: "X", date: "next tuesday" }), message: /2026\/words\.md: "date" must be a date .*\(got "next tuesday"\)/ },
  {
    name: "a duplicate slug",
    file: "2026/copy.md",
    text: briefingSource({ title: "Copy", date: "2026-03-01", slug: "uk-france-ukraine-troops" }),
    message: /2026\/copy\.md and .*2026\/uk-france-ukraine-troops\.md both have the URL \/briefings\/2026\/uk-france-ukraine-troops\/; give one of them another "slug"/,
  },
];

describe("a broken briefing", () => {
  it.each(cases)("fails the build on $name, names the file, and leaves the last good output intact", ({ file, text, message }) => {
    const before = fingerprint(out);
    const briefings = fixtureCopy();
    briefings.write(file, text);
    const run = runBuild(briefings.dir, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("dist/ was not changed");
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(fingerprint(out)).toBe(before);
    expect(readdirSync(parent).sort()).toEqual(["dist", readlinkSync(out)].sort());
  });

  it("fails on a bad site setting, naming the field", () => {
    const run = runBuild(fixtureCopy().dir, out, { SITE_URL: "not a url" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SITE_URL: must be an absolute URL like https://example.org/news/ (got "not a url")');
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
  });
});
