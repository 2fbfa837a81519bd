import Eleventy from "@11ty/eleventy";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dispatchPlugin } from "../../src/eleventy/plugin.ts";
import { FIXTURE_BRIEFINGS } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

describe("the extraction filters in a real Eleventy template", () => {
  it("work on Markdown strings and on briefings", async () => {
    const folder = tempFolder();
    folder.write(
      "page.njk",
      [
        '{% set text = "Ministers met on Monday. \\"We will act on the report,\\" said Anna Berg, the minister, \\"and soon.\\" The plan follows." %}',
        "summary={{ text | summary }}",
        "quote={{ (text | keyQuotes)[0].text }}|{{ (text | keyQuotes)[0].speaker }}",
        "minutes={{ text | readingTime }}",
        "points={{ text | keyPoints | length }}",
        "briefing={{ (briefings | first) | summary }}",
      ].join("\n"),
    );
    const out = path.join(folder.dir, "_site");
    process.env.DISPATCH_BRIEFINGS = FIXTURE_BRIEFINGS;
    try {
      const eleventy = new Eleventy(folder.dir, out, {
        quietMode: true,
        config: (config: Parameters<typeof dispatchPlugin>[0]) => config.addPlugin(dispatchPlugin, { dev: false }),
      });
      await eleventy.write();
    } finally {
      delete process.env.DISPATCH_BRIEFINGS;
    }
    const page = readFileSync(path.join(out, "page", "index.html"), "utf8");
    expect(page).toContain("summary=Ministers met on Monday.");
    // A pull quote is a whole sentence of six words or more (src/extract/keyquotes.ts), joined across its attribution.
    expect(page).toContain("quote=We will act on the report, and soon.|Anna Berg");
    expect(page).toContain("minutes=1");
    expect(page).toMatch(/points=\d/);
    expect(page).toMatch(/briefing=\S+/);
  });
});
