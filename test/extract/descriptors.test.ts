import { describe, expect, it } from "vitest";
import { quotePairs } from "./helpers.js";

const speakerOf = (text: string): string | null => quotePairs(text)[0]![0];

describe("descriptor words glued to names", () => {
  it.each([
    ["agent noun", "“The figures simply do not add up,” said Auditor Helena Marsh.", "Helena Marsh"],
    ["agent noun opening the sentence", "Conductor Ilya Petrenko told the orchestra: “We rehearse again at dawn.”", "Ilya Petrenko"],
    ["-ist", "“Nobody plays that riff the same way twice,” Trombonist Kofi Mensah said.", "Kofi Mensah"],
    ["party label", "“This budget punishes the young,” Liberal Ravi Chandran said.", "Ravi Chandran"],
  ])("drops the descriptor: %s", (_, text, speaker) => {
    expect(speakerOf(text)).toBe(speaker);
  });

  it("drops a word written in lower case elsewhere in the article", () => {
    const text = "Two stewards were on duty. “Nobody was hurt on the stairs,” Steward Aisling Moran said.";
    expect(speakerOf(text)).toBe("Aisling Moran");
  });

  it("keeps given names that look like descriptors", () => {
    expect(speakerOf("“We will appeal the ruling,” said Victor Hugo Alvarez.")).toBe("Victor Hugo Alvarez");
    expect(speakerOf("“We will appeal the ruling,” said Christian Louis Berger.")).toBe("Christian Louis Berger");
  });

  it("resolves a later surname to the name without its descriptor", () => {
    const text = "Surveyor Neil Abernathy inspected the bridge. “The cracks are new,” Abernathy said.";
    expect(speakerOf(text)).toBe("Neil Abernathy");
  });
});

describe("titles and ranks before names", () => {
  it.each([
    ["Rev.", "“The doors stay open tonight,” said Rev. Amos Tuttle.", "Amos Tuttle"],
    ["Brigadier", "“The convoy leaves at dawn,” Brigadier Fiona Grant said.", "Fiona Grant"],
    ["Dr", "“The trial results are encouraging,” said Dr Nia Okafor.", "Nia Okafor"],
  ])("drops the title %s", (_, text, speaker) => {
    expect(speakerOf(text)).toBe(speaker);
  });
});
