import { describe, expect, it } from "vitest";
import { NameIndex } from "../../src/extract/coreference.js";
import { tokenize } from "../../src/extract/tokens.js";
import { CERTAIN_ATTRIBUTION, extractQuotes } from "../../src/extract/index.js";
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
    ["a name ending like an adverb", "“We will not back down on this,” Connolly said.", "Connolly"],
    ["a full name ending like an adverb", "Ann Kelly spoke. “We will not back down on this,” Kelly said.", "Ann Kelly"],
    ["a surname spelt like an auxiliary", "Columnist Rhoda Will spoke. “The budget is a fantasy,” Will wrote.", "Rhoda Will"],
  ])("finds the speaker: %s", (_, text, speaker) => {
    expect(quotePairs(text).map(([s]) => s)).toEqual([speaker]);
  });

  it.each([
    "indicated", "declared", "warned", "added", "insisted", "wrote", "argued", "stressed", "noted", "claimed",
    "announced", "explained", "replied", "asked", "urged", "retorted", "reported", "fumed", "shot back", "fired back",
    "pointed out", "chimed in", "charged", "read",
  ])("knows the speech verb %s", (verb) => {
    expect(quotePairs(`“The plan will work for everyone,” Maria Lopez ${verb}.`)).toEqual([["Maria Lopez", "The plan will work for everyone,"]]);
  });

  it.each(["beamed", "writes", "agrees", "reported"])("reads the inverted speech verb %s", (verb) => {
    expect(quotePairs(`“The plan will work for everyone,” ${verb} Maria Lopez.`)).toEqual([["Maria Lopez", "The plan will work for everyone,"]]);
  });

  it("finds the subject of a participle clause after an opening phrase, and not the object of its verb", () => {
    expect(quotePairs("Speaking at a town hall in Salem, New Hampshire, Donald Trump went after Jeb Bush, calling him “a total stiff.”")[0]![0])
      .toBe("Donald Trump");
    expect(quotePairs("Perez hammered Trump, calling him a “train wreck.”")[0]![0]).toBe("Perez");
  });

  it("never takes a sentence opener or a name qualifying a described person for the speaker", () => {
    expect(quotePairs("Another person tweeted: “This is the end of the campaign as we know it.”")[0]![0]).toBe("Another person");
    expect(quotePairs("A year ago, the veteran Dorset councillor said, the papers called him an “outside bet.”")[0]![0])
      .toBe("the veteran Dorset councillor");
    expect(quotePairs("“We will win this state in November,” the Trump campaign said.")[0]![0]).toBe("the Trump campaign");
    expect(quotePairs("Others chanted: “Lock her up! Lock her up!”")[0]![0]).toBe("Others");
    // Lower case, "some" is no source: "what some call".
    expect(quotePairs("Maria Lind called for closing what some call the “harbour loophole,” which lets shippers skip checks.")[0]![0])
      .toBe("Maria Lind");
  });

  it("guesses the subject of a quotation's sentence without a speech verb, never as certain", () => {
    const [quote] = extractQuotes("Ana Quiroga credited the result to “a late count, something I am not happy about.”", "text");
    expect(quote!.speaker).toBe("Ana Quiroga");
    expect(quote!.confidence).toBeLessThan(CERTAIN_ATTRIBUTION);
    expect(quotePairs("The spokesman refused to say more. The spokesman refused to comment on “the rumours of a merger.”")[0]![0]).toBe("The spokesman");
    expect(quotePairs("Climate envoy Rachel Kyte was blunt — “the window for action is closing fast” — as the summit ended.")[0]![0]).toBe("Rachel Kyte");
  });

  it("credits a described person with whom they belong to, and an owner's person as written", () => {
    expect(quotePairs("“Her plan is about ten years late,” said a longtime aide to Okafor, who declined to be named.")[0]![0])
      .toBe("a longtime aide to Okafor");
    expect(quotePairs("LONDON — After the vote, Maria Lind’s right-hand man rallied volunteers, saying: “We have to be ready to answer them.”")[0]![0])
      .toBe("Maria Lind’s right-hand man");
    expect(quotePairs("At the meeting in Bangor, Maine, the Lind supporter retorted: “There is a proper time for that.”")[0]![0])
      .toBe("the Lind supporter");
  });

  it("credits what follows \"according to\" as written, and never an apposition that is a clause of its own", () => {
    expect(quotePairs("According to his personal physician, the banker was in fine shape and “will live longer than any of us.”")[0]![0])
      .toBe("his personal physician");
  });

  it("reads a capitalised auxiliary as an auxiliary at a sentence's start and after a colon", () => {
    expect(quotePairs("The hall was full. One question hung over it: Will the retired teacher, who has always run alone, say “yes” to the party’s offer?")[0]![0])
      .toBe("the retired teacher");
    expect(quotePairs("Columnist Rhoda Will spoke. Citing a “tired and timid council,” Will urged voters to look elsewhere.")[0]![0]).toBe("Rhoda Will");
  });

  it("credits an occupation, an age or a speaker standing for a person as written", () => {
    expect(quotePairs("“We should have many systems,” the businessman replied.")[0]![0]).toBe("the businessman");
    expect(quotePairs("“He is a great leader,” said the 46-year-old.")[0]![0]).toBe("the 46-year-old");
    expect(quotePairs("“It is hard to start again,” said the designer, who now sews for a rival label.")[0]![0]).toBe("the designer");
    expect(quotePairs("“My dear friends,” the conference speaker says into the camera.")[0]![0]).toBe("the conference speaker");
    // An irregular past tense ends the subject: not "The billionaire businessman began".
    expect(quotePairs("The billionaire businessman began by talking about prices, saying fuel is now “cheaper than water.”")[0]![0])
      .toBe("The billionaire businessman");
    expect(quotePairs("Jo Lind, a 55-year-old salesman from Dover, says the team will “leave here with momentum.”")[0]![0]).toBe("Jo Lind");
  });

  it("credits a role nobody was introduced with, and a described source, with their complement as written", () => {
    expect(quotePairs("“We have lost the middle,” said the former chief aide to President Ruiz.")[0]![0]).toBe("the former chief aide to President Ruiz");
    expect(quotePairs("The senator from Maine said the bill was “dead on arrival.”")[0]![0]).toBe("The senator from Maine");
    expect(quotePairs("“It was not convincing,” said one Democrat familiar with the talks, who asked not to be named.")[0]![0])
      .toBe("one Democrat familiar with the talks");
    expect(quotePairs("A spokesman for Harbour Networks declined to comment but said in a statement that “no data was lost.”")[0]![0])
      .toBe("A spokesman for Harbour Networks");
    expect(quotePairs("The former secretary of state talked about “the progress we made together.”")[0]![0]).toBe("The former secretary of state");
    // Whom the words were said to is no part of who said them.
    expect(quotePairs("“We are ready,” said the minister to reporters.")[0]![0]).toBe("the minister");
  });

  it("reads \"goes on\" as a speech verb only before \"to\" or punctuation", () => {
    expect(quotePairs("Sen. Ana Ruiz told us in May that when the Assembly goes on holiday, “my diary is open to any candidate.”")[0]![0])
      .toBe("Ana Ruiz");
    expect(quotePairs("Ana Ruiz went on: “We will win this.”")[0]![0]).toBe("Ana Ruiz");
  });

  it("takes a description before the verb as the speaker when no comma closes it as an apposition", () => {
    // "Ruiz, a close aide said, …": the aide speaks about Ruiz (an apposition would close with a comma).
    expect(quotePairs("Ana Ruiz, a close aide said, “is very tired of all this.”")[0]![0]).toBe("a close aide");
  });

  it("credits a passive speech verb's agent, and never its subject", () => {
    expect(quotePairs("Tom Bell was asked by the host, Nina Marsh, “Will you run again?”")[0]![0]).toBe("Nina Marsh");
    // With no agent, the subject heard the words rather than said them: at most a guess, never certain.
    const [asked] = extractQuotes("At the hustings, Tom Bell was asked, “Where has the money gone?”");
    expect(asked!.confidence).toBeLessThan(CERTAIN_ATTRIBUTION);
    // A deed claimed by a group is no speech.
    expect(quotePairs("Both fires were claimed by the Night Front.\n\n“This is only a warning to the city.”")[0]![0]).toBeNull();
  });

  it("credits words someone owns (a catch phrase, a statement) to their owner", () => {
    expect(quotePairs("Ana Ruiz spoke in Leeds. Ruiz’s catch phrase in that race was that Bell would “say anything to win.”")[0]![0]).toBe("Ana Ruiz");
    expect(quotePairs("The union’s statement later insists “nobody was ever at risk.”")[0]![0]).toBe("The union");
    // A person owned is the one who speaks.
    expect(quotePairs("Ana Ruiz’s right-hand woman said it was “over.”")[0]![0]).toBe("Ana Ruiz’s right-hand woman");
  });

  it("credits a person described by whom they are close to or familiar with, without the sentence's dot", () => {
    expect(quotePairs("“The slump is real,” said a person familiar with the matter.")[0]![0]).toBe("a person familiar with the matter");
    expect(quotePairs("“The slump is real,” said two people close to the governor.")[0]![0]).toBe("two people close to the governor");
    // "governor." ends the sentence: the dot is no abbreviation's.
    expect(quotePairs("“The slump is real,” said a person close to the governor.")[0]![0]).toBe("a person close to the governor");
  });

  it("credits a described source with its defining relative clause, up to a second clause", () => {
    expect(quotePairs("“We were misled from day one,” said one owner of a bakery that sells rye bread who asked not to be named.")[0]![0])
      .toBe("one owner of a bakery that sells rye bread who asked not to be named");
    expect(quotePairs("“Meh,” wrote a Ruiz supporter who runs the account @RuizFans. “What does she know?”").map(([s]) => s))
      .toEqual(["a Ruiz supporter who runs the account @RuizFans", "a Ruiz supporter who runs the account @RuizFans"]);
    expect(quotePairs("The lake was “bone dry,” according to several engineers who have seen the survey.")[0]![0])
      .toBe("several engineers who have seen the survey");
    expect(quotePairs("“The slump is real,” said a former police official who led the inquiry and called it “a mess.”")[0]![0])
      .toBe("a former police official who led the inquiry");
    // "that" opening what was said is no relative clause; a name keeps its own form.
    expect(quotePairs("“It is done,” said the aide that the mayor fired.")[0]![0]).toBe("the aide");
    expect(quotePairs("“It is done,” said Jane Holloway, who chairs the committee.")[0]![0]).toBe("Jane Holloway");
  });

  it("finds an inverted attribution closing the sentence after an aside", () => {
    expect(quotePairs("Maria Lind “did very well with rural, older voters” in the 2019 race, said Leeds University professor Alan Pryce.")[0]![0])
      .toBe("Alan Pryce");
    expect(quotePairs("“These ads tell voters what to think,” unlike the mailers of earlier years, says Dana Scali, a historian at the University of Leeds.")[0]![0])
      .toBe("Dana Scali");
    expect(quotePairs("“We have built strong teams in each county” there and in the towns that vote in March, the memo stated.")[0]![0])
      .toBe("the memo");
  });

  it("reads a speech verb after a determiner or an owner as a noun", () => {
    expect(quotePairs("Omar Haddad spoke. Haddad, who is a veteran, decried Lind’s repeated calls to cut pensions, noting she has “given nothing” for the country.")[0]![0])
      .toBe("Omar Haddad");
    // The French auxiliary "a" is no article: `L’élue a précisé`.
    expect(quotePairs("La maire Camille Verdier était là. L’élue a précisé que les navettes rouleraient « dès le mois d’avril ».")[0]![0])
      .toBe("Camille Verdier");
  });

  it("never credits a headline fragment, a headline in capitals or a contraction", () => {
    const glued = quotePairs("‘Touchy’ Okafor silences critics\n\nGrace Okafor wrote to the editor. She was threatening “a costly lawsuit,” according to a letter.");
    expect(glued.map(([speaker]) => speaker)).not.toContain("Touchy’ Okafor");
    expect(quotePairs("WHY THE PORT’S SLUMP REACHES EVERY TOWN “The port’s slowdown is raising doubts about jobs.”")[0]![0]).toBeNull();
    expect(quotePairs("We’re told the plan is “a disaster for the whole region and beyond.”")[0]![0]).toBeNull();
    // Nor an organisation referred back to ("the group") that is only a headline in capitals.
    expect(quotePairs("2. PANEL RULES FOR HARBOUR FOUNDER.\n\nOmar Haddad has been “arbitrarily detained” since 2010, the rights group says.")[0]![0])
      .toBe("the rights group");
  });

  it("never credits an adverb or a participle opening a sentence", () => {
    expect(quotePairs("Bill Maher spoke. Later he was blunt. Adding, “Now, with all of these scandals, it is never that bad.”")[0]![0]).not.toBe("Adding");
    expect(quotePairs("Kevin Williamson wrote about it. Specifically, “the working class has been victimized by nobody.”")[0]![0]).not.toBe("Specifically");
    expect(quotePairs("Horrified at the prospect of a recount, Delgado believes in ballots that “speak for themselves.”")[0]![0]).toBe("Delgado");
    expect(quotePairs("Moreover, during the hearing, Lindqvist cited a report that “less than one percent” were kept.")[0]![0]).toBe("Lindqvist");
    expect(quotePairs("Reprising a favourite line, the former governor talked about “the progress we made together.”")[0]![0])
      .toBe("the former governor");
    // A name that ends like a participle still speaks.
    expect(quotePairs("Manning said it was “a fair deal.”")[0]![0]).toBe("Manning");
  });

  it("finds a name opening the clause before asides with names of their own", () => {
    expect(quotePairs("Ortega, during a school board meeting in Dayton, Ohio, said she was “going to close two of the libraries.”")[0]![0])
      .toBe("Ortega");
    expect(quotePairs("Smith arrived, and Jones, the mayor, said it was “a good day for the town.”")[0]![0]).toBe("Jones");
  });

  it("finds the subject right after a dateline's dash", () => {
    expect(quotePairs("WASHINGTON — Maria Lind’s right-hand man rallied volunteers, saying: “We have to be ready to answer them.”")[0]![0])
      .toBe("Maria Lind’s right-hand man");
    expect(quotePairs("LEEDS, Dec. 8 (Reuters) — Maria Lind’s right-hand man rallied volunteers, saying: “We have to be ready.”")[0]![0])
      .toBe("Maria Lind’s right-hand man");
  });

  it("never credits a state or a month abbreviated with a dot", () => {
    expect(quotePairs("Cory Jaimes, 22, of Flint, Mich., said he still expected a convention “surprise.”")[0]![0]).toBe("Cory Jaimes");
    expect(quotePairs("WASHINGTON, Dec. 8 (UPI) — After the vote, Maria Lind’s right-hand man rallied volunteers, saying: “We are ready.”")[0]![0])
      .toBe("Maria Lind’s right-hand man");
    expect(quotePairs("Her standing improved after the floods in Fresno, Calif., and her call for “a total and complete rebuild” of the levees.")[0]![0])
      .toBeNull();
  });

  it("never glues a participle opening a headline to the name after it", () => {
    const text = "Understated Ferrante raises his profile\n\nOmar Ferrante spoke first. “We are ready for the vote,” Ferrante said.";
    expect(quotePairs(text)[0]![0]).toBe("Omar Ferrante");
    const titleCase = "Here’s Why Winning Ohio Could Change The Race\n\nThe senator spoke. “We have the votes,” she said.";
    expect(quotePairs(titleCase)[0]![0]).not.toBe("Winning Ohio");
  });

  it("takes a reporting verb's bare form after an article and a name as a noun", () => {
    expect(quotePairs("Maria Lind posted a Twitter comment late on Friday, saying, “The ferry will run again on Sunday!”")[0]![0])
      .toBe("Maria Lind");
    // "said" after a name is still the verb.
    expect(quotePairs("Rick Perry spoke. “We need a fighter,” the Texan said.")[0]![0]).not.toBeNull();
  });

  it("takes a reporting verb that is also a noun as a noun after a determiner", () => {
    // "drew a rave from the critic": the noun "rave" is no verb, and the critic wrote the words.
    expect(quotePairs("The dish drew a rave from the critic Fiona Hale, who wrote that it was “unfashionable in the best way.”")[0]![0])
      .toBe("Fiona Hale");
    expect(quotePairs("“We will fight this,” the report said.")[0]![0]).toBe("the report");
  });

  it("resolves pronouns to the person named last, and credits a role as written", () => {
    expect(quotePairs("Kaja Kallas arrived in Kyiv on Friday. “Europe stands with Ukraine,” she said.")[0]![0]).toBe("Kaja Kallas");
    // "the minister" is who the article writes, not the minister it introduced before.
    expect(quotePairs("Defence Minister Ana Ribeiro spoke on Tuesday. “We are buying smarter,” the minister said.")[0]![0]).toBe("the minister");
    expect(
      quotePairs("French President Emmanuel Macron hosted. German Chancellor Friedrich Merz came. “Europe is waking up,” the president said.")[0]![0],
    ).toBe("the president");
  });

  it("resolves short forms to the fullest name in the article", () => {
    expect(quotePairs("Prime Minister Keir Starmer spoke. “We are ready for this,” Mr Starmer said.")[0]![0]).toBe("Keir Starmer");
    expect(quotePairs("Kaja Kallas met her. “We cannot ignore it any longer,” Ms. Kallas said.")[0]![0]).toBe("Kaja Kallas");
    expect(quotePairs("“We cannot ignore it any longer,” Starmer said. Sir Keir Starmer left.")[0]![0]).toBe("Keir Starmer");
  });

  it("credits an unnamed source as described, and leaves a bare 'they' unnamed", () => {
    expect(quotePairs("A senior official said: “The prime minister has full confidence in her.”")[0]![0]).toBe("A senior official");
    expect(quotePairs("“We have seen nothing like it before,” officials said.")[0]![0]).toBe("officials");
    expect(quotePairs("“It is over,” the statement read.")[0]![0]).toBe("the statement");
    expect(quotePairs("“It is over,” the statement said.")[0]![0]).toBe("the statement");
    expect(quotePairs("“Stay there!” a man yelled as Rubio spoke.")[0]![0]).toBe("a man");
    expect(quotePairs("Kevin Marsh visited on Monday. “We have been ignored again and again,” they said.")[0]![0]).toBeNull();
  });

  it("credits a spokesperson as described, not the body they speak for; an organisation by its full name", () => {
    const office = "The Office of the U.S. Trade Representative was consulted.";
    expect(quotePairs(`${office} A spokesperson for the Office of the U.S. Trade Representative said it was “concerned”.`)[0]![0])
      .toBe("A spokesperson for the Office of the U.S. Trade Representative");
    expect(quotePairs("“We are reviewing it,” a spokeswoman for the ministry said.")[0]![0]).toBe("a spokeswoman for the ministry");
    expect(quotePairs("“Schools can use existing budgets,” a Department for Education spokesperson said.")[0]![0])
      .toBe("a Department for Education spokesperson");
    expect(quotePairs("Norvane Energy reported a profit. Norvane said it was “fully committed” to net zero.")[0]![0]).toBe("Norvane Energy");
    expect(quotePairs("The World Health Organization met. The WHO said the risk was “very high”.")[0]![0]).toBe("World Health Organization");
    expect(quotePairs("Greater Manchester Police said the march had passed off “peacefully” on Saturday.")[0]![0]).toBe("Greater Manchester Police");
    expect(quotePairs("Gavi, the Vaccine Alliance, said stocks had fallen “well below the emergency threshold”.")[0]![0]).toBe("Gavi");
    // "Watch" ends an organisation's name; it is no verb opening a headline there.
    expect(quotePairs("“The files were hidden,” Prairie Rights Watch added.")[0]![0]).toBe("Prairie Rights Watch");
  });

  it("reads French and German attributions, inverted after the quotation", () => {
    const rolland = "Une analyse que ne partage pas Jean-Marc Rolland, président de l’association.";
    expect(quotePairs(`${rolland} « Un commerce sans clients, c’est un rideau baissé », a-t-il réagi.`)[0]![0]).toBe("Jean-Marc Rolland");
    expect(quotePairs(`${rolland} « On attend toujours », a ironisé M. Rolland.`)[0]![0]).toBe("Jean-Marc Rolland");
    expect(quotePairs("« Le soir, c’est enfin calme », confie Nadia Benali, qui habite rue Mercière.")[0]![0]).toBe("Nadia Benali");
    expect(quotePairs(`${rolland} Selon lui, les ventes de la rue Édouard-Herriot ont chuté « de 20 à 30 % ».`)[0]![0])
      .toBe("Jean-Marc Rolland");
    expect(quotePairs("Le conseiller Pierre-Henri Masson a qualifié le projet de « caprice idéologique ».")[0]![0]).toBe("Pierre-Henri Masson");
    expect(quotePairs("„Wir werden das nicht hinnehmen“, sagte Friedrich Merz am Montag.")[0]![0]).toBe("Friedrich Merz");
  });

  it("finds the subject across coordination, participles, relative clauses and brackets", () => {
    expect(quotePairs("Tomasz Wrona does not own a sous-vide machine and describes foam as “the great crime of my generation.”")[0]![0])
      .toBe("Tomasz Wrona");
    expect(quotePairs("“The balance sheet is strong,” Sophie Lindqvist told analysts, adding that buybacks would be “at least $3.5 billion”.")[1]![0])
      .toBe("Sophie Lindqvist");
    expect(quotePairs("Lantern Pictures, which bought the film after its premiere at the Toronto International Film Festival, said that “audiences are hungry.”")[0]![0])
      .toBe("Lantern Pictures");
    expect(quotePairs("The European Consumer Organisation (BEUC) welcomed the decision as “long overdue” on Monday.")[0]![0])
      .toBe("European Consumer Organisation");
    expect(quotePairs("Rafael Ortega spoke. The Tech Workers Alliance called it “a preview” and said the company had “used its own employees.”")[1]![0])
      .toBe("Tech Workers Alliance");
    expect(quotePairs("“We will fight,” Brett Halvorsen said. Some in the crowd chanted “Count it again!” as he left.")[1]![0])
      .toBe("Some in the crowd");
  });

  it("gives a headline quotation the speaker of the same words in the article", () => {
    const text = "‘We were never cool, and that saved us’: the Pylons at 30\n\n‘We were never cool, and that saved us,’ says Dean Calloway, the band’s singer.";
    expect(quotePairs(text).map(([speaker]) => speaker)).toEqual(["Dean Calloway", "Dean Calloway"]);
  });

  it("does not take a narrative sentence after a full stop as the attribution", () => {
    const text = "The critic Fiona Hale wrote that it was “unfashionable in the best way.” Bookings, Wrona says, tripled.";
    expect(quotePairs(text)[0]![0]).toBe("Fiona Hale");
    expect(quotePairs("“Why now?” Olaf Becker asked.")[0]![0]).toBe("Olaf Becker");
  });

  it("reads abbreviated titles and never glues a headline's opening verb to a name", () => {
    expect(quotePairs("“I’m getting ready to hire a brass band,” Iowa Gov. Ruth Calder said.")[0]![0]).toBe("Ruth Calder");
    expect(quotePairs("“She’s going to be much bolder,” said former Kansas Gov. Dan Mercer, a Lind backer.")[0]![0])
      .toBe("Dan Mercer");
    const headline = "Did Donald Trump really scam students?\n\n“You can fool some of the people all of the time,” Trump said.";
    expect(quotePairs(headline)[0]![0]).toBe("Donald Trump");
    expect(quotePairs("Imagine Brad Thor said we were “ready now to go to the polls.”")[0]![0]).toBe("Brad Thor");
  });

  it("keeps descriptors, demonyms and party labels out of names", () => {
    expect(quotePairs("Businessman Brett Halvorsen said the count had been “stolen in broad daylight”.")[0]![0]).toBe("Brett Halvorsen");
    expect(quotePairs("Welsh Conservative health spokesman Rhys ap Dafydd said patients would “pay the price”.")[0]![0]).toBe("Rhys ap Dafydd");
    expect(quotePairs("Secretary of State Ana Villanueva, a Democrat, said the claims were “baseless”.")[0]![0]).toBe("Ana Villanueva");
    expect(quotePairs("Castleford manager Steve McAllister spoke. Asked about Okonkwo, McAllister said he was “pushing hard”.")[0]![0])
      .toBe("Steve McAllister");
    // A role the article has not introduced is credited as written ("the Scot"), never guessed.
    expect(quotePairs("Castleford manager Steve McAllister spoke. Asked about Okonkwo, the Scot said he was “pushing hard”.")[0]![0])
      .toBe("the Scot");
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
    expect(quotePairs("The minister (who described the report as “a hatchet job”) left.")).toEqual([["The minister", "a hatchet job"]]);
  });

  it("finds the speaker before a long aside that closes with a comma and the speech verb", () => {
    expect(quotePairs("“Nobody applies for this job,” Mara Velt, who ran the mayor’s office for six years, told a radio station.")[0]![0])
      .toBe("Mara Velt");
    expect(quotePairs("“Both of them worry me,” Lena Ortiz, 34, of Dover, Del., who took part in the survey, said later.")[0]![0])
      .toBe("Lena Ortiz");
    expect(quotePairs("“It is a start,” Dana Kell, deputy secretary for trade, farming, and fisheries, said on the call.")[0]![0])
      .toBe("Dana Kell");
  });

  it("credits an indefinite role as described even when an organisation qualifies it", () => {
    expect(quotePairs("“There is no appetite for more sanctions,” a senior EU official said.")[0]![0]).toBe("a senior EU official");
  });
});

