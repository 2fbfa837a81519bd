import { describe, expect, it } from "vitest";
import { FrontMatterError, splitFrontMatter } from "../../src/content/frontmatter.ts";
import { loadBriefings } from "../../src/content/load.ts";
import { ContentError } from "../../src/errors.ts";
import { parseSiteSettings } from "../../src/site/settings.ts";
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
