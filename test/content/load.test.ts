import { describe, expect, it } from "vitest";
import { loadBriefings } from "../../src/content/load.ts";
import { ContentError } from "../../src/config/errors.ts";
import { parseSiteSettings } from "../../src/config/settings.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

const settings = parseSiteSettings(
  { title: "T", description: "D", url: "https://x.org/news", language: "en-GB", timeZone: "Europe/London", publisher: { name: "P" } },
  "site.json",
  {},
);
const now = new Date("2026-06-01T00:00:00Z");

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error("expected a ContentError");
}

describe("loadBriefings", () => {
  it("reads, renders, analyses and orders briefings, newest first with neighbours", () => {
    const folder = tempFolder();
    folder.write("2026/older.md", briefingSource({ title: '"Older"', date: "2026-01-01", tags: "[Europe, Défense]" }));
    folder.write(
      "2026/newer.md",
      briefingSource({ title: '"Newer <b>"', date: "2026-02-01T09:00:00+01:00", authors: "[Ann, {name: Bo, url: 'https://bo.org/'}]" }, 'Text with a footnote.[^1]\n\n[^1]: Note.'),
    );
    const { briefings } = loadBriefings({ dir: folder.dir, settings, now, cwd: folder.dir });
    expect(briefings.map((b) => b.slug)).toEqual(["newer", "older"]);
    const [newer, older] = briefings;
    expect(newer!.url).toBe("https://x.org/news/briefings/2026/newer/");
    expect(newer!.date).toBe("2026-02-01T08:00:00+00:00");
    expect(newer!.authors).toEqual([{ name: "Ann" }, { name: "Bo", url: "https://bo.org/" }]);
    expect(newer!.html).toContain('href="#fn1"');
    expect(newer!.older).toEqual({ title: "Older", path: older!.path });
    expect(older!.newer?.path).toBe(newer!.path);
    expect(older!.tags.map((t) => t.path)).toEqual(["/tags/europe/", "/tags/defense/"]);
    expect(older!.summary).toBe("A first paragraph that says what happened.");
  });

  it("keeps drafts and future briefings out unless asked", () => {
    const folder = tempFolder();
    folder.write("a.md", briefingSource({ title: "Draft", date: "2026-01-01", draft: "true" }));
    folder.write("b.md", briefingSource({ title: "Future", date: "2099-01-01" }));
    folder.write("c.md", briefingSource({ title: "Live", date: "2026-01-01" }));
    expect(loadBriefings({ dir: folder.dir, settings, now }).briefings.map((b) => b.title)).toEqual(["Live"]);
    expect(loadBriefings({ dir: folder.dir, settings, now, includeUnpublished: true }).briefings).toHaveLength(3);
  });

  it("names the file, the field and the fix for each problem, all at once", () => {
    const folder = tempFolder();
    folder.write("2026/no-title.md", briefingSource({ date: "2026-01-01" }));
    folder.write("2026/bad-date.md", briefingSource({ title: "X", date: "next tuesday" }));
    folder.write("2026/impossible.md", briefingSource({ title: "X", date: "2026-02-30" }));
    folder.write("2026/yaml.md", "---\ntitle: [unclosed\ndate: 2026-01-01\n---\nBody\n");
    folder.write("2026/image.md", briefingSource({ title: "X", date: "2026-01-01", image: "/images/a.jpg" }));
    const problems = problemsOf(() => loadBriefings({ dir: folder.dir, settings, now, cwd: folder.dir }));
    expect(problems).toContain('2026/bad-date.md: "date" must be a date like 2026-01-06 or 2026-01-06T09:30:00+01:00 (got "next tuesday")');
    expect(problems.find((p) => p.startsWith("2026/impossible.md: \"date\""))).toContain('"2026-02-30"');
    expect(problems.find((p) => p.startsWith("2026/no-title.md"))).toMatch(/"title" is required: add a line like title:/);
    expect(problems.find((p) => p.startsWith("2026/yaml.md"))).toMatch(/^2026\/yaml\.md:\d+: front matter is not valid YAML/);
    expect(problems.find((p) => p.startsWith("2026/image.md"))).toContain('"imageAlt" is required');
    expect(problems).toHaveLength(5);
  });

  it("refuses author links that are not web addresses", () => {
    const folder = tempFolder();
    folder.write("a.md", briefingSource({ title: "A", date: "2026-01-01", authors: "[{name: Eve, url: 'javascript:alert(1)'}]" }));
    expect(problemsOf(() => loadBriefings({ dir: folder.dir, settings, now, cwd: folder.dir }))).toEqual([
      'a.md: "authors[0].url" must be a web address starting with https:// (got "javascript:alert(1)")',
    ]);
  });

  it("refuses images that are neither site paths nor web addresses", () => {
    const folder = tempFolder();
    folder.write("a.md", briefingSource({ title: "A", date: "2026-01-01", image: "'javascript:alert(1)'", imageAlt: "x" }));
    expect(problemsOf(() => loadBriefings({ dir: folder.dir, settings, now, cwd: folder.dir }))).toEqual([
      'a.md: "image" must be a path like /images/paris.jpg or an https:// URL (got "javascript:alert(1)")',
    ]);
  });

  it("refuses two briefings with the same URL", () => {
    const folder = tempFolder();
    folder.write("2026/a.md", briefingSource({ title: "A", date: "2026-01-01", slug: "same" }));
    folder.write("2026/b.md", briefingSource({ title: "B", date: "2026-03-01", slug: "same" }));
    expect(problemsOf(() => loadBriefings({ dir: folder.dir, settings, now, cwd: folder.dir }))).toEqual([
      '2026/a.md and 2026/b.md both have the URL /briefings/2026/same/; give one of them another "slug"',
    ]);
  });

  it("keeps unknown fields and warns about likely misspellings", () => {
    const folder = tempFolder();
    folder.write("a.md", briefingSource({ title: "A", date: "2026-01-01", tagz: "[x]", desk: "Politics" }));
    const { briefings, warnings } = loadBriefings({ dir: folder.dir, settings, now, cwd: folder.dir });
    expect(briefings[0]!.data.desk).toBe("Politics");
    expect(warnings).toEqual(['a.md: unknown field "tagz": did you mean "tags"? (kept as it is)']);
  });

  it("lets front matter override the summary and the key quote", () => {
    const folder = tempFolder();
    folder.write("a.md", briefingSource({ title: "A", date: "2026-01-01", summary: '"Own summary."', keyQuote: '{text: "Set by hand.", speaker: "An Editor"}' }));
    const [briefing] = loadBriefings({ dir: folder.dir, settings, now }).briefings;
    expect(briefing!.summary).toBe("Own summary.");
    expect(briefing!.keyQuote).toEqual({ text: "Set by hand.", speaker: "An Editor" });
  });

  it("builds a briefing with an empty body", () => {
    const folder = tempFolder();
    folder.write("empty.md", "---\ntitle: Empty\ndate: 2026-01-01\n---\n");
    const [briefing] = loadBriefings({ dir: folder.dir, settings, now }).briefings;
    expect(briefing!.html).toBe("");
    expect(briefing!.wordCount).toBe(0);
  });
});