describe("described speakers named by what they do", () => {
  it.each([
    ["an agent noun", "“Nobody in the building cares about the memo,” the insider said.", "the insider"],
    ["a plural in -men", "“The figures contradict the sworn account,” the panel chairmen wrote.", "the panel chairmen"],
    ["-ist", "The columnist argued that the mayor has one strength: “He never gives up on a bad idea.”", "The columnist"],
    ["-or", "The impostor gushed about a “bond between our two great peoples.”", "The impostor"],
  ])("credits %s as written", (_, text, speaker) => {
    expect(quotePairs(text)[0]![0]).toBe(speaker);
  });
});

describe("a writing leading in with a colon", () => {
  it("credits a transcript given as follows to the transcript, over several paragraphs, never as certain", () => {
    const quotes = extractQuotes('The mayor took questions on Friday.\n\nPartial transcript as follows:\n\n"HOST: Will the bridge reopen?\n\n"MAYOR: Not before the spring thaw."', "text");
    expect(quotes.map((q) => q.speaker)).toEqual(["Partial transcript", "Partial transcript"]);
    expect(quotes.every((q) => q.confidence < CERTAIN_ATTRIBUTION)).toBe(true);
  });

  it("credits the writing after \"From\" rather than a word opening the lead-in", () => {
    expect(quotePairs("The audit ran to forty pages. From the audit report: “Most ledgers were kept by hand.”")[0]![0]).toBe("the audit report");
    expect(quotePairs("More from the memo: “Staff should not reply to the letters.”")[0]![0]).toBe("the memo");
  });
});

