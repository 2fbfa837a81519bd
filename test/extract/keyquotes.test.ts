import { describe, expect, it } from "vitest";
import { analyze } from "../../src/extract/index.js";
import { describedSource, marksPairUp } from "../../src/extract/keyquotes.js";

describe("key quotes", () => {
  it("joins spans split by their attribution into one readable quote", () => {
    expect(analyze("“We will act on this,” Yvette Cooper said, “and we will act soon.”", "text").keyQuotes).toEqual([
      { text: "We will act on this, and we will act soon.", speaker: "Yvette Cooper" },
    ]);
  });

  it("does not join quotations from different sentences", () => {
    const { keyQuotes } = analyze("“We will act today and every day,” Jane Doe said. “And we will keep acting tomorrow,” Jane Doe added.", "text");
    expect(keyQuotes).toHaveLength(2);
  });

  it("shows only quotations whose speaker is certain: named or described, with a speech verb, in or next to their sentence", () => {
    const pull = (text: string) => analyze(text, "text").keyQuotes;
    // A pronoun, a role referring back, a quotation taking the speaker of the one before, a headline colon: none.
    expect(pull("Yvette Cooper spoke. “We will act, and we will act very soon,” she said.")).toEqual([]);
    expect(pull("Minister Yvette Cooper spoke. “We will act, and we will act very soon,” the minister said.")).toEqual([]);
    expect(pull("Yvette Cooper: “We will act, and we will act very soon.”")).toEqual([]);
    expect(pull("“Fine,” Yvette Cooper said.\n\n“We will act, and we will act very soon.”")).toEqual([]);
    // A one-word name the article never writes in full, a partial quotation.
    expect(pull("“We will act, and we will act very soon,” Kasich said.")).toEqual([]);
    expect(pull("Yvette Cooper said the country would “act, and act very soon, on every one of these things.”")).toEqual([]);
    expect(pull("“We will act, and we will act very soon,” the WHO said.")).toEqual([
      { text: "We will act, and we will act very soon.", speaker: "WHO" },
    ]);
    // An organisation referred back to ("the company" named before), a dotted abbreviation (a place).
    expect(pull("Acme Holdings Corp announced a recall.\n\n“We will act, and we will act very soon,” the company said.")).toEqual([]);
    // The state abbreviated with a dot is no name at all: the person before the aside speaks.
    expect(pull("“Neither of them convinces me,” Tom Alder, 41, of Fargo, N.D., who was surveyed, said. “We need leaders who will bring the country together.”")).toEqual([
      { text: "We need leaders who will bring the country together.", speaker: "Tom Alder" },
    ]);
    // Too short to stand alone.
    expect(pull("“We will act,” Yvette Cooper said.")).toEqual([]);
    expect(pull("Yvette Cooper told the conference:\n\n“We will act, and we will act very soon.”")).toEqual([
      { text: "We will act, and we will act very soon.", speaker: "Yvette Cooper" },
    ]);
    expect(pull("“Are we ready to act, and to act very soon?” Yvette Cooper asked in Leeds.")).toEqual([
      { text: "Are we ready to act, and to act very soon?", speaker: "Yvette Cooper" },
    ]);
    // A speech verb of the quotation's own whose subject names nobody: the speaker found further back is a guess.
    const report = "Officer Dana Wells wrote in her report that the stop was routine. It continued: “A search of the van found nothing of interest.”";
    expect(pull(report)).toEqual([]);
    expect(analyze(report, "text").quotes[0]).toMatchObject({ speaker: "Dana Wells", attribution: "adjacent" });
    expect(pull("Officer Dana Wells wrote in her report that the stop was routine. “A search of the van found nothing of interest.”")).toEqual([
      { text: "A search of the van found nothing of interest.", speaker: "Dana Wells" },
    ]);
  });

  it("does not join a quotation to words quoted in the attribution's own clause", () => {
    const { keyQuotes } = analyze("“The mayor is a menace to this city,” said Carla Reyes, who said there were “too many broken promises for me to forget.”", "text");
    expect(keyQuotes[0]).toEqual({ text: "The mayor is a menace to this city.", speaker: "Carla Reyes" });
  });

  it("shows only first-hand quotations: not relayed from another source, not nested in another's quotation", () => {
    const pull = (text: string) => analyze(text, "text").keyQuotes;
    const shown = [{ text: "We will act, and we will act very soon.", speaker: "Yvette Cooper" }];
    // Relayed "according to" another source; the speaker's own "according to" is the attribution itself.
    expect(pull("“We will act, and we will act very soon,” Yvette Cooper said, according to the BBC.")).toEqual([]);
    expect(pull("“We will act, and we will act very soon,” Yvette Cooper said.")).toEqual(shown);
    expect(pull("According to Yvette Cooper, “We will act, and we will act very soon.”")).toEqual(shown);
    expect(pull("Prices rose, according to the BBC. “We will act, and we will act very soon,” Yvette Cooper said.")).toEqual(shown);
    // A quotation running on unclosed, and the paragraph that continues it.
    expect(pull("Yvette Cooper told the conference:\n\n“We will act, and we will act very soon.\n\nThe rest is news.")).toEqual([]);
    expect(pull("The Gazette reported:\n\n“The minister spoke for an hour.\n\n“We will act, and we will act very soon,” Yvette Cooper said.”")).toEqual([]);
    // A paragraph opened by the outer quotation's mark; a title's pair of marks is no outer quotation.
    expect(pull("\"Yvette Cooper told reporters, “We will act, and we will act very soon.”")).toEqual([]);
    expect(pull("“We will act, and we will act very soon,” Yvette Cooper said on “Meet the Press.”")).toEqual(shown);
  });

  it("tells quotations whose inner marks pair up from ones cut at the wrong mark", () => {
    expect(marksPairUp("We hear it every week, 'The harbour is a special case,''")).toBe(false);
    expect(marksPairUp("This is less a 'budget crisis' and more a takeover,'")).toBe(false);
    expect(marksPairUp("He called it 'a disgrace")).toBe(false);
    expect(marksPairUp("She told me, ‘Never.’ And I didn’t.")).toBe(true);
    expect(marksPairUp("The Weiners’ marriage ended in the ’90s, didn't it?")).toBe(true);
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
  it("shows no pull quote whose lead-in says the words are not the credited person's own", () => {
    const pull = (text: string) => analyze(text, "text").keyQuotes;
    // A question put to the subject: the words are the interviewer's.
    expect(pull('Mayor Tom Hale was asked by the host, Ana Ruiz, "Will the new bridge open before the winter floods arrive this year?"')).toEqual([]);
    expect(pull('Mayor Tom Hale was asked on Monday, "Will the new bridge open before the winter floods arrive this year?"')).toEqual([]);
    // Words nobody said: the writer's own, left unsaid.
    expect(pull('Ben Ortiz wrote about the plan on Monday. I spent a week wondering how to reply without saying, "This is the laziest budget I have ever seen in my life."')).toEqual([]);
    // A headline or a sign that reads: the words of a text, not of a person named near it.
    expect(pull('Tom Hale spoke on Monday. The snarky, pro-Hale headline reads: "Mayor Tom Hale is not raising taxes on any family this year."')).toEqual([]);
    expect(pull('Rosa Marquez held up a sign saying "Riverside deserves better than another empty promise from the council."')).toEqual([]);
    // Someone else speaking in a participle clause: the words are Churchill's.
    expect(pull('Tom Hale is a fraud. Hale reminds me of Winston Churchill saying that "We shall never surrender to the flood of bad ideas in this town."')).toEqual([]);
    // A speaker's own participle clause still gives a pull quote.
    expect(pull('Tom Hale spoke on Monday, with Hale saying that "We will never surrender to the flood of bad ideas in this town."')).toEqual([
      { text: "We will never surrender to the flood of bad ideas in this town.", speaker: "Tom Hale" },
    ]);
  });

  it("shows no pull quote opened right after a \"that\" no speech verb leads in to: the writer's sentence says whose words they are", () => {
    const pull = (text: string) => analyze(text, "text").keyQuotes;
    // Ruiz speaks, but the words are those of the letter Hale sent.
    expect(pull('Ana Ruiz said the letter Tom Hale sent to the council on Friday meant that "The bridge will never open while the old board still sits."')).toEqual([]);
    // A speech verb right before the "that", with a few words between, leads in to the speaker's own words.
    expect(pull('Ana Ruiz said in a statement that "The bridge will open in the spring of next year."')).toEqual([
      { text: "The bridge will open in the spring of next year.", speaker: "Ana Ruiz" },
    ]);
  });

  it("shows no social-media post as a pull quote: a handle, a hashtag or a link in it", () => {
    const pull = (text: string) => analyze(text, "text").keyQuotes;
    expect(pull("“Thanks to every volunteer who turned out in the rain today! #RiversideBridge,” Ana Ruiz tweeted.")).toEqual([]);
    expect(pull("“Proud to stand with @RiversideCouncil as the new bridge finally opens to traffic,” Ana Ruiz wrote on Monday.")).toEqual([]);
    expect(pull("“Read the full plan for the bridge here: https://example.org/plan,” Ana Ruiz wrote.")).toEqual([]);
    // A number sign before a figure and an email address are no hashtag and no handle.
    expect(pull("“We are the #1 city in the state for new bridges this year,” Ana Ruiz said.")).toHaveLength(1);
    expect(pull("“Write to me at ana@example.org with your ideas for the bridge,” Ana Ruiz said.")).toHaveLength(1);
  });

  it("shows no pull quote credited to a source described but not named, and shows one credited to a source pointed back to", () => {
    const pull = (text: string) => analyze(text, "text").keyQuotes;
    expect(pull("“We will act, and we will act very soon,” a senior Home Office official said.")).toEqual([]);
    expect(pull("“We will act, and we will act very soon,” one aide to the minister said.")).toEqual([]);
    expect(pull("“The bridge will open in the spring of next year,” local council leaders said.")).toEqual([]);
    expect(pull("The Home Office issued a statement on Monday.\n\n“We will act, and we will act very soon,” the statement said.")).toEqual([
      { text: "We will act, and we will act very soon.", speaker: "the statement" },
    ]);
    expect(pull("“We will act, and we will act very soon,” her campaign said in an email.")).toEqual([
      { text: "We will act, and we will act very soon.", speaker: "her campaign" },
    ]);
    expect([describedSource("a senior official"), describedSource("One aide"), describedSource("the spokesman"), describedSource("Her campaign"), describedSource("Ana Ruiz")])
      .toEqual(["unnamed", "unnamed", "pointing back", "pointing back", null]);
  });
});
