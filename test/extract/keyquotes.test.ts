import { describe, expect, it } from "vitest";
import { analyze } from "../../src/extract/index.js";

describe("key quotes", () => {
  it("joins spans split by their attribution into one readable quote", () => {
    expect(analyze("“We will act,” she said, “and soon.”", "text").keyQuotes).toEqual([
      { text: "We will act, and soon.", speaker: null },
    ]);
    expect(analyze("Yvette Cooper spoke. “We will act,” she said, “and we will act soon.”", "text").keyQuotes).toEqual([
      { text: "We will act, and we will act soon.", speaker: "Yvette Cooper" },
    ]);
  });

  it("does not join quotations from different sentences", () => {
    const { keyQuotes } = analyze("“We will act today,” Jane Doe said. “And we will keep acting tomorrow.”", "text");
    expect(keyQuotes).toHaveLength(2);
  });

  it("ranks attributed, complete, mid-length quotations first", () => {
    const text = [
      'Officials called the plan "bold".',
      "“It works,” Jane Doe said.",
      `“${"This is a very long statement that goes on and on ".repeat(8)}forever,” Jane Doe said.`,
      "“The new hospital will open in March and treat 40,000 patients a year,” said Health Minister Tomasz Nowak.",
    ].join("\n");
    const [best] = analyze(text, "text").keyQuotes;
    expect(best).toEqual({ text: "The new hospital will open in March and treat 40,000 patients a year.", speaker: "Tomasz Nowak" });
  });
});