describe("surnames spelt like function words", () => {
  it("reads From as a surname inside its sentence, before a speech verb or after a given name", () => {
    const text = "“Our party forgot the suburbs,” said Ed From, who ran the council for a decade. Voters saw it as “the party " +
      "of big spending,” From said. “We had to change that.”";
    expect(quotePairs(text).map(([s]) => s)).toEqual(["Ed From", "Ed From", "Ed From"]);
  });

  it("keeps From a preposition opening a quotation or a sentence", () => {
    expect(quotePairs("Jo Lane said, “From now on, we wait.”")[0]![0]).toBe("Jo Lane");
    expect(quotePairs("From the start, Jo Lane said, “we had doubts.”")[0]![0]).toBe("Jo Lane");
  });
});

describe("a speaker before an aside with a relative clause that no comma closes", () => {
  it("credits the name before the aside", () => {
    const text = "“The party needs a plan for the swing voters,” Nate Cole, the pollster who founded polldesk.org tweeted on Monday. " +
      "“They are moving now.”";
    expect(quotePairs(text).map(([s]) => s)).toEqual(["Nate Cole", "Nate Cole"]);
    expect(quotePairs("“This ad raises new questions,” Kay Palmer, who is chair of the Bright Future fund said in a statement.")[0]![0])
      .toBe("Kay Palmer");
  });
});

