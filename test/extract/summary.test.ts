import { describe, expect, it } from "vitest";
import { analyze, splitSentences, truncateAtWord } from "../../src/extract/index.js";

describe("lede", () => {
  it("skips headings, images, bylines and datelines alone", () => {
    const md = "# Talks resume\n\n![x](y.jpg)\n\nBy Jane Doe\n\nLONDON —\n\nTalks resumed on Sunday. They will last days. A third sentence.";
    expect(analyze(md).summary).toBe("Talks resumed on Sunday. They will last days.");
  });

  it("takes the second sentence only if both fit in 300 characters", () => {
    const first = `The council approved the plan on Monday after ${"a long debate ".repeat(16)}in the chamber.`;
    const second = "Another sentence follows here.";
    expect(first.length).toBeLessThan(300);
    expect(first.length + 1 + second.length).toBeGreaterThan(300);
    expect(analyze(`${first} ${second}`, "text").summary).toBe(first);
    expect(analyze(`${first.slice(0, 200)}. ${second}`, "text").summary).toBe(`${first.slice(0, 200)}. ${second}`);
  });

  it("cuts an over-long first sentence at a word boundary with an ellipsis", () => {
    const long = `Thousands marched ${"through the streets of the capital ".repeat(12)}on Saturday.`;
    const summary = analyze(long, "text").summary;
    expect(summary.endsWith("…")).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
    expect(long[summary.length - 1]).toMatch(/\s/);
    expect(truncateAtWord("short", 300)).toBe("short");
  });

  it("never cuts mid-sentence when sentences fit", () => {
    const text = "Mr. Smith met Dr. Jones in the U.S. on Jan. 6 to sign a 3.5% deal. Both left.";
    expect(analyze(text, "text").summary).toBe(text);
  });
});

describe("key points", () => {
  const article = [
    "Storm Bert Hits Wales",
    "Heavy rain and strong winds caused flooding across south Wales on Sunday, with hundreds of homes affected.",
    "Rescue Efforts Continue",
    "Fire crews rescued dozens of residents from flooded homes in Pontypridd overnight. The river peaked at a record level.",
    "Cost of the Damage",
    "Insurers estimate the cost of the flooding at more than £100m across the region. Claims are expected to rise.",
    "Political Reaction",
    "The Welsh government promised emergency funding for families whose homes were flooded. Ministers will meet on Monday.",
  ].join("\n");

  it("takes whole sentences in article order, none repeating the lede", () => {
    const { summary, keyPoints } = analyze(article, "text");
    expect(keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(keyPoints.length).toBeLessThanOrEqual(5);
    const sentences = article.split("\n").flatMap(splitSentences);
    for (const point of keyPoints) {
      expect(sentences).toContain(point);
      expect(summary.includes(point)).toBe(false);
    }
    const positions = keyPoints.map((p) => article.indexOf(p));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("prefers the first sentence of each section", () => {
    expect(analyze(article, "text").keyPoints).toEqual([
      "Fire crews rescued dozens of residents from flooded homes in Pontypridd overnight.",
      "Insurers estimate the cost of the flooding at more than £100m across the region.",
      "The Welsh government promised emergency funding for families whose homes were flooded.",
    ]);
  });

  it("leaves out sentences that lean on the one before, and favours the top of a flat article", () => {
    const flat = [
      "The city council approved a £40m budget for buses and trams on Monday. The vote was close.",
      "Bus fares will be cut by a third from April, the council said. It is the largest cut to bus fares in the city's history, and it will cost the council budget £12m a year for buses and trams.",
      "Tram services will run every ten minutes on the main routes into the centre. But critics of the budget said the council had not explained how the buses and trams budget would be paid for.",
      "Work on a new tram depot in the north of the city will start in the summer. The mayor said the plan would bring more people into the city centre at weekends.",
      "Shops in the centre have struggled since the pandemic. Footfall fell by a fifth last year, according to the chamber of commerce.",
      "Parking charges in council car parks will not change this year. Cycling groups welcomed new cycle lanes on two main roads.",
      "He said the budget for buses and trams and the cut to bus fares would help the council meet its targets for the city.",
      "Councillors will review the budget for buses, trams and bus fares again in the autumn, the council said.",
    ].join("\n\n");
    const { keyPoints } = analyze(flat);
    expect(keyPoints).toHaveLength(3); // three for an article without sections: the box stays short
    for (const point of keyPoints) expect(point).not.toMatch(/^(?:It|But|He|This)\b/u);
    expect(keyPoints[0]).toBe("Bus fares will be cut by a third from April, the council said.");
  });

  it("leaves out a sentence that sums up the one before with a shell noun (\"The significant statement was made…\")", () => {
    const text = [
      "Prime Minister Keir Starmer has declared that the United Kingdom and France are prepared to deploy troops to Ukraine after a peace deal.",
      "The significant statement was made on Tuesday, following a high-level meeting of European leaders in Paris.",
      "The decision to send trainers was taken by both governments after weeks of talks with their allies.",
      "Starmer met leaders from a group of European nations that has pledged long-term support for Kyiv.",
      "The core proposal involves permanent military training hubs on Ukrainian soil, officials in both capitals said.",
    ].join("\n\n");
    const { keyPoints } = analyze(text);
    expect(keyPoints).not.toContain("The significant statement was made on Tuesday, following a high-level meeting of European leaders in Paris.");
    // A shell noun followed by what defines it stands alone.
    expect(keyPoints[0]).toBe("The decision to send trainers was taken by both governments after weeks of talks with their allies.");
  });

  it("gives fewer points for a short text", () => {
    expect(analyze("Markets fell on Friday. Investors sold bank shares after the figures.", "text").keyPoints).toEqual([
      // the lede takes both sentences, nothing is left to repeat
    ]);
  });
});
