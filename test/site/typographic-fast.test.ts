import { describe, expect, it } from "vitest";
import { typographic, typographicByParser } from "../../src/markdown/render.ts";
import { markdownBodies } from "../helpers/bodies.ts";
import { seeded } from "../helpers/hostile.ts";

describe("typographic without the parser", () => {
  it("gives markdown-it's text for every line of the sample's, the fixtures' and the bench's bodies", () => {
    let untouched = 0;
    for (const [name, markdown] of markdownBodies(50)) {
      for (const line of markdown.split("\n")) {
        if (typographicByParser(line) === line) untouched += 1;
        expect(typographic(line), `${name}: ${line}`).toBe(typographicByParser(line));
      }
    }
    expect(untouched).toBeGreaterThan(100);
  });

  it("gives markdown-it's text for 20,000 seeded strings of what its typographer looks at", () => {
    const random = seeded(128);
    const pieces = ["a", "b ", "C", "c", "t", "m", "r", "R", "(", ")", "+", "-", ".", "?", "!", ",", "'", '"', "\r", "\n", "\0", " ", "…", "—", "é", "\u00a0", "[", "]", "*", "_", "`", "&amp;", "<b>", "\\", "1"];
    let untouched = 0;
    for (let index = 0; index < 20_000; index += 1) {
      let text = "";
      for (let count = Math.floor(random() * 12); count >= 0; count -= 1) text += pieces[Math.floor(random() * pieces.length)]!;
      if (typographicByParser(text) === text) untouched += 1;
      expect(typographic(text), JSON.stringify(text)).toBe(typographicByParser(text));
    }
    // Both kinds are tried: strings the typographer leaves alone, and strings it changes.
    expect(untouched).toBeGreaterThan(2000);
    expect(untouched).toBeLessThan(18_000);
  });
});