describe("a speech verb's bare form qualifying a role", () => {
  it("reads \"state director\" as a role, not a verb with a place for its subject", () => {
    const text = "“You need an organisation,” said Brad Kohl, the party’s Colorado state director. “You cannot arrive late.”";
    expect(quotePairs(text).map(([s]) => s)).toEqual(["Brad Kohl", "Brad Kohl"]);
  });

  it("reads a bare form before \"of\" as a noun inside an aside", () => {
    const text = "Maria Lind, celebrating a victory in the Green primary in her home state of Ohio, is pledging to “win every seat” next week.";
    expect(quotePairs(text)[0]![0]).toBe("Maria Lind");
  });
});

describe("a title written in lower case with \"of\"", () => {
  it("reads through the title to the name after it", () => {
    expect(quotePairs("“The first defence is the community,” said former secretary of state Ana Ruiz, who praised the mayor.")[0]![0])
      .toBe("Ana Ruiz");
    expect(quotePairs("“Positions will soften,” Rep. Dan Hull’s chief of staff, Lou Pardo, told reporters.")[0]![0]).toBe("Lou Pardo");
  });
});

describe("a connective opening the sentence", () => {
  it("is no subject: the name after it is", () => {
    expect(quotePairs("Lind met voters. And then Hale went fully on the attack, saying, “Resign at once!”")[0]![0]).toBe("Hale");
    expect(quotePairs("But Ortiz hammered the council, calling it a “rubber stamp.”")[0]![0]).toBe("Ortiz");
  });
});

