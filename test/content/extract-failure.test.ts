import { describe, expect, it, vi } from "vitest";
import { loadBriefings } from "../../src/content/load.ts";
import { analyze, analyzeChecked } from "../../src/extract/index.ts";
import { parseSiteSettings } from "../../src/config/settings.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

// A fault injected into one real extractor stands for a bug: the key-point step throws on one marker
// word and works as usual on everything else.
const FAULT = "Zxqvfault";
vi.mock("../../src/extract/summary.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/extract/summary.ts")>();
  return {
    ...original,
    keyPoints: (...args: Parameters<typeof original.keyPoints>) => {
      if (args[0].text.includes(FAULT)) throw new Error("injected fault");
      return original.keyPoints(...args);
    },
  };
});

const settings = parseSiteSettings(
  { title: "T", description: "D", url: "https://x.org/", language: "en-GB", timeZone: "Europe/London", publisher: { name: "P" } },
  "site.json",
  {},
);
const now = new Date("2026-06-01T00:00:00Z");

describe("an extraction failure", () => {
  it("gives an empty analysis, never an exception, and says why", () => {
    const body = `${FAULT} broke here. "We will act," the minister said.`;
    expect(() => analyze(body)).not.toThrow();
    const { analysis, failure } = analyzeChecked(body);
    expect(failure).toBe("injected fault");
    expect(analysis).toMatchObject({ summary: "", keyPoints: [], quotes: [], wordCount: 9 });
    expect(analyzeChecked("A calm first paragraph about the summit.").failure).toBeNull();
  });

  it("is a build warning naming the file, and the other briefings are analysed as usual", () => {
    const folder = tempFolder();
    folder.write("2026/broken.md", briefingSource({ title: "Broken", date: "2026-01-02" }, `${FAULT} is in this paragraph.`));
    folder.write("2026/fine.md", briefingSource({ title: "Fine", date: "2026-01-01" }));
    const { briefings, warnings } = loadBriefings({ dir: folder.dir, settings, now, cwd: folder.dir });
    expect(briefings.map((b) => [b.slug, b.summary])).toEqual([["broken", ""], ["fine", "A first paragraph that says what happened."]]);
    expect(warnings).toEqual([
      "2026/broken.md: key quotes, summary and key points could not be extracted (injected fault); they are left empty, " +
        'so set "summary" in the front matter, and please report this file',
    ]);
  });
});
