import { symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FrontMatterError, splitFrontMatter } from "../../src/content/frontmatter.ts";
import { loadBriefings } from "../../src/content/load.ts";
import { ContentError } from "../../src/config/errors.ts";
import { parseSiteSettings } from "../../src/config/settings.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

const raw = { title: "T", description: "D", url: "https://x.org/news/", language: "en-GB", timeZone: "Europe/London", publisher: { name: "P" } };
const settings = parseSiteSettings(raw, "site.json", {});
const now = new Date("2026-06-01T00:00:00Z");

function frontMatterError(source: string, limits?: Parameters<typeof splitFrontMatter>[1]): string {
  try {
    splitFrontMatter(source, limits);
  } catch (error) {
    if (error instanceof FrontMatterError) return error.message;
    throw error;
  }
  throw new Error("expected a FrontMatterError");
}

/** The problems loading one briefing with these front-matter lines reports. */
function problemsWith(fields: Record<string, string>, body?: string, options: { settings?: typeof settings } = {}): string[] {
  const folder = tempFolder();
  folder.write("2026/a.md", briefingSource({ title: "A", date: "2026-01-01", ...fields }, body));
  try {
    loadBriefings({ dir: folder.dir, settings: options.settings ?? settings, now, cwd: folder.dir });
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
}

const BOMB = [
  "title: A",
  "date: 2026-01-01",
  "lol:",
  '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  "  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
  "  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
  "  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
  "  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
].join("\n");

describe("resource limits on one briefing", () => {
  it("stops a YAML alias bomb at once, naming the limit and how to raise it", () => {
    const started = performance.now();
    const message = frontMatterError(`---\n${BOMB}\n---\nBody\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(message).toMatch(/YAML aliases \(\*name\) expand to more than 100 copies/);
    expect(message).toContain("DISPATCH_MAX_YAML_ALIASES");
  });

  it("still reads a few aliases, and refuses all of them when the limit is 0", () => {
    const source = "---\ntitle: A\nx: &x {k: 1}\ny: *x\n---\nBody\n";
    expect(splitFrontMatter(source).data.y).toEqual({ k: 1 });
    expect(frontMatterError(source, { frontMatterKb: 64, yamlAliases: 0 })).toMatch(/more than 0 copies/);
  });

  it("refuses front matter larger than its limit", () => {
    const source = `---\ntitle: A\nnotes: "${"x".repeat(3000)}"\n---\nBody\n`;
    expect(frontMatterError(source, { frontMatterKb: 2, yamlAliases: 100 })).toMatch(
      /^the front matter is 3 KB, more than the 2 KB allowed; .*"frontMatterKb".* DISPATCH_MAX_FRONT_MATTER_KB=/,
    );
  });

  it("refuses a briefing file larger than its limit, before reading it", () => {
    const small = parseSiteSettings({ ...raw, limits: { briefingKb: 1 } }, "site.json", {});
    expect(problemsWith({}, "word ".repeat(400), { settings: small })).toEqual([
      '2026/a.md: the file is 2 KB, more than the 1 KB a briefing may have; split it into several briefings, or raise "limits": { "briefingKb": … } in content/_data/site.json, or set DISPATCH_MAX_BRIEFING_KB=… for one build',
    ]);
  });

  it("takes the limits from site settings, the environment winning", () => {
    expect(settings.limits).toEqual({ briefingKb: 1024, frontMatterKb: 64, yamlAliases: 100 });
    const env = { DISPATCH_MAX_BRIEFING_KB: "4096", DISPATCH_MAX_YAML_ALIASES: "0" };
    expect(parseSiteSettings({ ...raw, limits: { briefingKb: 2048 } }, "site.json", env).limits).toEqual({ briefingKb: 4096, frontMatterKb: 64, yamlAliases: 0 });
    expect(() => parseSiteSettings(raw, "site.json", { DISPATCH_MAX_BRIEFING_KB: "lots" })).toThrow('DISPATCH_MAX_BRIEFING_KB: must be a whole number like 2048 (got "lots")');
  });
});

describe("control characters in front matter", () => {
  it.each([
    ["title", { title: '"Budget\\0 cuts"' }, '"title"', "U+0000"],
    ["a list item", { tags: '[Europe, "En\\x07ergy"]' }, '"tags[1]"', "U+0007"],
    ["a nested field", { authors: '[{name: "Ann\\x1b[31m"}]' }, '"authors[0].name"', "U+001B"],
    ["an unknown field", { desk: '"Poli\\x85tics"' }, '"desk"', "U+0085"],
  ])("are refused in %s, naming the field", (_, fields, field, code) => {
    const [problem] = problemsWith(fields);
    expect(problem).toBe(
      `2026/a.md: ${field} contains the invisible control character ${code}, which pages, feeds and email cannot carry; delete it (retype the text if you cannot see where it is)`,
    );
  });

  it("lets tabs and line breaks through", () => {
    expect(problemsWith({ summary: '"One\\tline\\nand another."' })).toEqual([]);
  });
});

describe("dates", () => {
  it.each([
    ["2026-01-06T09:30:00+25:00", "+25:00"],
    ["2026-01-06T09:30:00-13:00", "-13:00"],
    ["2026-01-06T09:30:00+05:75", "+05:75"],
  ])("refuse the impossible offset in %s", (value, offset) => {
    expect(problemsWith({ date: value })).toEqual([
      `2026/a.md: "date" has the offset ${offset}, but offsets run from -12:00 to +14:00; write the time with its real offset, like 2026-01-06T09:30:00+01:00 (got "${value}")`,
    ]);
  });

  it("accept the offsets the world uses, from -12:00 to +14:00", () => {
    expect(problemsWith({ date: "2026-01-06T09:30:00+14:00", updated: "2026-01-07T09:30:00-12:00" })).toEqual([]);
  });

  it.each(["0000-01-01", "0999-12-31", "1000-01-01T00:30:00+01:00"])("refuse %s, outside the four-digit years (in the site's zone)", (value) => {
    expect(problemsWith({ date: value })).toEqual([`2026/a.md: "date" must be in the years 1000 to 9999 in the site's time zone (got "${value}")`]);
  });
});

describe("image addresses", () => {
  it.each([
    ["/\\evil.example/x.jpg", "without backslashes or spaces"],
    ["https:\\\\evil.example/x.jpg", "without backslashes or spaces"],
    ["/\t/evil.example/x.jpg", "without backslashes or spaces"],
    ["//evil.example/x.jpg", "must be a path like /images/paris.jpg or an https:// URL"],
    ["/../../x.png", 'a file inside content/, without "." or ".." in the path'],
    ["/images/../../x.png", 'a file inside content/, without "." or ".." in the path'],
    ["/images/%2e%2e/%2e%2e/x.png", 'a file inside content/, without "." or ".." in the path'],
    ["/images/..%2f..%2fx.png", 'a file inside content/, without "." or ".." in the path'],
  ])("refuse %j, which would leave the site or content/", (image, reason) => {
    const [problem] = problemsWith({ image: JSON.stringify(image), imageAlt: "A photo" });
    expect(problem).toContain('2026/a.md: "image" must be a path like /images/paris.jpg or an https:// URL');
    expect(problem).toContain(reason);
  });

  it("keep site paths and web addresses", () => {
    expect(problemsWith({ image: "/images/paris%20summit.jpg", imageAlt: "A photo" })).toEqual([]);
    expect(problemsWith({ image: "https://cdn.example.org/a/b.jpg?w=600", imageAlt: "A photo" })).toEqual([]);
  });
});

describe("slugs: one rule for front matter, file names and tags", () => {
  it("accepts in front matter what a file name makes: letters of any script, with their marks", () => {
    const folder = tempFolder();
    folder.write("2026/日本語-ニュース.md", briefingSource({ title: "A", date: "2026-01-01" }));
    folder.write("2026/b.md", briefingSource({ title: "B", date: "2026-01-02", slug: "日本語-ニュース-2" }));
    folder.write("2026/c.md", briefingSource({ title: "C", date: "2026-01-03", slug: "हिन्दी-समाचार" }));
    const { briefings } = loadBriefings({ dir: folder.dir, settings, now, cwd: folder.dir });
    expect(briefings.map((b) => b.slug)).toEqual(["हिन्दी-समाचार", "日本語-ニュース-2", "日本語-ニュース"]);
  });

  it("says which slug would do when one is not in the form", () => {
    expect(problemsWith({ slug: "Paris Summit" })).toEqual([
      '2026/a.md: "slug" must be lower-case letters or digits joined by hyphens, like paris-summit or 日本語-ニュース ("paris-summit" would do) (got "Paris Summit")',
    ]);
  });

  it("refuses a slug, a tag, an author or a file name too long for a folder name, before anything is written", () => {
    expect(problemsWith({ slug: "a".repeat(300) })[0]).toMatch(/^2026\/a\.md: "slug" makes a URL part of 300 bytes, more than the 200 a file name can hold .*; shorten it \(got "a{300}"\)$/);
    expect(problemsWith({ authors: `[Ann, {name: ${"c".repeat(300)}}]` })[0]).toMatch(/^2026\/a\.md: "authors\[1\]\.name" makes a URL part of 300 bytes, .*; shorten the name \(got "c{300}"\)$/);
    expect(problemsWith({ tags: `[Europe, ${"b".repeat(300)}]` })[0]).toMatch(/^2026\/a\.md: "tags\[1\]" makes a URL part of 300 bytes, .*; shorten the tag \(got "b{300}"\)$/);
    // 70 Japanese characters are 210 bytes.
    const folder = tempFolder();
    folder.write(`2026/${"語".repeat(70)}.md`, briefingSource({ title: "A", date: "2026-01-01" }));
    expect(() => loadBriefings({ dir: folder.dir, settings, now, cwd: folder.dir })).toThrow(
      /the file name makes a URL part of 210 bytes, more than the 200 a file name can hold .*\(or add a shorter "slug"\)/,
    );
  });
});

describe("files that look like briefings but are skipped", () => {
  it("are named in a warning that says why", () => {
    const folder = tempFolder();
    folder.write("2026/real.md", briefingSource({ title: "Real", date: "2026-01-01" }));
    folder.write("2026/long.markdown", briefingSource({ title: "Long", date: "2026-01-02" }));
    folder.write("2026/UPPER.MD", briefingSource({ title: "Upper", date: "2026-01-02" }));
    folder.write("2026/_notes.md", briefingSource({ title: "Notes", date: "2026-01-03" }));
    folder.write("2026/notes.txt", "Not a briefing");
    symlinkSync(path.join(folder.dir, "2026/real.md"), path.join(folder.dir, "2026/linked.md"));
    const { briefings, warnings } = loadBriefings({ dir: folder.dir, settings, now, cwd: folder.dir });
    expect(briefings.map((b) => b.slug)).toEqual(["real"]);
    expect(warnings).toEqual([
      "2026/UPPER.MD: skipped: briefings must end in .md (lower case); rename it to UPPER.md to publish it",
      '2026/_notes.md: skipped: a name starting with "_" keeps a file out of the build (notes, templates); rename it to publish it',
      "2026/linked.md: skipped: it is a symbolic link, and Dispatch reads only real files; copy or move the file itself here",
      "2026/long.markdown: skipped: briefings must end in .md (lower case); rename it to long.md to publish it",
    ]);
  });
});

describe("deeply nested HTML in the body", () => {
  it("is refused at load, naming the briefing, before a recursive tool overflows the stack", () => {
    const deep = `${"<div>".repeat(5000)}x${"</div>".repeat(5000)}`;
    expect(problemsWith({}, `Text.\n\n${deep}\n`)).toEqual([
      "2026/a.md: the body's HTML nests 5000 elements inside each other, more than the 256 that email and feed tools can take; close the tags you opened, or remove wrapping <div>s",
    ]);
  });

  it("counts what a browser would build: unclosed paragraphs and list items do not nest", () => {
    const sloppy = `<div>${"<p>para ".repeat(600)}<ul>${"<li>item ".repeat(600)}</ul><img src="/x.png"><br></div>`;
    expect(problemsWith({}, `Text.\n\n${sloppy}\n`)).toEqual([]);
  });
});