describe("a lone quantifier as the source", () => {
  it("credits it as written after an inverted verb, never as certain", () => {
    const quotes = extractQuotes("“Yet another state we lost,” tweeted another. Others chanted: “We should have won this state.”", "text");
    expect(quotes.map((q) => q.speaker)).toEqual(["another", "Others"]);
    expect(quotes.every((q) => q.confidence < CERTAIN_ATTRIBUTION)).toBe(true);
  });
});

describe("\"member\" as a role", () => {
  it("makes the capitalised word before it an affiliation, not the speaker", () => {
    expect(quotePairs("Band member Ray Tull shared the news online, writing “Feels great to back someone I believe in.”")[0]![0])
      .toBe("Ray Tull");
  });
});

describe("an attribution written as a sentence of its own", () => {
  it("credits the quotation ending the sentence before it", () => {
    const text = "The nominee caused an uproar on Wednesday.\n\n“Moscow, if you are listening, find the missing files.” Hale said. Ruiz called it reckless.";
    expect(quotePairs(text)[0]![0]).toBe("Hale");
  });

  it("leaves a narrative sentence after a full stop alone", () => {
    expect(quotePairs("“The season was a disaster.” Bookings, Wrona says, tripled in June.")[0]![0]).toBeNull();
  });
});

describe("a speech verb's bare form after an owner and adjectives", () => {
  it("is a noun: its owner, not the owner and the adjectives, said the words", () => {
    expect(quotePairs("But Varga’s most serious claim was that the panel is a “witch hunt” run for show.")[0]![0]).toBe("Varga");
  });
});

