import { describe, expect, it } from "vitest";
import { CERTAIN_ATTRIBUTION, extractQuotes } from "../../src/extract/index.js";
import { quotePairs } from "./helpers.js";

const speakerOf = (text: string): string | null => quotePairs(text)[0]![0];

describe("organisations referred to by their head noun", () => {
  it("credits 'the trust', 'the alliance' and 'the company' as written, never as certain, not the body named before", () => {
    const text = "The Moorland Heritage Trust bought the farm near Galway. “We will replant the hedgerows,” the trust said.";
    expect(speakerOf(text)).toBe("the trust");
    const alliance = "Members of the Northern Kelp Alliance met in Oslo. Norway sent observers. “The beds are recovering,” the alliance added.";
    expect(speakerOf(alliance)).toBe("the alliance");
    const company = "Brightwater Utilities Group raised prices in Jordan. “Costs have doubled since spring,” the company said in a statement.";
    expect(speakerOf(company)).toBe("the company");
    expect(extractQuotes(company)[0]!.confidence).toBeLessThan(CERTAIN_ATTRIBUTION);
  });

  it("never reads a body of its own (\"the Senate\") as the short form of a longer name opening with it", () => {
    expect(speakerOf("The Senate Reform Fund attacked him. “We will act,” the Senate said.")).toBe("Senate");
  });

  it("keeps a plural possessive inside an organisation's name", () => {
    const text = "“Small producers cannot absorb this,” the Independent Brewers' Association warned.";
    expect(speakerOf(text)).toBe("Independent Brewers' Association");
  });

  it("gives the quote to a spokesperson named in apposition, not to the body they speak for", () => {
    const text = "“The rules are clear,” the Authority’s press spokesperson, Lena Brandt, told reporters.";
    expect(speakerOf(text)).toBe("Lena Brandt");
    const before = "The Authority’s press spokesperson, Lena Brandt, told reporters: “The rules are clear.”";
    expect(speakerOf(before)).toBe("Lena Brandt");
    expect(speakerOf("“The rules are clear,” the Authority’s press spokesperson said.")).toBe("the Authority’s press spokesperson");
  });

  it("resolves an acronym to the name whose initials it spells", () => {
    const text = "The National Transport Safety Administration opened an inquiry. The NTSA said the brakes were “badly worn”.";
    expect(speakerOf(text)).toBe("National Transport Safety Administration");
  });
});

describe("organisation names with lists and initials", () => {
  it("keeps a government department's list of remits in its name", () => {
    const text = "“Farmers will be paid within the month,” a Department for Fisheries, Forests and Rural Roads spokesperson said.";
    expect(speakerOf(text)).toBe("a Department for Fisheries, Forests and Rural Roads spokesperson");
  });

  it("does not join an ordinary list of names", () => {
    const pairs = quotePairs("Tomas Berg, Lena Holm and Ida Sund met. “We disagree on nearly everything,” Lena Holm said.");
    expect(pairs[0]![0]).toBe("Lena Holm");
  });

  it("matches initials of a name without an organisation word", () => {
    const text = "The Northern Seabird Observatory counted the nests. The NSO said numbers were “the lowest on record”.";
    expect(speakerOf(text)).toBe("Northern Seabird Observatory");
  });
});

describe("organisation heads without a named organisation", () => {
  it("keeps a qualified body as written rather than the last person", () => {
    const text = "Nurse Jo Ellery led the strike in Aberystwyth. The Scottish government said it was “surprised” by the walkout.";
    expect(speakerOf(text)).toBe("Scottish government");
  });

  it("credits 'the ministry' as written, not a place mentioned in between", () => {
    const text = "The Ministry of Water Resources sent engineers to Jordan on Monday. “The pumps are working again,” the ministry said.";
    expect(speakerOf(text)).toBe("the ministry");
  });
});
