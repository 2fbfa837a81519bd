import { describe, expect, it } from "vitest";
import { analyze, countWords, readingTimeMinutes } from "../../src/extract/index.js";

describe("word count and reading time", () => {
  it("counts words with apostrophes, hyphens and decimals as one", () => {
    expect(countWords("It's a well-known 3.5% rise — isn't it?")).toBe(7);
  });

  it("counts each Han and Kana character as a word", () => {
    expect(countWords("日本語のテキスト")).toBe(8);
    expect(countWords("经济 growth")).toBe(3);
  });

  it("ignores punctuation, emoji and marks on their own", () => {
    expect(countWords("🎟️ — !! …")).toBe(0);
    expect(countWords("")).toBe(0);
  });

  it("rounds reading time up at 230 words a minute, 0 only for blank text", () => {
    expect(readingTimeMinutes(0, "")).toBe(0);
    expect(readingTimeMinutes(0, "!!")).toBe(1);
    expect(readingTimeMinutes(1)).toBe(1);
    expect(readingTimeMinutes(230)).toBe(1);
    expect(readingTimeMinutes(231)).toBe(2);
    expect(analyze("word ".repeat(500), "text").readingTimeMinutes).toBe(3);
    expect(analyze("", "text")).toMatchObject({ wordCount: 0, readingTimeMinutes: 0, summary: "", quotes: [] });
  });
});