describe("a parenthetical attribution", () => {
  it("credits the words to who said them, not to the subject they are reported of", () => {
    expect(quotePairs("Hale said his team misread a report. The Herald, Hale said, called the move “highly significant.”")[0]![0]).toBe("Hale");
  });
});

describe("a party label after a name", () => {
  it.each([
    ["said X (label)", "“We will not back down on this,” said Sen. Dana Whitcombe (D-Ore.), who chairs the panel.", "Dana Whitcombe (D-Ore.)"],
    ["X (label) told", "“We will not back down on this,” Rep. Lou Farris (R-Texas) told reporters on Monday.", "Lou Farris (R-Texas)"],
    ["a party alone", "“We will not back down on this,” Gov. Lou Farris (R) said.", "Lou Farris (R)"],
    ["a state alone", "Sen. Dana Whitcombe (Maine), a moderate, said: “We will not back down on this.”", "Dana Whitcombe (Maine)"],
    ["a dotted state and an aside", "Sen. Dana Whitcombe (D-N.Y.), who chairs the panel, said: “We will not back down on this.”", "Dana Whitcombe (D-N.Y.)"],
    ["X (label) said before", "Rep. Lou Farris (R-Wis.) said the bill was “a plain failure of the whole chamber.”", "Lou Farris (R-Wis.)"],
  ])("is kept with the speaker as written: %s", (_, text, speaker) => {
    expect(quotePairs(text).map(([s]) => s)).toEqual([speaker]);
  });

  it("stays with the mention it follows: a later short name is the person alone", () => {
    const text = "Sen. Dana Whitcombe (D-Ore.) said the vote was “a plain failure.”\n\n“We need to start again from the beginning,” Whitcombe said.";
    expect(quotePairs(text).map(([s]) => s)).toEqual(["Dana Whitcombe (D-Ore.)", "Dana Whitcombe"]);
  });

  it("is no label in brackets that hold something else", () => {
    expect(quotePairs("“We will not back down on this,” said Dana Whitcombe (AP), who chairs the panel.")[0]![0]).toBe("Dana Whitcombe");
  });

  it("leaves a surname with a label as uncertain as the surname alone", () => {
    const [quote] = extractQuotes("“We will not back down on this,” Whitcombe (D-Ore.) said.", "text");
    expect(quote!.speaker).toBe("Whitcombe (D-Ore.)");
    expect(quote!.confidence).toBeLessThan(CERTAIN_ATTRIBUTION);
  });
});

