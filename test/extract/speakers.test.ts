import { describe, expect, it } from "vitest";
import { NameIndex } from "../../src/extract/names.js";
import { tokenize } from "../../src/extract/tokens.js";
import { quotePairs } from "./helpers.js";

describe("speaker attribution", () => {
  it.each([
    ["X said", "“We will not back down on this,” Olaf Becker said.", "Olaf Becker"],
    ["said X", "“We will not back down on this,” said Olaf Becker.", "Olaf Becker"],
    ["X told reporters", "“We will not back down on this,” Olaf Becker told reporters.", "Olaf Becker"],
    ["according to X", "“We will not back down on this,” according to Olaf Becker.", "Olaf Becker"],
    ["X said: before", "Olaf Becker said: “We will not back down on this.”", "Olaf Becker"],
    ["X told the BBC:", "Olaf Becker told the BBC: “We will not back down on this.”", "Olaf Becker"],
    ["title and role", "“We will not back down on this,” said the prime minister, Keir Starmer.", "Keir Starmer"],
    ["title before name", "“We will not back down on this,” Prime Minister Keir Starmer said.", "Keir Starmer"],
    ["apposition", "“We will not back down on this,” Tom Brennan, the council leader, said.", "Tom Brennan"],
    ["relative clause", "“We will not back down on this,” said Jane Holloway, who chairs the committee.", "Jane Holloway"],
    ["adverb", "“We will not back down on this,” Kristin Crowley later said.", "Kristin Crowley"],
    ["name particles", "“We will not back down on this,” said Ursula von der Leyen.", "Ursula von der Leyen"],
    ["possessive before a role", "“We will not back down on this,” said Ukraine’s foreign minister, Andrii Sybiha.", "Andrii Sybiha"],
    ["and in a title", "“We will not back down on this,” Work and Pensions Secretary Liz Kendall said.", "Liz Kendall"],
  ])("finds the speaker: %s", (_, text, speaker) => {
    expect(quotePairs(text).map(([s]) => s)).toEqual([speaker]);
  });

  it.each([
    "indicated", "declared", "warned", "added", "insisted", "wrote", "argued", "stressed", "noted", "claimed",
    "announced", "explained", "replied", "asked", "urged",
  ])("knows the speech verb %s", (verb) => {
    expect(quotePairs(`“The plan will work for everyone,” Maria Lopez ${verb}.`)).toEqual([["Maria Lopez", "The plan will work for everyone,"]]);
  });

  it("resolves pronouns and roles to the person named last", () => {
    expect(quotePairs("Kaja Kallas arrived in Kyiv on Friday. “Europe stands with Ukraine,” she said.")[0]![0]).toBe("Kaja Kallas");
    expect(quotePairs("Defence Minister Ana Ribeiro spoke on Tuesday. “We are buying smarter,” the minister said.")[0]![0]).toBe("Ana Ribeiro");
    expect(
      quotePairs("French President Emmanuel Macron hosted. German Chancellor Friedrich Merz came. “Europe is waking up,” the president said.")[0]![0],
    ).toBe("Emmanuel Macron");
  });

  it("resolves short forms to the fullest name in the article", () => {
    expect(quotePairs("Prime Minister Keir Starmer spoke. “We are ready for this,” Mr Starmer said.")[0]![0]).toBe("Keir Starmer");
    expect(quotePairs("Kaja Kallas met her. “We cannot ignore it any longer,” Ms. Kallas said.")[0]![0]).toBe("Kaja Kallas");
    expect(quotePairs("“We cannot ignore it any longer,” Starmer said. Sir Keir Starmer left.")[0]![0]).toBe("Keir Starmer");
  });

  it("leaves anonymous sources unnamed", () => {
    expect(quotePairs("A spokesperson for Downing Street said: “The prime minister has full confidence in her.”")[0]![0]).toBeNull();
    expect(quotePairs("“We have seen nothing like it before,” officials said.")[0]![0]).toBeNull();
  });

  it("carries the speaker to the next quotation of the paragraph and across a colon", () => {
    expect(quotePairs("“These were hard choices,” Rachel Reeves said. “There was no other option.”")).toEqual([
      ["Rachel Reeves", "These were hard choices,"],
      ["Rachel Reeves", "There was no other option."],
    ]);
    expect(quotePairs("Volodymyr Zelenskyy added:\n\n“We need air defence now, not next year.”")[0]![0]).toBe("Volodymyr Zelenskyy");
  });

  it("indexes names with titles stripped", () => {
    const text = "Prime Minister Keir Starmer met Dr. Amina Yusuf and J. K. Rowling.";
    const names = new NameIndex(text, tokenize(text));
    expect(names.resolve("Starmer")).toBe("Keir Starmer");
    expect(names.resolve("Yusuf")).toBe("Amina Yusuf");
    expect(names.resolve("Rowling")).toBe("J. K. Rowling");
    // Several people in the last sentence: the subject is who "he" or "she" most likely means.
    expect(names.lastPersonBefore(text.length)).toBe("Keir Starmer");
    const two = "Keir Starmer spoke first. Then Kaja Kallas replied.";
    expect(new NameIndex(two, tokenize(two)).lastPersonBefore(two.length)).toBe("Kaja Kallas");
  });

  it("prefers the subject of the last sentence over a person it mentions", () => {
    const text = "Penny Wong met her counterpart, Wang Yi. “We will cooperate where we can,” she told reporters.";
    expect(quotePairs(text)[0]![0]).toBe("Penny Wong");
  });

  it("looks ahead for a pronoun or role with nobody named before it", () => {
    expect(quotePairs("“Why now?” she asked. Labour MP Dawn Butler had raised it three times.")[0]![0]).toBe("Dawn Butler");
  });

  it("finds the attribution in the sentence after a quotation that ends its own sentence", () => {
    expect(quotePairs("“Why would we talk to them now?” Zelenskyy asked reporters. Volodymyr Zelenskyy left.")[0]![0]).toBe(
      "Volodymyr Zelenskyy",
    );
  });

  it("skips asides with prepositions and objects of prepositions", () => {
    expect(quotePairs("“The market is nervous,” Helima Croft, head of strategy at RBC Capital Markets, told Reuters.")[0]![0]).toBe(
      "Helima Croft",
    );
    expect(quotePairs("Javier Milei, known as “El Loco” to his critics, said: “The chainsaw is working.”")).toEqual([
      ["Javier Milei", "The chainsaw is working."],
    ]);
    expect(quotePairs("The minister (who described the report as “a hatchet job”) left.")).toEqual([[null, "a hatchet job"]]);
  });

  it("treats an indefinite role as anonymous even when an organisation qualifies it", () => {
    expect(quotePairs("“There is no appetite for more sanctions,” a senior EU official said.")[0]![0]).toBeNull();
  });
});
