import { describe, expect, it } from "vitest";
import { findMarkedSpans, toPlainDocument } from "../../src/extract/index.js";
import { quoteTexts } from "./helpers.js";

const spans = (text: string): string[] => {
  const doc = toPlainDocument(text, "text");
  return findMarkedSpans(doc).map((s) => doc.text.slice(s.start, s.end).trim());
};

describe("quote marks and apostrophes", () => {
  it.each([
    ["straight double", '"We are ready to act now," she said.', "We are ready to act now,"],
    ["curly double", "“We are ready to act now,” she said.", "We are ready to act now,"],
    ["straight single", "'We are ready to act now,' she said.", "We are ready to act now,"],
    ["curly single", "‘We are ready to act now,’ she said.", "We are ready to act now,"],
    ["guillemets", "« Nous sommes prêts à agir », a déclaré Macron.", "Nous sommes prêts à agir"],
    ["reversed guillemets", "»Wir sind bereit zu handeln«, sagte Merz.", "Wir sind bereit zu handeln"],
    ["single guillemets", "‹ Nous sommes prêts à agir ›, a dit Macron.", "Nous sommes prêts à agir"],
    ["German low-high", "„Wir sind bereit zu handeln“, sagte Merz.", "Wir sind bereit zu handeln"],
    ["German single low-high", "‚Wir sind bereit zu handeln‘, sagte Merz.", "Wir sind bereit zu handeln"],
    ["corner brackets", "首相は「経済の再生が最優先だ」と述べた。", "経済の再生が最優先だ"],
  ])("pairs %s", (_, text, expected) => {
    expect(spans(text)).toEqual([expected]);
  });

  it("closes single quotations at a mark standing alone or squeezed between punctuation and a word", () => {
    expect(spans("'They act like, 'Well, this is urgent,' ' Hollis said.")).toEqual(["They act like, 'Well, this is urgent,'"]);
    expect(spans("‘It doesn’t fit with what I thought,’Clinton said. ‘I want more!’After the rally, he left.")).toEqual([
      "It doesn’t fit with what I thought,", "I want more!",
    ]);
    expect(spans("He spoke to the authorities.'We got deceived into coming here.' He left.")).toEqual(["We got deceived into coming here."]);
  });

  it("reads no quotation between two apostrophes typed for a double mark, nor a pair of single marks in them", () => {
    expect(spans("''Our doors stay open to everyone,'' the librarian said.")).toEqual([]);
    expect(spans("‘‘Our doors stay open to everyone,’’ the librarian said.")).toEqual([]);
    expect(spans("The coach called the result ''a proper hiding'' after the match.")).toEqual([]);
    expect(spans("''The vans leave at dawn.\n\n''They come back at dusk,'' he said.")).toEqual([]);
    // British marks beside them: only the single-quoted quotation is one.
    expect(spans("''Bring a coat,'' she said, 'and an umbrella.'")).toEqual(["and an umbrella."]);
    // Read as if they were not there, a single-quoted phrase inside them is a quotation of its own.
    expect(spans("''He called the plan 'pure fantasy' on Monday,'' Ames said.")).toEqual(["pure fantasy"]);
    // With a single quotation open, two apostrophes are two single marks closing together.
    expect(spans("'Locals call it 'the wall'' she said.")).toEqual(["Locals call it 'the wall'"]);
  });

  it("does not take apostrophes for quote marks", () => {
    const text = "Ukraine's envoy, who doesn't like the '90s, played rock 'n' roll with Paris' mayor and Ukraine’s minister.";
    expect(spans(text)).toEqual([]);
  });

  it("keeps apostrophes inside a single-quoted quotation", () => {
    expect(spans("'We don't give up on Paris' workers or the '90s kids,' said Anne Hidalgo.")).toEqual([
      "We don't give up on Paris' workers or the '90s kids,",
    ]);
  });

  it("closes a quotation at a plural possessive-looking mark when no later mark closes it", () => {
    expect(spans("She described the nurses as 'true heroes' in a speech on Monday.")).toEqual(["true heroes"]);
  });

  it("returns only the outermost span of nested quotations", () => {
    expect(spans("“He shouted ‘get down’ and fired,” said Mark Ellis.")).toEqual(["He shouted ‘get down’ and fired,"]);
    expect(spans("'He told me \"never again\", and I believed him,' she said.")).toEqual([
      'He told me "never again", and I believed him,',
    ]);
  });

  it("follows a quotation over paragraphs that reopen it", () => {
    const text = "Khan spoke on Friday.\n\n“Clean air is not a luxury.\n\n“We will not apologise,” Khan said.";
    expect(spans(text)).toEqual(["Clean air is not a luxury.", "We will not apologise,"]);
    const doc = toPlainDocument(text, "text");
    const [first, second] = findMarkedSpans(doc);
    expect(first!.group).toBe(second!.group);
    expect(first!.close).toBeNull();
  });

  it("drops a quote mark left open at the end of an article", () => {
    expect(spans('He said "we will act and then left.')).toEqual([]);
  });

  it("drops unbalanced marks but keeps the balanced quotation", () => {
    expect(quoteTexts("“We are ready to go today,” said Jane Doe. A stray ” mark and a lone “ mark.")).toEqual([
      "We are ready to go today,",
    ]);
  });
});