describe("a paragraph signing the quotation above it", () => {
  it("credits the name or description after a dash, never as certain", () => {
    const text = "The claims were checked.\n\n“Almost all new income goes to the richest one percent of earners.”\n\n- Dana Ruiz.\n\nShe used an old figure.";
    const [quote] = extractQuotes(text, "text");
    expect(quote!.speaker).toBe("Dana Ruiz");
    expect(quote!.confidence).toBeLessThan(CERTAIN_ATTRIBUTION);
    expect(quotePairs(text.replace("- Dana Ruiz.", "— a campaign aide"))[0]![0]).toBe("a campaign aide");
  });

  it("is only a dash and a name: a sentence after a dash signs nothing", () => {
    const text = "“Almost all new income goes to the richest one percent of earners.”\n\n- The senator used an old figure, the report found.";
    expect(quotePairs(text)[0]![0]).toBeNull();
  });
});

describe("two roles of one person joined by \"and\"", () => {
  it("is one described speaker, as written, and never certain", () => {
    const text = "Sen. Ana Lind spoke first.\n\n“The plan is a disaster for the whole coast,” the Oregon senator and Democratic presidential candidate said.";
    const [quote] = extractQuotes(text, "text");
    expect(quote!.speaker).toBe("the Oregon senator and Democratic presidential candidate");
    expect(quote!.confidence).toBeLessThan(CERTAIN_ATTRIBUTION);
  });

  it("reads on to the name the second role introduces", () => {
    const text = "Former prosecutor and Harbour City Mayor Rudy Marino, who backs Lind, trashed the chief on the radio, calling it a “no-brainer” to charge him.";
    expect(quotePairs(text)[0]![0]).toBe("Rudy Marino");
  });
});

