import { describe, expect, it } from "vitest";
import { extractQuotes, isTitleCase } from "../../src/extract/index.js";
import { quotePairs, quoteTexts } from "./helpers.js";

describe("quotations versus scare quotes", () => {
  it.each([
    ["so-called", "Leaders of the so-called 'Coalition of the Willing' met on Tuesday, officials said."],
    ["book title", 'Her memoir, "Becoming", sold more than 10 million copies.'],
    ["operation", 'The operation, dubbed "Iron Shield", began at midnight, officials said.'],
    ["slogan", "The campaign was fought under the slogan “Take Back Control” last year."],
    ["irony", "The “temporary” levy has now been in place for a decade."],
    ["show", 'The BBC drama "Line of Duty" will return next year.'],
    ["nickname", 'Paul "Bono" Hewson met the prime minister.'],
    ["word as word", 'The word "unprecedented" appears 14 times in the report.'],
    ["term after a speech verb", 'Starmer said the "special relationship" remained strong.'],
    ["film title ending its sentence", "The drama beat the heavily promoted superhero sequel “Night Legion II.”"],
    ["film called something", "He starred in a film called “Sunset Hours” in 1998."],
    ["programme after a preposition, its stop inside the marks", "Carson said as much on “Meet the Press.”"],
    ["programme after a possessive", "The senator told ABC's \"Good Morning America.\" He left soon after."],
    ["programme named with its host", "She spoke on Sunday on CBS's “Weekend with Jane Ortiz,” then flew home."],
    ["headline cited with its author", 'FAREWELL—"The Corner Club to close at the end of March," by Times\' Ann Lee: http://example.com/x.'],
    ["poster slogan cited with its year", "“Lose safety? Lose work? No to open borders” (2005) was the first poster."],
    ["button's label after \"click\"", 'To join, open the page, enter your address and click "sign up." It takes a minute.'],
    ["poster slogan cited with its place and year", "“Keep our green valleys free of concrete” (Alpine Party election poster 1999) was the first of many."],
    ["headline cited in parentheses with its paper", 'I agree with the mayor ("Mayor vows to fix every pothole by spring," Riverside Gazette, Monday).'],
    ["translation glossing a foreign motto", 'The shop sign says "Carpe Diem," Latin for "seize the day, for tomorrow may never come."'],
    ["promotional line a business is billed as", 'The chain, a 40-store business pitched as "the friendliest place in town for families who love books," opened on Monday.'],
    ["named measure after its year", "The measure, as called for by the party, was passed under the 2014 “Border Protection Initiative.” Nobody expected it."],
    ["column's title in apposition", 'In Sen. Ann Lowe\'s column on May 3, "The shouting has to end now," the Democrat from Ohio seems to want calm.'],
    ["list of words quoted to mention them", 'Clerks searched the files for terms such as "harbour," "storm," "Dover" and "sea walls." Nothing came back.'],
    ["word after a calling verb far back in its sentence", 'After criticising the council for months over its plans for the old mill, the vicar quoted a verse about "gluttons" at the meeting.'],
    ["roundup's excerpt of an article cited with its headline and author", 'HARBOUR—"Dockside pub to shut after 90 years," by Gazette\'s Tom Weller: "The Anchor, a pub that has poured pints for dockers since 1931, will close its doors on Friday, its landlord confirmed." http://example.com/y.'],
    ["label whose user goes unnamed", 'The minister unveiled what has been described as a "fortress budget" for the coming year.'],
    ["grade on a scale", 'Most of the files were rated "restricted," the second-lowest level, an archivist said.'],
    ["name opening the source of \"according to\"", 'The scheme would cost $40 million, according to the "homes for every family" plan she released on Monday.'],
  ])("ignores a %s", (_, text) => {
    expect(extractQuotes(text, "text")).toEqual([]);
  });

  it("takes a title-case span after a performing verb for a work's title, even with a speaker in reach", () => {
    expect(quoteTexts('"Thank you all for coming tonight," said the singer Mara Lind, who then performed "Long Road Home."')).toEqual([
      "Thank you all for coming tonight,",
    ]);
    expect(quotePairs('Ana Ruiz said the band played "far too loud for a Tuesday night."')).toEqual([["Ana Ruiz", "far too loud for a Tuesday night."]]);
  });

  it("keeps a label whose user is named after it, and what the source of \"according to\" says", () => {
    expect(quoteTexts('The minister unveiled what has been described as a "fortress budget" by her critics.')).toEqual(["fortress budget"]);
    expect(quoteTexts('The scheme would cost $40 million, according to the council, which called it "money well spent."')).toEqual(["money well spent."]);
  });

  it("keeps a short phrase that is the object of a speech verb, not the subject of a reported clause", () => {
    expect(quotePairs('At the dinner, Mayor Ana Ruiz praised her "tireless volunteers" and thanked the caterers.')).toEqual([["Ana Ruiz", "tireless volunteers"]]);
    expect(quotePairs('Ana Ruiz pledged a "complete overhaul" of the bus network by spring.')).toEqual([["Ana Ruiz", "complete overhaul"]]);
  });

  it("keeps a clause someone said after a naming noun, and words given as someone's own", () => {
    expect(quotePairs('The campaign "has lost its way and needs a new leader," Ana Ruiz said on Monday.')).toEqual([
      ["Ana Ruiz", "has lost its way and needs a new leader,"],
    ]);
    expect(quoteTexts('Ruiz backed the toll because, in her words, "nobody else will ever pay for the roads."')).toEqual([
      "nobody else will ever pay for the roads.",
    ]);
    expect(quoteTexts('Ruiz said the slogan "take back the streets" was painted on every wall of the old depot.')).toEqual([]);
  });

  it("keeps a quotation right after a title, which starts no list of mentioned words", () => {
    expect(quoteTexts('Appearing on the show "Face the Nation," "We will win this fight and we will win it soon," she said.')).toEqual([
      "We will win this fight and we will win it soon,",
    ]);
  });

  it("credits a question to the lead-in that opens it, not to the next sentence's subject", () => {
    expect(quotePairs('Mayor Tom Hale, exasperated, famously replied: "What difference does it make now?" His critics cited it for years.')).toEqual([
      ["Tom Hale", "What difference does it make now?"],
    ]);
  });

  it("keeps a quotation after a comma that follows a work named with its speaker", () => {
    expect(quotePairs('On her podcast on Monday, "The shouting has to end now," Ann Lowe said.')).toEqual([["Ann Lowe", "The shouting has to end now,"]]);
  });

  it("keeps partial quotations that a sentence attributes", () => {
    expect(quotePairs('Donald Trump called the vote "rigged" and vowed to fight on.')).toEqual([["Donald Trump", "rigged"]]);
    expect(quotePairs("Lars Eriksson described the budget as “a turning point” on Monday.")).toEqual([
      ["Lars Eriksson", "a turning point"],
    ]);
    expect(quotePairs("Macron said that France was “ready to shoulder its responsibilities” in any force.")).toEqual([
      ["Macron", "ready to shoulder its responsibilities"],
    ]);
  });

  it("keeps short partial quotations of characterising verbs and reported clauses", () => {
    expect(quotePairs("Siân Pritchard said members had been left with ‘no choice’.")).toEqual([["Siân Pritchard", "no choice"]]);
    expect(quotePairs("Rhys ap Dafydd said patients would suffer for what he called ‘months of dithering’.")).toEqual([
      ["Rhys ap Dafydd", "months of dithering"],
    ]);
    expect(quotePairs("Diane Morales described her victory as a “turning point” for the party.")).toEqual([["Diane Morales", "turning point"]]);
    expect(quotePairs("Protesters chanted ‘Books not bailiffs’ along Market Street.")).toEqual([["Protesters", "Books not bailiffs"]]);
    expect(quoteTexts("Bush referred to Rubio as a “reformer” on Monday.")).toEqual(["reformer"]);
  });

  it("keeps a short quoted noun phrase of a reported clause, not one opening the clause as its subject", () => {
    expect(quotePairs("Elizabeth Warren said Trump was a “proven failure” in business.")).toEqual([["Elizabeth Warren", "proven failure"]]);
    expect(quotePairs("Okafor said she has a “real chance” to win several districts.")).toEqual([["Okafor", "real chance"]]);
    expect(quotePairs("Reeves said the “fiscal rules” were not negotiable.")).toEqual([]);
  });

  it("keeps a one-word partial quotation inside a reported clause, not after a preposition", () => {
    expect(quotePairs("Keir Starmer has said the UK will 'never' recognise the annexation.")).toEqual([["Keir Starmer", "never"]]);
    expect(quotePairs("Economists have warned of “stagflation” this year.")).toEqual([]);
    expect(quotePairs("Ministers have promised a “bonfire” of rules.")).toEqual([]);
  });

  it("keeps a capitalised utterance that opens its sentence before its attribution, and a quoted verb after \"to\"", () => {
    expect(quotePairs("Asked who would win, he did not hesitate. “Denver,” Chris Christie answered.")).toEqual([["Chris Christie", "Denver,"]]);
    expect(quotePairs("“Happy New Year!” Jane Okafor wrote on Monday.")).toEqual([["Jane Okafor", "Happy New Year!"]]);
    expect(quotePairs("Maria Lopez promised to “end” the tax on Monday.")).toEqual([["Maria Lopez", "end"]]);
    expect(quotePairs("Economists have warned of “stagflation” this year.")).toEqual([]);
  });

  it("keeps a short quotation after a speech verb whose speaker is not found, but not a markup attribute's value", () => {
    expect(quoteTexts("She apologised the following week, saying it was “careless” and unfair.")).toEqual(["careless"]);
    expect(quoteTexts("Asked about her chances, 21 percent said “not too likely” in the poll.")).toEqual(["not too likely"]);
    expect(quoteTexts("The state's “open primary” rules changed.")).toEqual([]);
    expect(quoteTexts('She said so in a tweet: <tweet author="Jane Doe tweeting live from the hall">.')).toEqual([]);
  });

  it("keeps unattributed but speech-like quotations with a null speaker", () => {
    expect(quotePairs('The door was shut. "Closed until further notice due to staff shortages."')).toEqual([
      [null, "Closed until further notice due to staff shortages."],
    ]);
    // A sign that reads is a source, as a statement is.
    expect(quotePairs('A sign on the door read: "Closed until further notice due to staff shortages."')).toEqual([
      ["A sign", "Closed until further notice due to staff shortages."],
    ]);
  });

  it("keeps both halves of a quotation split by its attribution", () => {
    expect(quotePairs("“We will act,” said Yvette Cooper, “and we will act soon.”")).toEqual([
      ["Yvette Cooper", "We will act,"],
      ["Yvette Cooper", "and we will act soon."],
    ]);
  });

  it("returns texts that are trimmed substrings at their offsets, in article order", () => {
    const text = "“ We are ready ,” said Jane Doe. Later, “we will go further than anyone expects,” she added.";
    const quotes = extractQuotes(text, "text");
    expect(quotes.map((q) => q.text)).toEqual(["We are ready ,", "we will go further than anyone expects,"]);
    for (const q of quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(quotes[0]!.start).toBeLessThan(quotes[1]!.start);
  });

  it("reads quotations in Markdown without its markup", () => {
    const quotes = extractQuotes("**“Gusts of 90mph are possible on the coast,”** said [Paul Gundersen](https://x.test).", "markdown");
    expect(quotes.map((q) => [q.speaker, q.text])).toEqual([["Paul Gundersen", "Gusts of 90mph are possible on the coast,"]]);
  });

  it("tells title case from a sentence", () => {
    expect(isTitleCase("Coalition of the Willing")).toBe(true);
    expect(isTitleCase("we will act")).toBe(false);
    expect(quoteTexts("It was, he said, “Never Again.”")).toEqual(["Never Again."]);
  });
});
