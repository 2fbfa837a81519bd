import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, countWords, readingTimeMinutes } from "../../src/extract/index.js";
import { hasWords } from "../../src/extract/reading.js";

// The definition the counter must match, as a regex: each Han or Kana character is a word; other words are
// letter or digit runs that marks may continue and ' ’ . , - may join to a next letter.
const IDEOGRAPH = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}";
const LETTER = `(?![${IDEOGRAPH}])[\\p{L}\\p{N}]`;
const WORD = new RegExp(`[${IDEOGRAPH}]|${LETTER}(?:${LETTER}|(?![${IDEOGRAPH}])\\p{M}|['’.,-](?=${LETTER}))*`, "gu");
const pieces = fc.constantFrom(
  "It", "isn't", "well-known", "3.5", "40,000", "Ukraine’s", "é", "e\u0301", "\u0301", "日本", "テキスト", "经济", "𝐀𝐁", "𠀀",
  "\ud800", "\udc00", "🎉", "'", "’", ".", ",", "-", "—", " ", "\n", "a", "x1", "\u302a",
);

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

  it("are the regex's words, and hasWords(text, n) tells whether there are at least n (random texts)", () => {
    const text = fc.oneof(fc.array(pieces, { maxLength: 40 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 80 }));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (t, n) => {
        const words = t.match(WORD)?.length ?? 0;
        expect(countWords(t)).toBe(words);
        expect(hasWords(t, n)).toBe(words >= n);
      }),
      { numRuns: 1000 },
    );
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