describe("a count of people as the source", () => {
  it("credits the share or the number as written", () => {
    const text = "Asked whether the plan would pass, 31 percent said “very probably” while 12 percent said “hard to say.”";
    expect(quotePairs(text).map(([s]) => s)).toEqual(["31 percent", "12 percent"]);
    expect(quotePairs("Outside the arena, about 200 protesters gathered in three groups, chanting “Dump the mayor now.”")[0]![0])
      .toBe("about 200 protesters");
  });

  it("credits \"the two\" as written, as a source referring back, never certain", () => {
    const [quote] = extractQuotes("Ana Lind and Tom Baker wrote to the chief.\n\n“You picked a new standard out of thin air,” the two write.", "text");
    expect(quote!.speaker).toBe("the two");
    expect(quote!.confidence).toBeLessThan(CERTAIN_ATTRIBUTION);
  });
});

describe("\"contends\" as a speech verb", () => {
  it("credits its subject", () => {
    expect(quotePairs("The lawsuit contends that “the harm was caused by reckless actions” of the council.")[0]![0]).toBe("The lawsuit");
  });
});

describe("a name before its apposition", () => {
  it("speaks when the apposition names others joined by \"and\"", () => {
    const text = "Ana Lind, 35, the daughter of former Mayor Tom Lind and Senator Eva Lind, said on Monday, “Next summer we will have a baby!”";
    expect(quotePairs(text)[0]![0]).toBe("Ana Lind");
  });

  it("speaks after an adverb opening the sentence", () => {
    const text = "Now Dana Ruiz, the oddest contender in years, is promising to hold “a grand street party” in the city.";
    expect(quotePairs(text)[0]![0]).toBe("Dana Ruiz");
  });
});
