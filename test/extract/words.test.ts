import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ContentWords } from "../../src/extract/words.js";

// The definition the scanner must match: regex words of the lower-cased text, single letters and stop words out.
const STOP = new Set("a an the and or but of to in on at for from by with as is are was were be been being has have had it its this that these those he she they we i you his her their our said says will would could should may might not no also than then there which who whom what when where while after before over into about more most such can do does did just only other some any all new one two up out so if".split(" "));
function reference(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu) ?? []).filter((w) => w.length > 1 && !STOP.has(w));
}

/** Same words in the same order: equal numbers exactly where the reference has equal strings. (One
 * assertion per text: an `expect` per word would dominate the run.) */
function expectSameWords(ids: readonly number[], words: readonly string[]): void {
  const numberOf = new Map<string, number>();
  const wordOf = new Map<number, string>();
  const mismatches = words.filter((word, i) => {
    const id = ids[i]!;
    if (!numberOf.has(word)) numberOf.set(word, id);
    if (!wordOf.has(id)) wordOf.set(id, word);
    return numberOf.get(word) !== id || wordOf.get(id) !== word;
  });
  expect({ count: ids.length, mismatches }).toEqual({ count: words.length, mismatches: [] });
}

const pieces = fc.constantFrom(
  "The", "Minister", "said", "it's", "Ukraine’s", "well-known", "3.5", "ΣΟΦΙΑ", "Σ", "İstanbul", "é", "e\u0301", "日本", "𝐀𝐁",
  "𐐀𐐨", "\ud800", "\udc00", "🎉", "ǅ", "'", "’", "-", " ", "\n", ".", "a", "I", "x1",
);

describe("content words", () => {
  it("are the regex's words of the lower-cased text, numbered alike when equal, across texts", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.array(pieces, { maxLength: 30 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 60 })), { maxLength: 4 }), (texts) => {
        const words = new ContentWords();
        const ids = texts.flatMap((text) => words.of(text));
        expectSameWords(ids, texts.flatMap(reference));
      }),
      { numRuns: 300 },
    );
  });

  it("read in place from a range of a longer text, are those of the range cut out (upper-case letters beyond ASCII, Σ, İ, surrogates)", () => {
    const text = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (whole, a, b) => {
        const start = a % (whole.length + 1);
        const end = start + (b % (whole.length - start + 1));
        const words = new ContentWords();
        const ids = [...words.of(whole, start, end), ...words.of(whole.slice(start, end))];
        const range = reference(whole.slice(start, end));
        expectSameWords(ids, [...range, ...range]);
      }),
      { numRuns: 300 },
    );
  });

  it("counts each word once per sentence", () => {
    const words = new ContentWords();
    const first = words.tally("Talks resumed; talks stalled.", 1);
    const second = words.tally("Talks ended.", 2);
    expect(first).toHaveLength(3);
    expect(second).toEqual([first[0], expect.any(Number)]);
    expect(first.map((id) => words.sentenceCounts[id])).toEqual([2, 1, 1]);
  });

  it("starts each document's table afresh: words and counts of another document never carry over", () => {
    new ContentWords().tally("Talks resumed in Geneva.", 1);
    const words = new ContentWords();
    const ids = words.tally("Talks resumed in Geneva.", 1);
    expect(ids.map((id) => words.sentenceCounts[id])).toEqual([1, 1, 1]);
    expect(new Set(ids).size).toBe(3);
  });

  it("keeps its numbers apart when the hash table grows", () => {
    const words = new ContentWords();
    const text = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(" ");
    expectSameWords([...words.of(text), ...words.of(text)], [...reference(text), ...reference(text)]);
  });
});
