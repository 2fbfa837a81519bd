import { describe, expect, it } from "vitest";
import { quotePairs } from "./helpers.js";

describe("pronoun back-references with gender cues", () => {
  it("gives 'she said' to the woman named before a man", () => {
    const text = [
      "Ms Priya Natarajan founded the bakery in 2009.",
      "Her business partner was Mr Oskar Lindgren.",
      "“We never expected queues round the block,” she said.",
    ].join("\n\n");
    expect(quotePairs(text)[0]![0]).toBe("Priya Natarajan");
  });

  it("learns gender from a subject pronoun after the name", () => {
    const text = [
      "Halima Osei runs the ferry service. She took it over from her father.",
      "Her deputy is Duncan Reid, who joined in 2015. He handles the timetable.",
      "“The winter crossings are the hardest part,” she said.",
    ].join("\n\n");
    expect(quotePairs(text)[0]![0]).toBe("Halima Osei");
  });

  it("keeps the last person named when the text tells nothing", () => {
    const text = "Robin Ashdown met Sam Keating. “We agreed on almost nothing,” she said.";
    expect(quotePairs(text)[0]![0]).toBe("Robin Ashdown");
  });

  it("reads German titles and a German role after the article", () => {
    const text = "Frau Petra Vogel leitet die Schule. Herr Jonas Brandt ist neu. „Wir brauchen mehr Lehrer“, sagte die Direktorin.";
    expect(quotePairs(text)[0]![0]).toBe("Petra Vogel");
  });
});

describe("people named inside a prepositional phrase", () => {
  it("are not who a later pronoun refers to", () => {
    const text = [
      "Olu Adeyemi runs the bakery.",
      "A profile in the trade magazine Crumb Weekly called him a perfectionist, a word Adeyemi liked.",
      "“I took it as a compliment,” he says.",
    ].join("\n\n");
    expect(quotePairs(text)[0]![0]).toBe("Olu Adeyemi");
  });
});
