import { describe, expect, it } from "vitest";
import { analyze, splitSentences } from "../../src/extract/index.js";
import { sample } from "./helpers.js";

describe("the UK–France troops briefing", () => {
  const text = sample();
  const analysis = analyze(text, "text");

  it("has exactly one quotation, by Keir Starmer", () => {
    expect(analysis.quotes.map(({ text: t, speaker }) => ({ text: t, speaker }))).toEqual([
      { text: "Our support for Ukraine is unwavering, not just for today, but for the long term,", speaker: "Keir Starmer" },
    ]);
    const [quote] = analysis.quotes;
    expect(analysis.plainText.slice(quote!.start, quote!.end)).toBe(quote!.text);
  });

  it("summarises with its first sentence", () => {
    expect(analysis.summary).toBe(splitSentences(text.split("\n")[0]!)[0]);
  });

  it("gives key points that are whole sentences of the body, not headings", () => {
    const sentences = text.split("\n").flatMap(splitSentences);
    expect(analysis.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(analysis.keyPoints.length).toBeLessThanOrEqual(5);
    for (const point of analysis.keyPoints) {
      expect(sentences).toContain(point);
      expect(point).toMatch(/[.!?]$/);
      expect(point).not.toBe(analysis.summary);
    }
  });

  it("treats lines without end punctuation as headings", () => {
    expect(analysis.keyPoints).not.toContain("Announcement Follows Paris Summit");
    expect(analysis.keyQuotes[0]).toEqual({
      text: "Our support for Ukraine is unwavering, not just for today, but for the long term.",
      speaker: "Keir Starmer",
    });
    expect(analysis.wordCount).toBeGreaterThan(250);
    expect(analysis.readingTimeMinutes).toBe(2);
  });
});
