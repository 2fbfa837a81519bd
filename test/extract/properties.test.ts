import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, type Analysis, type SourceFormat } from "../../src/extract/index.js";

/** Plain checks collected into one assertion: per-quote `expect` calls would dominate on 1 MB inputs. */
function checkInvariants(analysis: Analysis): void {
  const problems: string[] = [];
  analysis.quotes.forEach((q, i) => {
    if (analysis.plainText.slice(q.start, q.end) !== q.text) problems.push(`quote ${i} is not at its offsets`);
    if (q.text !== q.text.trim() || q.text === "") problems.push(`quote ${i} is not trimmed or is empty`);
    if (i > 0 && q.start <= analysis.quotes[i - 1]!.start) problems.push(`quote ${i} is out of order`);
  });
  if (analysis.summary.length > 301) problems.push("summary too long");
  if (analysis.keyPoints.length > 5) problems.push("too many key points");
  const minutes = analysis.plainText.trim() === "" ? 0 : Math.max(1, Math.ceil(analysis.wordCount / 230));
  if (analysis.readingTimeMinutes !== minutes) problems.push("reading time");
  expect(problems.slice(0, 5)).toEqual([]);
}

const format = fc.constantFrom<SourceFormat>("markdown", "text");
// Quote marks, apostrophes, sentence punctuation, names and speech verbs: the material the scanners branch on.
const newsy = fc
  .array(
    fc.constantFrom(
      '"', "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "‚", "「", "」", "『", "』", " ", " ", "\n", "\n\n",
      ".", ",", ":", "?", "!", "…", "—", "s", "n", "90", "We", "act", "said", "she", "he", "the minister",
      "Keir Starmer", "Mr.", "U.K.", "so-called", "according to", "#", "- ", "*", "Jan. 6", "日本", "🎉",
      // Material of the span rules: doubled apostrophes, attributes, citations, reported clauses.
      "''", "’’", "=", " by Times' Ann Lee", " (2005)", "to", "saying", "a", "the", "Denver",
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(""));

describe("robustness", () => {
  it("never throws on arbitrary Unicode and keeps its invariants", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })), format, (text, f) => {
        checkInvariants(analyze(text, f));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on strings of quote marks, apostrophes and words, and is deterministic", () => {
    fc.assert(
      fc.property(newsy, format, (text, f) => {
        const first = analyze(text, f);
        checkInvariants(first);
        expect(analyze(text, f)).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  it("handles a ~1 MB article of unbalanced marks in linear time", () => {
    const unit = "“Open ‘never closed « and 'we don't' say \"so\" she said. Paris' mayor „x ‹ ";
    // Quadratic behaviour would show on the 200k-mark strings as well as on the 1 MB one.
    for (const text of [unit.repeat(Math.ceil(1_000_000 / unit.length)), "“".repeat(200_000), "'a ".repeat(70_000), "''a '".repeat(50_000)]) {
      // CPU time of this process: wall time also counts whatever else the machine runs.
      const started = process.cpuUsage();
      const analysis = analyze(text, "text");
      const used = process.cpuUsage(started);
      expect((used.user + used.system) / 1000).toBeLessThan(5_000);
      checkInvariants(analysis);
    }
  }, 30_000);

  // Many different people sharing a surname, many organisations behind "the company", many people in one
  // sentence: each look-up used to walk every earlier name. Work grows ×8 from one size to the next when
  // linear and ×64 when quadratic (measured here: 8–11 against 30–43 before); the bound ×20 sits between. CPU time of this process (not wall time, which
  // other processes on the machine stretch), the faster of two runs.
  it.each([
    ["people sharing a surname", (i: number) => `Minister${i} Smith spoke. Then Smith said "we will act now on this, surely." `],
    ["organisations called the company", (i: number) => `Acme${i} Holdings Corp opened. "We will act now on this," the company said. `],
    ["people named in one sentence", (i: number) => `Minister${i} Smith, "we will act now," she said, `],
  ])("grows linearly with %s", (_, unit) => {
    const text = (n: number): string => Array.from({ length: n }, (_, i) => unit(i + 1)).join("");
    const fastest = (input: string): number => {
      let best = Infinity;
      for (let run = 0; run < 2; run++) {
        const started = process.cpuUsage();
        checkInvariants(analyze(input, "text"));
        const used = process.cpuUsage(started);
        best = Math.min(best, used.user + used.system);
      }
      return best;
    };
    const small = text(1_000);
    const large = text(8_000);
    fastest(small); // warm-up
    expect(fastest(large) / fastest(small)).toBeLessThan(20);
  }, 120_000);

  it("handles a ~1 MB Markdown briefing with many quotations", () => {
    const paragraph = "“We will act, and soon,” said Prime Minister Keir Starmer. She called it “a turning point”.\n\n";
    const analysis = analyze(paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)));
    expect(analysis.quotes.length).toBeGreaterThan(10_000);
    checkInvariants(analysis);
  }, 30_000);
});
