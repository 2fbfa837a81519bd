/** Attribution: who said a quoted span, from the words around it. */
import {
  ACCORDING_WORDS, AFFILIATIONS, OCCUPATIONS, DETERMINERS, GROUP_NOUNS, INDEFINITE, INVERTIBLE_VERBS, NOT_NAME_WORDS, ORGANISATION_WORDS, PREPOSITIONS, PRONOUNS, ROLE_NOUNS, TITLES,
  VERB_FILLERS, isPhrasalSpeechVerb, isSpeechVerb,
} from "./lexicon.js";
import { GENERIC_ORGANISATION_HEADS, NameIndex, pronounGender } from "./coreference.js";
import {
  INITIAL_OR_ABBREVIATION, crossesLine, findNameMentions, isAcronym, isContraction, isSurnameLikeWord, isRemitComma, isVerbFormOpening, partyLabelAfter, partyLabelEnd,
  partyLabelStart, quoteMarkAfter, usedInLowerCase, type NameMention,
} from "./names.js";
import { isPossessive, isWord, stripPossessive, tokenize, type Tokens } from "./tokens.js";

/** How the speaker was referred to: by name, by a description ("a senior official", "the statement"), a
 * pronoun, a role referring back ("the minister"), or not at all ("they"). */
export type AttributionKind = "name" | "description" | "pronoun" | "role" | "anonymous";

export interface Attribution {
  kind: AttributionKind;
  /** Fullest name, the description as written, or null when the source cannot be told. */
  speaker: string | null;
  /** Found through a speech verb or "according to" (not a headline's `Name: "…"`). */
  verb?: boolean;
  /** A name found by referring back ("the company said": the company named last), not written here. */
  refersBack?: boolean;
}

function spoken(attribution: Attribution | null): Attribution | null {
  return attribution === null ? null : { ...attribution, verb: true };
}

/** Tokens and names of one document, shared by every attribution look-up. */
export interface AttributionContext {
  text: string;
  tokens: Tokens;
  names: NameIndex;
}

export function createAttributionContext(text: string): AttributionContext {
  const tokens = tokenize(text);
  return { text, tokens, names: new NameIndex(text, tokens) };
}

// Words that end a noun phrase: prepositions, conjunctions, relative pronouns.
const PHRASE_BREAKERS = new Set([
  "in", "on", "at", "for", "of", "to", "from", "with", "after", "before", "during", "who", "which", "that",
  "and", "but", "or", "as", "when", "while", "where", "because", "if", "than", "into", "about", "by",
  "over", "under", "since", "until", "via", "whose", "what", "not", "no", "it", "we", "i", "you",
  // German and French prepositions and conjunctions ("Im Plenum sagte er", "Dans la salle").
  "im", "am", "nach", "bei", "mit", "vor", "auf", "zum", "zur", "und", "aber", "dans", "avec", "pour", "sur", "chez", "mais",
]);
const HEAD_PREPOSITIONS = new Set(["of", "for", "at", "from", "with", "in", "on"]);
/** Prepositions joining a described person to who they work for or belong to ("an adviser to Trump"). */
const COMPLEMENT_PREPOSITIONS = new Set(["of", "for", "at", "from", "with", "to"]);
const MAX_PHRASE_WORDS = 8;
const MAX_APPOSITION_TOKENS = 16;
const MAX_WINDOW_TOKENS = 60;

/** A speech verb at token `i`, alone (`said`) or with its particle (`shot back`), and not a noun after a
 * determiner or an owner, with perhaps a participle between (`the claims`, `Trump's repeated calls`). */
function isSpeechVerbAt(tokens: Tokens, i: number): boolean {
  if (!isSpeechVerb(tokens.text(i)) && !(i + 1 < tokens.length && isPhrasalSpeechVerb(tokens.text(i), tokens.lower(i + 1)) && !goesOnElsewhere(tokens, i))) {
    return false;
  }
  // "secretary of state": after "of", a bare form is a noun.
  if (tokens.lower(i - 1) === "of" && !tokens.lower(i).endsWith("ing")) return false;
  // "a Twitter comment", "the Trump tweet": a bare form after an article and a name qualifying it is a noun.
  const bare = isRegularBaseForm(tokens.lower(i));
  if (bare && /^(?:a|an|the)$/u.test(tokens.lower(i - 2)) && tokens.capitalised(i - 1) && !/s$/u.test(tokens.lower(i - 1))) return false;
  if (bare && isOwnedAfterAdjectives(tokens, i)) return false;
  // "Clinton's Colorado state director", "a state senator": a bare form before a role qualifies it; "her home state
  // of Ohio": before "of" it is a noun.
  if (bare && isWord(tokens, i + 1) && !tokens.capitalised(i + 1) &&
    (ROLE_NOUNS.has(tokens.lower(i + 1)) || TITLES.has(tokens.lower(i + 1)) || tokens.lower(i + 1) === "of")) {
    return false;
  }
  return !isDeterminedNoun(tokens, i - 1) && !(tokens.lower(i - 1).endsWith("ed") && isDeterminedNoun(tokens, i - 2));
}

const ADJECTIVE = /(?:ive|al|ous|ful|ic|est|ent|ant|able|ible|ary|less)$|^(?:most|more|new|big|main|own|first|last|only|key|final|early|late|long|short|brief|bold|blunt|stark|latest)$/u;
const MAX_ADJECTIVES = 2;

/** "Varga's most serious claim", "his latest tweet": a bare form after a determiner or an owner and adjectives
 * only is a noun. */
function isOwnedAfterAdjectives(tokens: Tokens, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && i - k <= MAX_ADJECTIVES && isWord(tokens, k) && !tokens.capitalised(k) && ADJECTIVE.test(tokens.lower(k))) k--;
  return k < i - 1 && isDeterminedNoun(tokens, k);
}

/** "the Senate goes on recess": "went on" / "goes on" reports speech only before "to" or punctuation ("went on to say",
 * "she went on: …"). */
function goesOnElsewhere(tokens: Tokens, i: number): boolean {
  return tokens.lower(i + 1) === "on" && isWord(tokens, i + 2) && tokens.lower(i + 2) !== "to";
}

/** "comment", "tweet": the bare form of a regular speech verb, which is also a noun ("said" and "says" are not). */
function isRegularBaseForm(word: string): boolean {
  return !/(?:s|ed|ing)$/u.test(word) && (isSpeechVerb(`${word}ed`) || isSpeechVerb(`${word}d`));
}

function isDeterminedNoun(tokens: Tokens, before: number): boolean {
  // Not after "a": the French auxiliary of `L’élue a précisé`.
  const lower = tokens.lower(before);
  return before >= 0 && ((DETERMINERS.has(lower) && lower !== "a" && lower !== "an") || isPossessive(tokens, before));
}

function isFiller(tokens: Tokens, i: number): boolean {
  const lower = tokens.lower(i);
  // An adverb ("later", "quickly"), not a name ending like one ("Kelly said", "Connolly added").
  return (VERB_FILLERS.has(lower) && !isCapitalisedInside(tokens, i)) || (lower.length > 4 && lower.endsWith("ly") && !tokens.capitalised(i));
}

/** `…," Will wrote`: a capitalised auxiliary or adverb inside its sentence (not after a colon: `one question: Will
 * he…`) is a surname (George Will), not a filler. */
function isCapitalisedInside(tokens: Tokens, i: number): boolean {
  return i > 0 && CAPITALISED_WORD.test(tokens.text(i)) && !tokens.stop(i - 1) && tokens.text(i - 1) !== ":" &&
    !crossesLine(tokens.source, tokens, i - 1, i);
}

const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;

function isPhraseWord(tokens: Tokens, i: number): boolean {
  if (!isWord(tokens, i) || isContraction(tokens.lower(i))) return false;
  const capitalised = tokens.capitalised(i);
  if (isSpeechVerbAt(tokens, i)) return false;
  const lower = tokens.lower(i);
  // "about 200 protesters": an approximation before a number opens a count of people.
  if (APPROXIMATELY.has(lower) && NUMBER.test(tokens.text(i + 1))) return true;
  // A capitalised breaker ("In", "But") opens a sentence; one that is not a function word is a name ("Post", "WHO").
  if (PHRASE_BREAKERS.has(lower)) return capitalised && (!NOT_NAME_WORDS.has(lower) || isAcronym(tokens, i) || isSurnameLikeWord(tokens, i));
  return !VERB_FILLERS.has(lower) || DETERMINERS.has(lower) || isCapitalisedInside(tokens, i);
}

/** A dot belongs to a phrase after an initial or an abbreviated title (`J.`, `Dr.`), not after a title written in
 * full that ends the sentence (`said a person close to the governor.`). */
function isPhraseDot(tokens: Tokens, i: number): boolean {
  return tokens.text(i) === "." && i > 0 && tokens.end(i - 1) === tokens.start(i) &&
    (/^\p{Lu}$/u.test(tokens.text(i - 1)) || (TITLES.has(tokens.lower(i - 1)) && isAbbreviatedTitle(tokens.text(i - 1))));
}

/** "Sen", "Maj", "Mme": an abbreviation, not a title in full nor in capitals ("the CEO."). */
function isAbbreviatedTitle(word: string): boolean {
  return INITIAL_OR_ABBREVIATION.test(word) || (word.length <= 3 && word !== word.toUpperCase());
}

/** `and` joins capitalised words inside a title: "Work and Pensions Secretary". */
function isTitleConjunction(tokens: Tokens, i: number): boolean {
  return (tokens.lower(i) === "and" || tokens.text(i) === "&") && i > 0 && i + 1 < tokens.length &&
    tokens.capitalised(i - 1) && tokens.capitalised(i + 1);
}

/** `of`, `for` or `of the` between capitalised words joins one name: "Office of the U.S. Trade
 * Representative", "Secretary of State Ana Villanueva", "Department for Education". */
function isNameConnector(tokens: Tokens, i: number): boolean {
  const lower = tokens.lower(i);
  if (lower === "the") return (tokens.lower(i - 1) === "of" || tokens.lower(i - 1) === "for") && isNameConnector(tokens, i - 1);
  if (lower !== "of" && lower !== "for") return false;
  const next = tokens.lower(i + 1) === "the" ? i + 2 : i + 1;
  return tokens.capitalised(i - 1) && tokens.capitalised(next) && !NOT_NAME_WORDS.has(tokens.lower(next));
}

function isInnerJoiner(tokens: Tokens, i: number): boolean {
  return isTitleConjunction(tokens, i) || isNameConnector(tokens, i) || isRemitComma(tokens, i) || isTitleOf(tokens, i) || isRoleConjunction(tokens, i);
}

const MAX_ROLE_CONJUNCT_WORDS = 5;

function isRoleWord(word: string): boolean {
  return ROLE_NOUNS.has(word) || TITLES.has(word) || OCCUPATIONS.has(word);
}

/** `and` between two roles of one person: "the Oregon senator and Democratic presidential candidate", "Former
 * prosecutor and City Mayor Rudy Giuliani": a role in lower case before it, and another role within a few words after
 * it (not "the senator and Trump"). */
function isRoleConjunction(tokens: Tokens, i: number): boolean {
  if (tokens.lower(i) !== "and" || !isWord(tokens, i - 1) || tokens.capitalised(i - 1) || !isRoleWord(tokens.lower(i - 1))) return false;
  for (let k = i + 1; k <= i + MAX_ROLE_CONJUNCT_WORDS && isWord(tokens, k) && !isSpeechVerbAt(tokens, k); k++) {
    if (isRoleWord(tokens.lower(k))) return true;
  }
  return false;
}

/** `of` inside a title written in lower case before a name or its comma: "former secretary of state Hillary Ruiz",
 * "Ruiz's chief of staff, Lou Pardo," (one word after `of`, then the name or a comma). */
function isTitleOf(tokens: Tokens, i: number): boolean {
  if (tokens.lower(i) !== "of" || tokens.capitalised(i - 1) || !(ROLE_NOUNS.has(tokens.lower(i - 1)) || TITLES.has(tokens.lower(i - 1)))) return false;
  return isWord(tokens, i + 1) && !tokens.capitalised(i + 1) && !DETERMINERS.has(tokens.lower(i + 1)) &&
    ((isWord(tokens, i + 2) && tokens.capitalised(i + 2)) || tokens.text(i + 2) === ",");
}

/** End index (exclusive) of a noun phrase starting at `i`. */
function phraseForward(tokens: Tokens, i: number, end: number): number {
  let j = i;
  let words = 0;
  while (j < end && words < MAX_PHRASE_WORDS) {
    if (j > i && quoteMarkAfter(tokens, j - 1)) break;
    if (isPhraseDot(tokens, j) || (j > i && j + 1 < end && isInnerJoiner(tokens, j))) j++;
    else if (isPhraseWord(tokens, j)) {
      j++;
      words++;
    } else {
      // `Sen. Chris Murphy (D-Conn.) said`: a party label closes the name it follows.
      const label = j > i ? partyLabelEnd(tokens, j) : -1;
      if (label > 0 && label <= end) j = label;
      break;
    }
  }
  return j;
}

/** Start index of a noun phrase ending just before `end` (exclusive). */
function phraseBackward(tokens: Tokens, end: number, start: number): number {
  const label = partyLabelStart(tokens, end);
  let j = label > start ? label : end;
  let words = 0;
  while (j > start && words < MAX_PHRASE_WORDS) {
    if (j < end && quoteMarkAfter(tokens, j - 1)) break;
    if (isPhraseDot(tokens, j - 1) || (j < end && j - 1 > start && isInnerJoiner(tokens, j - 1))) j--;
    else if (isPhraseWord(tokens, j - 1)) {
      j--;
      words++;
    } else break;
  }
  return j;
}

/** "Specifically", "Adding", "People" opening a sentence: one capitalised word that is an adverb or a speech
 * verb, or that the text also writes in lower case and is no short form of a longer name, is not a name. */
function isCommonWordOpening(ctx: AttributionContext, mention: NameMention): boolean {
  const { tokens } = ctx;
  const first = tokens.indexAt(mention.start);
  if (tokens.end(first) !== mention.end || mention.titles.length > 0 || isAcronym(tokens, first)) return false;
  const before = first - 1;
  if (before >= 0 && !tokens.stop(before) && !crossesLine(ctx.text, tokens, before, first)) return false;
  const word = tokens.lower(first);
  if (isSpeechVerb(word)) return true;
  // "Horrified at the prospect, Ramos…", "Reprising her line, the senator…", but not "Manning said" or "Manning, 40, said".
  if (isVerbFormOpening(ctx.text, tokens, first)) {
    const next = first + 1;
    return !/(?:ing|ed)$/u.test(word) || (isWord(tokens, next) && !tokens.capitalised(next) && !(isFiller(tokens, next) && !DETERMINERS.has(tokens.lower(next))) && !isSpeechVerbAt(tokens, next));
  }
  return usedInLowerCase(ctx.text, word) && !ctx.names.resolve(mention.name).includes(" ");
}


function pickMention(all: readonly NameMention[]): NameMention | undefined {
  // "Ukraine's foreign minister": a possessive name only qualifies the head noun.
  const mentions = all.filter((m) => !m.possessive);
  // Prefer what looks like a person: titled or several words; else the last name in the phrase.
  return mentions.find((m) => m.titles.length > 0 && !m.organisation) ??
    mentions.find((m) => !m.organisation && m.name.includes(" ")) ??
    mentions[mentions.length - 1];
}

/** Interprets tokens[from, to) as a reference to a speaker. */
function resolvePhrase(ctx: AttributionContext, from: number, to: number): Attribution | null {
  if (to <= from) return null;
  const { tokens, names } = ctx;
  const position = tokens.start(from);
  // The name a party label follows is what the phrase names (the label is added back to it).
  const label = partyLabelStart(tokens, to);
  if (label > from) to = label;
  // "they said": a group or an organisation, not the last person named.
  if (to - from === 1 && tokens.lower(from) === "they") return { kind: "anonymous", speaker: null };
  if (to - from === 1 && FRAGMENT_WORDS.has(tokens.lower(from))) return null;
  // "Another said", "Others chanted": an unnamed source as written.
  if (to - from === 1 && tokens.capitalised(from) && LONE_SOURCES.has(tokens.lower(from))) return loneSource(ctx, from);
  if (to - from === 1 && PRONOUNS.has(tokens.lower(from))) {
    return { kind: "pronoun", speaker: names.lastPersonBefore(position, pronounGender(tokens, from)) };
  }
  // "HOW CHINA’S DECLINE AFFECTS …": a headline in capitals speaks for no one.
  if (isCapitalsHeadline(tokens, from, to)) return null;
  const words: string[] = [];
  let group = false;
  for (let k = from; k < to; k++) {
    if (!isWord(tokens, k)) continue;
    words.push(stripElision(stripPossessive(tokens.lower(k))));
    // "Greater Manchester Police" is a name; "police" and "Police said" are a group.
    group ||= GROUP_NOUNS.has(words[words.length - 1]!) && !(tokens.capitalised(k) && tokens.capitalised(k - 1) && k > from);
  }
  const mentions = findNameMentions(ctx.text, tokens, from, to).filter((m) => !isCommonWordOpening(ctx, m));
  // "der CDU-Politiker", "die Ministerin": a German article and one capitalised noun refer back to a person.
  if (words.length === 2 && (words[0] === "der" || words[0] === "die") && !(mentions[0]?.organisation ?? false)) {
    return { kind: "role", speaker: names.lastPersonBefore(position, words[0] === "der" ? "m" : "f") };
  }
  const indefinite = INDEFINITE.has(words[0]!);
  // "a Chatterly spokesperson", "officials", "a senior EU official": an unnamed source is credited as
  // described, whatever names qualify it (a spokesperson is not the body they speak for).
  const namesPerson = mentions.some((m) => !m.organisation && !m.possessive);
  if (group || (!namesPerson && (words.some(isSpokesperson) || (indefinite && words.some((w) => ROLE_NOUNS.has(w) || AFFILIATIONS.has(w)))))) {
    return described(ctx, from, to);
  }
  const owner = utteranceOwner(ctx, from, to, words);
  if (owner !== null) return owner;
  // "the independent Vermont senator", "the Trump campaign": a name qualifying the lower-case noun that ends
  // a determined phrase is no speaker; the phrase is, as a role or a description.
  // So does an owner opening it: "Hillary Clinton's right-hand woman".
  const owned = mentions[0]?.possessive === true && tokens.capitalised(from) && mentions[0].start <= tokens.start(from + 1);
  const qualifying = (DETERMINERS.has(words[0]!) || indefinite || owned) && isWord(tokens, to - 1) && !tokens.capitalised(to - 1) &&
    mentions.length > 0 && mentions[mentions.length - 1]!.end < tokens.start(to - 1);
  const mention = qualifying ? undefined : pickMention(mentions);
  if (mention) return { kind: "name", speaker: labelled(ctx, names.resolve(mention.name), mention) };
  const head = words[words.length - 1]!;
  if (words[0] === "the" && (ORGANISATION_WORDS.has(head) || GENERIC_ORGANISATION_HEADS.has(head))) {
    // "The Welsh government said": the body as written, a name of its own, never a person.
    let first = from;
    while (first < to && DETERMINERS.has(tokens.lower(first))) first++;
    if (ORGANISATION_WORDS.has(head) && to - first === 2 && tokens.capitalised(first) && !tokens.capitalised(first + 1)) {
      return { kind: "name", speaker: ctx.text.slice(tokens.start(first), tokens.end(to - 1)) };
    }
    // "the trust said", "the company added": the body as written, not a name from elsewhere in the article; it
    // refers back, so it is never certain enough for a pull quote.
    return { kind: "description", speaker: phraseText(ctx, from, to), refersBack: true };
  }
  // "the two write": the people just named, counted; as written, and never certain.
  if (words.length === 2 && words[0] === "the" && COUNTED.has(words[1]!)) return { ...described(ctx, from, to), refersBack: true };
  const role = [...words].reverse().find((w) => ROLE_NOUNS.has(w) || AFFILIATIONS.has(w) || OCCUPATIONS.has(w) || AGE_NOUN.test(w));
  // "the minister said", "the judge": the role as written, not the person introduced with that title elsewhere.
  // A bare elided role (`l’élue`) is the person named last. Each refers back: not certain enough for a pull quote.
  if (role !== undefined) {
    if (words.length > 1 && DETERMINERS.has(words[0]!)) return { kind: "role", speaker: phraseText(ctx, from, to) };
    return words.length === 1 && to - from === 1 ? { kind: "role", speaker: names.lastPersonBefore(position) } : null;
  }
  // "the statement read", "a man yelled", "some protesters chanted", "the Democratic nominee": a described source.
  return qualifying || isDescription(tokens, to, words) || isCount(words) ? described(ctx, from, to) : null;
}

const NUMBER = /^\d[\d.,]*%?$/u;
const COUNTED: ReadonlySet<string> = new Set(["two", "three", "four", "five", "both"]);
const APPROXIMATELY: ReadonlySet<string> = new Set(["about", "nearly", "almost", "roughly", "some", "over", "around", "just"]);

/** "21 percent said", "about 200 protesters chanted": a number of people, or a share of those asked, as a poll or a
 * report counts them. */
function isCount(words: readonly string[]): boolean {
  const first = APPROXIMATELY.has(words[0]!) ? 1 : 0;
  if (!NUMBER.test(words[first] ?? "") || words.length < first + 2) return false;
  const head = words[words.length - 1]!;
  return words.includes("percent") || GROUP_NOUNS.has(head) || SOURCE_NOUNS.has(head) || AGENT_NOUN.test(head);
}

/** A name as written with the party label that follows it (`Chris Murphy (D-Conn.)`): the speaker as news names them.
 * Later mentions (`Murphy said`) resolve to the name alone. */
function labelled(ctx: AttributionContext, name: string, mention: NameMention): string {
  const label = mention.possessive ? null : partyLabelAfter(ctx.tokens, mention.end);
  return label === null ? name : `${name} ${label}`;
}

/** Nouns for words someone said: whoever owns them said them ("Ruiz's catch phrase", "the campaign's statement"). */
const UTTERANCE_NOUNS: ReadonlySet<string> = new Set([
  "statement", "claim", "claims", "slogan", "catchphrase", "phrase", "response", "reply", "answer", "promise", "pledge",
  "vow", "words", "remark", "remarks", "comment", "comments", "message", "motto", "mantra", "line", "tweet", "retort",
  "quip", "assertion", "argument", "warning", "conclusion", "explanation", "description", "refrain", "boast",
]);

/** The owner of the words a phrase such as "Ruiz's catch phrase" names, else null. */
function utteranceOwner(ctx: AttributionContext, from: number, to: number, words: readonly string[]): Attribution | null {
  const { tokens, names } = ctx;
  if (!UTTERANCE_NOUNS.has(words[words.length - 1]!) || tokens.capitalised(to - 1)) return null;
  let owner = from;
  while (owner < to - 1 && !isPossessive(tokens, owner)) owner++;
  if (owner >= to - 1) return null;
  const mention = findNameMentions(ctx.text, tokens, from, owner + 1).find((m) => m.possessive);
  if (mention !== undefined) return { kind: "name", speaker: names.resolve(mention.name) };
  // "the campaign's statement": the owner as written.
  return DETERMINERS.has(tokens.lower(from)) ? { kind: "description", speaker: ctx.text.slice(tokens.start(from), tokens.end(owner) - 2) } : null;
}

function isCapitalsHeadline(tokens: Tokens, from: number, to: number): boolean {
  let capitals = 0;
  for (let k = from; k < to; k++) {
    if (!isWord(tokens, k)) continue;
    const text = tokens.text(k);
    if (text !== text.toUpperCase() || !tokens.capitalised(k)) return false;
    capitals++;
  }
  return capitals >= 3;
}

const LONE_SOURCES: ReadonlySet<string> = new Set(["another", "others", "some", "many", "several", "most", "both"]);
/** Sentence openers that are no speaker on their own (`Let`, `Imagine`, `I'm`): a headline or an imperative. */
const FRAGMENT_WORDS: ReadonlySet<string> = new Set(["let", "imagine", "i'm", "i’m", "i'll", "i’ll", "i", "we", "you", "said", "says"]);

function phraseText(ctx: AttributionContext, from: number, to: number): string {
  return ctx.text.slice(ctx.tokens.start(from), ctx.tokens.end(to - 1));
}

/** "Another said", "tweeted one": a source as written that refers back to the people just quoted, so never certain
 * enough to print under a pull quote. */
function loneSource(ctx: AttributionContext, at: number): Attribution {
  return { ...described(ctx, at, at + 1), refersBack: true };
}

function described(ctx: AttributionContext, from: number, to: number): Attribution {
  return { kind: "description", speaker: phraseText(ctx, from, to) };
}

/** "the 46-year-old said": an age standing for a person. */
const AGE_NOUN = /^\d+-year-old$/u;

/** Nouns for people and for writings that speak in news ("the statement said", "a man yelled"). A closed
 * list: an open one takes "the fraud claims were" for a speaker and a verb. */
const SOURCE_NOUNS: ReadonlySet<string> = new Set([
  "man", "woman", "men", "women", "person", "people", "crowd", "audience", "voter", "resident", "supporter", "protester",
  "protesters", "attendees", "fan", "reporter", "moderator", "host", "narrator", "caller", "viewer", "reader", "user",
  "member", "members", "staffer", "staffers", "employee", "employees", "worker", "workers", "friend", "neighbor",
  "neighbour", "relative", "student", "participant", "panelist", "questioner", "heckler", "commenter", "poster", "speaker",
  "statement", "report", "email", "e-mail", "memo", "letter", "document", "documents", "ad", "advertisement", "video",
  "column", "editorial", "article", "story", "newspaper", "paper", "magazine", "outlet", "website", "site", "blog",
  "study", "survey", "poll", "analysis", "complaint", "lawsuit", "suit", "filing", "indictment", "ruling", "order",
  "tweet", "post", "message", "note", "release", "transcript", "sign", "banner", "placard", "headline", "caption",
  "petition", "motion", "bill", "resolution", "platform", "manifesto", "proposal", "plan", "policy", "guidance",
  "campaign", "camp", "team", "administration", "office", "committee", "panel", "board", "editorial", "ad", "commercial",
]);

/** A lower-case noun phrase opened by a determiner or a quantifier whose head is a person or a writing
 * ("the statement", "a man", "some protesters"). */
function isDescription(tokens: Tokens, to: number, words: readonly string[]): boolean {
  if (words.length < 2 || !(DETERMINERS.has(words[0]!) || INDEFINITE.has(words[0]!))) return false;
  const head = to - 1;
  const noun = words[words.length - 1]!;
  return isWord(tokens, head) && !tokens.capitalised(head) && (SOURCE_NOUNS.has(noun) || AGENT_NOUN.test(noun));
}

/** Nouns for people by what they do or are ("the insider", "the columnist", "the committee chairmen", "the
 * impostor"): agent and person endings; plurals only where the ending is a person's (not "the papers"). */
const AGENT_NOUN = /^\p{L}{3,}(?:er|or|man|men|woman|women|ists?|ians?)$/u;

/** "l’élue" → "élue": a French elided article is no part of the noun. */
function stripElision(word: string): string {
  return FRENCH_ELISION.test(word) ? word.slice(2) : word;
}

const FRENCH_ELISION = /^[ldjmnst]['’]\p{L}/u;
/** `a-t-il`, `ajoute-t-elle`, `dit-il`: French inversion of a verb and its subject pronoun in one token. */
const INVERTED_PRONOUN = /^(\p{L}+)-(?:t-)?(il|elle|on)$/u;

/** The pronoun of an inverted French verb token (`a-t-il réagi`), or null. */
function invertedPronoun(tokens: Tokens, i: number): string | null {
  const match = INVERTED_PRONOUN.exec(tokens.lower(i));
  if (match === null || !(match[1] === "a" || isSpeechVerb(match[1]!))) return null;
  return match[2]!;
}

/** A phrase naming a person or group by role: "a senior official", "a spokeswoman", "officials". */
function isPersonPhrase(tokens: Tokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const word = stripPossessive(tokens.lower(k));
    if (ROLE_NOUNS.has(word) || GROUP_NOUNS.has(word) || AFFILIATIONS.has(word) || isSpokesperson(word)) return true;
  }
  return false;
}

function isSpokespersonPhrase(tokens: Tokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isSpokesperson(tokens.lower(k))) return true;
  return false;
}

function isSpokesperson(word: string): boolean {
  return word === "spokesperson" || word === "spokesman" || word === "spokeswoman";
}

/** A phrase `[from, to)` and its apposition: "the Commission's spokesperson, Anna Weber" is Anna Weber
 * (the person named speaks, not the body behind them); otherwise a name in the head wins. */
function withApposition(ctx: AttributionContext, head: Attribution | null, from: number, to: number, aside: Attribution | null): Attribution | null {
  if (aside?.kind === "name" && isSpokespersonPhrase(ctx.tokens, from, to)) return aside;
  return better(head, aside);
}

function better(a: Attribution | null, b: Attribution | null): Attribution | null {
  if (a?.kind === "name") return a;
  if (b?.kind === "name") return b;
  return a ?? b;
}

/** A source credited as written: a description, or a role nobody was introduced with ("the senator"). */
function isAsWritten(ctx: AttributionContext, attribution: Attribution | null, from: number, to: number): boolean {
  return attribution !== null && (attribution.kind === "description" || (attribution.kind === "role" && attribution.speaker === phraseText(ctx, from, to)));
}

/** Where a person described as written at tokens[from, to) ends with what they belong to: `a spokesman for the
 * ministry`, `the former aide to President Ruiz`, `the senator from Vermont`, `one Democrat familiar with the
 * talks`; `to` if nothing follows. */
function complementEnd(ctx: AttributionContext, attribution: Attribution | null, from: number, to: number, end: number): number {
  const { tokens } = ctx;
  if (!isAsWritten(ctx, attribution, from, to) || !COMPLEMENT_PREPOSITIONS.has(tokens.lower(to)) || !isPersonPhrase(tokens, from, to)) return to;
  // Not whom the words were said to: `said the minister to reporters`.
  if (tokens.lower(to) === "to" && (PRONOUNS.has(tokens.lower(to + 1)) || ADDRESSEES.has(tokens.lower(to + 1)))) return to;
  // The object ends before a verb the phrase reads on into (`A spokesman for Platte River declined`), and may
  // have its own (`with longtime ties to the family`).
  let objectEnd = pastVerbEnd(tokens, to + 1, phraseForward(tokens, to + 1, end));
  if (objectEnd > to + 1 && objectEnd + 1 < end && COMPLEMENT_PREPOSITIONS.has(tokens.lower(objectEnd)) && !ADDRESSEES.has(tokens.lower(objectEnd + 1))) {
    const further = pastVerbEnd(tokens, objectEnd + 1, phraseForward(tokens, objectEnd + 1, end));
    if (further > objectEnd + 1) objectEnd = further;
  }
  return objectEnd > to + 1 ? objectEnd : to;
}

const ADDRESSEES: ReadonlySet<string> = new Set(["reporters", "journalists", "me", "us", "him", "her", "them", "supporters"]);

/** A phrase, then optionally ", apposition," — `Tom Brennan, the council leader,` or
 * `Helima Croft, head of strategy at RBC,`: the aside runs to the next comma. */
function phraseWithApposition(ctx: AttributionContext, i: number, end: number): { attribution: Attribution | null; next: number } {
  const { tokens } = ctx;
  const headEnd = phraseForward(tokens, i, end);
  // "said a longtime adviser to Trump", "one Democrat familiar with the talks": a described person with what
  // they belong to, as written.
  const head = resolvePhrase(ctx, i, headEnd);
  const complemented = complementEnd(ctx, head, i, headEnd, end);
  // "said one owner of a bakery who asked not to be named": a description keeps its defining relative clause.
  const phraseEnd = isAsWritten(ctx, head, i, headEnd) || complemented > headEnd ? definingClauseEnd(tokens, complemented, end) : complemented;
  let attribution = phraseEnd > headEnd ? described(ctx, i, phraseEnd) : head;
  let next = phraseEnd;
  // A pronoun is never renamed by what follows its comma (`Selon lui, plusieurs boutiques …`).
  if (phraseEnd > i && tokens.text(phraseEnd) === "," && attribution?.kind !== "pronoun") {
    const asideStart = phraseEnd + 1;
    let comma = asideStart;
    while (comma < end && comma - asideStart < MAX_APPOSITION_TOKENS && tokens.text(comma) !== "," && !isSpeechVerbAt(tokens, comma)) comma++;
    const closed = comma < end && tokens.text(comma) === ",";
    const asideEnd = phraseForward(tokens, asideStart, closed ? comma : end);
    if (asideEnd > asideStart && (closed || !opensClause(tokens, asideEnd, end))) {
      attribution = withApposition(ctx, attribution, i, phraseEnd, resolvePhrase(ctx, asideStart, asideEnd));
      next = closed ? comma + 1 : asideEnd;
    }
  }
  return { attribution, next };
}

/** The end of a defining relative clause opening at `at` (`who asked not to be named`, `that sells rye bread`) when
 * it runs to the end of its sentence or clause, else `at`. */
function definingClauseEnd(tokens: Tokens, at: number, end: number): number {
  const relative = tokens.lower(at);
  // "that the plan…" after a described person is what they said, not a relative clause.
  if (!(relative === "who" || (relative === "that" && !DETERMINERS.has(tokens.lower(at + 1)))) || !isWord(tokens, at + 1)) return at;
  const last = Math.min(end, at + MAX_RELATIVE_CLAUSE_TOKENS);
  for (let k = at + 1; k < last; k++) {
    // It also ends before a second clause (`… who oversaw the inquiry and described it as …`).
    if ((tokens.stop(k) && !isAbbreviationDot(tokens, k)) || CLAUSE_END.has(tokens.text(k)) || COORDINATORS.has(tokens.lower(k)) || quoteMarkAfter(tokens, k - 1)) return k;
  }
  return last === end ? end : at;
}

/** The source after "according to": whatever it names, or a determined phrase as written (`according to his
 * personal physician`), since the preposition makes it a source. */
function accordingTo(ctx: AttributionContext, i: number, end: number): Attribution | null {
  const found = phraseWithApposition(ctx, i, end).attribution;
  if (found !== null) return found;
  const phraseEnd = pastVerbEnd(ctx.tokens, i, phraseForward(ctx.tokens, i, end));
  const first = ctx.tokens.lower(i);
  return phraseEnd - i >= 2 && (DETERMINERS.has(first) || INDEFINITE.has(first)) && !ctx.tokens.capitalised(phraseEnd - 1) ? described(ctx, i, phraseEnd) : null;
}

/** `According to the report, the minister had…`: the phrase after the comma is the subject of a clause of its own,
 * read on by a verb that is no speech verb, not an apposition. */
function opensClause(tokens: Tokens, at: number, end: number): boolean {
  if (at >= end || !(isFiller(tokens, at) || tokens.lower(at).endsWith("ed")) || DETERMINERS.has(tokens.lower(at))) return false;
  const verb = skipFillers(tokens, at, end);
  return !(verb < end && isSpeechVerbAt(tokens, verb));
}

function skipFillers(tokens: Tokens, i: number, end: number): number {
  while (i < end && isFiller(tokens, i)) i++;
  return i;
}

/** Token range of `[from, to)`, capped at its first (or, `fromEnd`, last) MAX_WINDOW_TOKENS tokens. */
function windowTokens(ctx: AttributionContext, from: number, to: number, fromEnd = false): [number, number] {
  const first = ctx.tokens.indexAt(from);
  let last = ctx.tokens.indexAt(to);
  while (last > first && ctx.tokens.end(last - 1) > to) last--;
  return fromEnd ? [Math.max(first, last - MAX_WINDOW_TOKENS), last] : [first, Math.min(last, first + MAX_WINDOW_TOKENS)];
}

const LEADING_PUNCTUATION = new Set([",", "—", "–", "-", ")", "(", ":", ";"]);
const CLAUSE_END = new Set([",", ":", ";", "—", "–", "-"]);

/** Attribution after a quotation: `…," Starmer said`, `…," said the minister, Jane Doe`, `…," according to X`. */
export function attributeAfter(ctx: AttributionContext, from: number, to: number): Attribution | null {
  const { tokens } = ctx;
  const [first, end] = windowTokens(ctx, from, to);
  let i = first;
  while (i < end && LEADING_PUNCTUATION.has(tokens.text(i))) i++;
  if (i >= end) return null;
  if (tokens.lower(i) === "according" && tokens.lower(i + 1) === "to") return spoken(accordingTo(ctx, i + 2, end));
  if (ACCORDING_WORDS.has(tokens.lower(i))) return spoken(accordingTo(ctx, i + 1, end));
  const pronoun = invertedPronoun(tokens, i);
  if (pronoun !== null) {
    return pronoun === "on" ? { kind: "anonymous", speaker: null, verb: true } : { kind: "pronoun", speaker: ctx.names.lastPersonBefore(tokens.start(i), pronoun === "il" ? "m" : "f"), verb: true };
  }
  const verb = skipFillers(tokens, i, end);
  if (verb < end && INVERTIBLE_VERBS.has(tokens.lower(verb))) {
    // `…," tweeted another.`: after the verb, a lone quantifier is a source as written.
    const lone = verb + 1 < end && (LONE_SOURCES.has(tokens.lower(verb + 1)) || tokens.lower(verb + 1) === "one") && closesClause(tokens, verb + 2, end);
    return spoken(lone ? loneSource(ctx, verb + 1) : phraseWithApposition(ctx, verb + 1, end).attribution);
  }
  const { attribution, next } = phraseWithApposition(ctx, i, end);
  const after = skipFillers(tokens, next, end);
  if (attribution && after < end && isSpeechVerbAt(tokens, after)) return spoken(attribution);
  // `…," a spokeswoman for the ministry said`, `…," Edward Alden of the Council on Foreign Relations said`.
  if (next < end && HEAD_PREPOSITIONS.has(tokens.lower(next))) {
    const objectEnd = phraseForward(tokens, next + 1, end);
    const verb = skipFillers(tokens, objectEnd, end);
    if (objectEnd > next + 1 && verb < end && isSpeechVerbAt(tokens, verb)) {
      if (isAsWritten(ctx, attribution, i, next) && isPersonPhrase(tokens, i, next)) return spoken(described(ctx, i, objectEnd));
      return spoken(attribution?.kind === "name" ? attribution : resolvePhrase(ctx, next + 1, objectEnd));
    }
  }
  // `…," Mara Velt, who ran the office for years, told a radio station`, `…," Lena Ortiz, 30, of Dover, Del., said`:
  // an aside longer than an apposition (a relative clause, an age and a place) between the speaker and the verb.
  const headEnd = phraseForward(tokens, i, end);
  if (headEnd > i && tokens.text(headEnd) === "," && (speechVerbAfterAside(tokens, headEnd + 1, end) || speechVerbInRelativeAside(tokens, headEnd + 1, end))) {
    const head = resolvePhrase(ctx, i, headEnd);
    if (head !== null && head.kind !== "pronoun" && head.kind !== "anonymous") return spoken(head);
  }
  return closingAttribution(ctx, i, end);
}

/** `…," Nate Cole, the pollster who founded the site tweeted`: an aside holding a relative clause that no comma closes,
 * then a speech verb before the sentence or clause ends; the name before the aside speaks. */
function speechVerbInRelativeAside(tokens: Tokens, from: number, end: number): boolean {
  const last = Math.min(end, from + MAX_RELATIVE_CLAUSE_TOKENS);
  let relative = false;
  for (let k = from; k < last; k++) {
    // A dot inside a word (`fivethirtyeight.com`) ends no sentence.
    if ((tokens.stop(k) && !isAbbreviationDot(tokens, k) && tokens.end(k) !== tokens.start(k + 1)) || CLAUSE_END.has(tokens.text(k))) return false;
    if (relative && isSpeechVerbAt(tokens, k)) return true;
    relative ||= RELATIVE_PRONOUNS.has(tokens.lower(k));
  }
  return false;
}

const SIGNATURE_DASHES: ReadonlySet<string> = new Set(["-", "–", "—"]);

/** A paragraph `[from, to)` that is only a dash and a name or a description (`- Bernie Sanders.`, `— a campaign aide`),
 * as fact checks and epigraphs sign the quotation above it: its source, without a speech verb (never certain). */
export function signature(ctx: AttributionContext, from: number, to: number): Attribution | null {
  const { tokens } = ctx;
  const [first, end] = windowTokens(ctx, from, to);
  if (!SIGNATURE_DASHES.has(tokens.text(first))) return null;
  const last = tokens.text(end - 1) === "." && !isPhraseDot(tokens, end - 1) ? end - 1 : end;
  if (last <= first + 1 || phraseForward(tokens, first + 1, last) !== last) return null;
  const found = resolvePhrase(ctx, first + 1, last);
  return found?.kind === "name" || found?.kind === "description" ? found : null;
}

/** Words at most in a sentence that is only an attribution: `Sen. Jo Hale said.`, `the mayor told reporters.` */
const MAX_BARE_ATTRIBUTION_WORDS = 5;

/** Whether the sentence at [from, to) is nothing but an attribution with a speech verb (`Trump said.`, `said Jo Hale.`), which
 * can only credit the quotation ending the sentence before it. */
export function isBareAttribution(ctx: AttributionContext, from: number, to: number): boolean {
  const { tokens } = ctx;
  const [first, last] = windowTokens(ctx, from, to);
  let words = 0;
  for (let k = first; k < last; k++) {
    // A comma opens a clause of its own: `Bookings, Wrona says, tripled.` is narrative.
    if ((isWord(tokens, k) && ++words > MAX_BARE_ATTRIBUTION_WORDS) || tokens.text(k) === ",") return false;
  }
  const found = attributeAfter(ctx, from, to);
  return found !== null && found.verb === true && found.kind !== "anonymous";
}

/** Whether an aside opening at `from` closes with a comma and a speech verb (`, who …, said`) before its sentence ends. */
function speechVerbAfterAside(tokens: Tokens, from: number, end: number): boolean {
  const last = Math.min(end, from + MAX_RELATIVE_CLAUSE_TOKENS);
  for (let k = from; k < last; k++) {
    if (tokens.stop(k) && !isAbbreviationDot(tokens, k)) return false;
    if (tokens.text(k) === "," && k > from) {
      const verb = skipFillers(tokens, k + 1, end);
      if (verb < end && isSpeechVerbAt(tokens, verb)) return true;
    }
  }
  return false;
}

/** A dot of an abbreviation inside a sentence: an initial or a title (`J.`, `Dr.`), or a short capitalised
 * form such as a state's (`N.C.`, `Del.`, `Calif.`) followed by a comma. */
function isAbbreviationDot(tokens: Tokens, k: number): boolean {
  return isPhraseDot(tokens, k) || (tokens.text(k) === "." && tokens.text(k + 1) === "," && k > 0 && tokens.end(k - 1) === tokens.start(k) &&
    tokens.capitalised(k - 1) && tokens.text(k - 1).length <= 5);
}

/** `…" in the 2008 primary, said Paul Beck.`: an inverted speech verb after a comma, later in the sentence,
 * whose speaker ends the sentence or its clause. */
function closingAttribution(ctx: AttributionContext, from: number, end: number): Attribution | null {
  const { tokens } = ctx;
  for (let v = from + 1; v < end; v++) {
    if (tokens.stop(v) && !isAbbreviationDot(tokens, v)) return null;
    if (tokens.text(v - 1) !== ",") continue;
    if (!INVERTIBLE_VERBS.has(tokens.lower(v))) {
      // `…" there and in other states, the memo stated.`: a subject and its verb closing the sentence.
      const { attribution, next } = phraseWithApposition(ctx, v, end);
      const verb = skipFillers(tokens, next, end);
      if (attribution !== null && attribution.kind !== "pronoun" && next > v && verb < end && isSpeechVerbAt(tokens, verb) && closesClause(tokens, verb + 1, end)) {
        return spoken(attribution);
      }
      continue;
    }
    const { attribution, next } = phraseWithApposition(ctx, v + 1, end);
    // `says Dana Scali, a historian at the University of Leeds.`
    const closes = closesClause(tokens, next, end) || tokens.lower(next) === "on" || HEAD_PREPOSITIONS.has(tokens.lower(next));
    return attribution !== null && closes ? spoken(attribution) : null;
  }
  return null;
}

function closesClause(tokens: Tokens, next: number, end: number): boolean {
  return next >= end || CLAUSE_END.has(tokens.text(next)) || tokens.stop(next);
}

/** The noun phrase ending just before `end` as a subject: `a spokesperson for Downing Street` is the
 * spokesperson; a bare object of a preposition (`to his critics`) is no subject at all. */
function subjectPhraseBefore(ctx: AttributionContext, end: number, start: number): Attribution | null {
  const { tokens } = ctx;
  const phraseStart = phraseBackward(tokens, end, start);
  if (phraseStart === end) return null;
  const preposition = tokens.lower(phraseStart - 1);
  if (phraseStart - 1 >= start && PREPOSITIONS.has(preposition)) {
    const complement = HEAD_PREPOSITIONS.has(preposition) || COMPLEMENT_PREPOSITIONS.has(preposition);
    if (!complement) return null;
    const headStart = phraseBackward(tokens, phraseStart - 1, start);
    if (headStart >= phraseStart - 1) return null;
    const head = resolvePhrase(ctx, headStart, phraseStart - 1);
    // "a spokeswoman for the ministry", "a senior official at the Pentagon", "the senator from Vermont": the
    // person as described. "Some in the crowd": a lone quantifier is described with what it picks from.
    const lone = phraseStart - 1 - headStart === 1 && LONE_SOURCES.has(tokens.lower(headStart));
    if (isAsWritten(ctx, head, headStart, phraseStart - 1) && (lone || isPersonPhrase(tokens, headStart, phraseStart - 1))) return described(ctx, headStart, end);
    if (!HEAD_PREPOSITIONS.has(preposition)) return null;
    if (head !== null && head.kind !== "description") return head;
    // "A review in the music weekly Sounds Direct dismissed": a head that is no one defers to the name after it.
    const object = resolvePhrase(ctx, phraseStart, end);
    // "Some in the crowd chanted": the whole phrase describes who.
    if (head === null && object?.kind === "description") return described(ctx, headStart, end);
    return object?.kind === "name" || head === null ? object : head;
  }
  return appositionHead(ctx, phraseStart, end, start) ?? resolvePhrase(ctx, phraseStart, end);
}

/** `Gavi, the Vaccine Alliance, which…, said`: when the phrase before the verb is a descriptive apposition
 * (it opens with a determiner after a comma and closes with one), the name before it is the subject. Not
 * in `Ruiz, a close aide said, "is tired"`, where the aide speaks about Ruiz. */
function appositionHead(ctx: AttributionContext, phraseStart: number, end: number, start: number): Attribution | null {
  const { tokens } = ctx;
  if (!DETERMINERS.has(tokens.lower(phraseStart)) || tokens.text(phraseStart - 1) !== "," || phraseStart - 1 <= start || tokens.text(end) !== ",") return null;
  const headStart = phraseBackward(tokens, phraseStart - 1, start);
  // The head opens its clause: not the object in "Asked about Okonkwo, the Scot said".
  // Nor a place ending an opening phrase: "At the town hall in Hudson, New Hampshire, the supporter retorted".
  if (headStart >= phraseStart - 1 || (headStart > start && (isWord(tokens, headStart - 1) || tokens.text(headStart - 1) === ","))) return null;
  const head = resolvePhrase(ctx, headStart, phraseStart - 1);
  return head?.kind === "name" ? head : null;
}

/** The subject of the verb at `verb`, looking back no further than `start`. */
function subjectBefore(ctx: AttributionContext, verb: number, start: number): Attribution | null {
  const { tokens } = ctx;
  let k = verb - 1;
  while (k >= start && isFiller(tokens, k)) k--;
  if (k < start) return null;
  if (PRONOUNS.has(tokens.lower(k))) return resolvePhrase(ctx, k, k + 1);
  // `… and describes foam as "…"`, `…, adding that …`: the verb shares its clause's subject.
  if (COORDINATORS.has(tokens.lower(k)) || (tokens.text(k) === "," && tokens.lower(verb).endsWith("ing"))) {
    return clauseSubject(ctx, k, start);
  }
  if (tokens.lower(k) === "who" && tokens.text(k - 1) === "(") {
    // `The minister (who described it as …)`: the subject precedes the bracket.
    return subjectPhraseBefore(ctx, k - 1, start);
  }
  // `The European Consumer Organisation (BEUC) welcomed`: the subject precedes the bracket.
  if (tokens.text(k) === ")") return subjectBeforeBracket(ctx, k, start);
  if (tokens.lower(k) === "who" && tokens.text(k - 1) === ",") k--;
  if (tokens.text(k) === ",") {
    // `Clinton, during a town hall in Columbus, Ohio, said`: a name opening the clause, then asides.
    const opening = clauseOpeningName(ctx, start, k);
    if (opening !== null) return opening;
    const relative = relativeClauseStart(tokens, k, start);
    if (relative >= 0) return subjectPhraseBefore(ctx, relative, start);
    // `Jane Doe, the mayor, said` / `Starmer, speaking in Paris, said`: the subject precedes the aside.
    let comma = k - 1;
    while (comma >= start && k - comma < MAX_APPOSITION_TOKENS && tokens.text(comma) !== ",") comma--;
    const asideStart = comma >= start && tokens.text(comma) === "," ? comma + 1 : k;
    // `The Herald, Hale said, called the move "…"`: a parenthetical attribution speaks the sentence's words.
    const parenthetical = parentheticalSpeaker(ctx, asideStart, k);
    if (parenthetical !== null) return parenthetical;
    const aside = resolvePhrase(ctx, asideStart, phraseForward(tokens, asideStart, k));
    const headEnd = asideStart === k ? k : comma;
    return withApposition(ctx, subjectPhraseBefore(ctx, headEnd, start), phraseBackward(tokens, headEnd, start), headEnd, aside);
  }
  return subjectPhraseBefore(ctx, k + 1, start);
}

/** The speaker of an aside tokens[from, to) that is a whole attribution, a name and its speech verb (`Hale said`). */
function parentheticalSpeaker(ctx: AttributionContext, from: number, to: number): Attribution | null {
  const { tokens } = ctx;
  const phraseEnd = phraseForward(tokens, from, to);
  const verb = skipFillers(tokens, phraseEnd, to);
  if (phraseEnd === from || verb !== to - 1 || !isSpeechVerbAt(tokens, verb)) return null;
  const speaker = resolvePhrase(ctx, from, phraseEnd);
  return speaker?.kind === "name" ? speaker : null;
}

/** A name opening tokens[start, k) and followed by a comma, when only asides (no clause of their own: no speech verb,
 * no `and`/`but`, no sentence end) run from there to the comma at `k`. */
function clauseOpeningName(ctx: AttributionContext, start: number, k: number): Attribution | null {
  const { tokens } = ctx;
  let first = start;
  while (first < k && LEADING_PUNCTUATION.has(tokens.text(first))) first++;
  const end = phraseForward(tokens, first, k);
  const subjectEnd = end > first ? openingSubjectEnd(ctx, first, end) : end;
  if (subjectEnd <= first || subjectEnd >= k || tokens.text(subjectEnd) !== "," || isDateline(ctx, first, subjectEnd)) return null;
  for (let j = subjectEnd + 1; j < k; j++) {
    // `and` inside a list of names (`the daughter of Tom Lind and Eva Lind`) opens no clause.
    const joinsNames = tokens.capitalised(j - 1) && tokens.capitalised(j + 1);
    if ((tokens.stop(j) && !isAbbreviationDot(tokens, j)) || (COORDINATORS.has(tokens.lower(j)) && !joinsNames) || isSpeechVerbAt(tokens, j)) return null;
  }
  const subject = resolvePhrase(ctx, first, subjectEnd);
  return subject?.kind === "name" ? subject : null;
}

const COORDINATORS = new Set(["and", "but"]);
const RELATIVE_PRONOUNS = new Set(["which", "who", "whose"]);
const MAX_RELATIVE_CLAUSE_TOKENS = 40;
const MAX_BRACKET_TOKENS = 12;

/** The comma opening `, which … ,` that ends at the comma `k`, or -1. */
function relativeClauseStart(tokens: Tokens, k: number, start: number): number {
  for (let c = k - 1; c > start && k - c <= MAX_RELATIVE_CLAUSE_TOKENS; c--) {
    if (tokens.stop(c)) return -1;
    if (tokens.text(c) === "," && RELATIVE_PRONOUNS.has(tokens.lower(c + 1))) return c;
  }
  return -1;
}

function subjectBeforeBracket(ctx: AttributionContext, close: number, start: number): Attribution | null {
  const { tokens } = ctx;
  for (let open = close - 1; open > start && close - open <= MAX_BRACKET_TOKENS; open--) {
    if (tokens.text(open) === "(") return subjectPhraseBefore(ctx, open, start);
  }
  return null;
}

/** The subject of the clause a coordinated or participial verb continues: the subject of an earlier speech
 * verb (`Lindqvist told analysts, adding`, `said Michael Tyler, a spokesman, explaining`), else the subject
 * opening the clause. */
function clauseSubject(ctx: AttributionContext, before: number, start: number): Attribution | null {
  const { tokens } = ctx;
  for (let v = before - 1; v >= start; v--) {
    if (!isSpeechVerbAt(tokens, v) || tokens.lower(v) === "according") continue;
    const subject = v > start ? subjectBefore(ctx, v, start) : null;
    return subject ?? (INVERTIBLE_VERBS.has(tokens.lower(v)) ? phraseWithApposition(ctx, v + 1, before).attribution : null);
  }
  return openingSubject(ctx, start, before);
}

/** The subject opening the main clause of tokens[start, before): `Speaking in Salem, Trump went after Bush`
 * skips the opening phrase (no subject followed by its verb) and the place after it (followed by a comma). */
function openingSubject(ctx: AttributionContext, start: number, before: number): Attribution | null {
  const { tokens } = ctx;
  for (let segment = start, clauses = 0; segment < before && clauses < MAX_CLAUSES; clauses++) {
    let first = segment;
    // "And then Trump went on the attack, saying", "But Perez hammered Trump": a connective opens no subject.
    while (first < before && (LEADING_PUNCTUATION.has(tokens.text(first)) || OPENING_CONNECTIVES.has(tokens.lower(first)))) first++;
    const end = phraseForward(tokens, first, before);
    // A subject is followed by its verb; a dateline by a dash ("WASHINGTON — …").
    const subjectEnd = end > first ? openingSubjectEnd(ctx, first, end) : end;
    if (subjectEnd > first && !(segment === start ? isDateline(ctx, first, subjectEnd) : CLAUSE_END.has(tokens.text(subjectEnd)))) {
      const subject = resolvePhrase(ctx, first, subjectEnd);
      const extended = complementEnd(ctx, subject, first, subjectEnd, before);
      if (extended > subjectEnd) return described(ctx, first, extended);
      if (subject !== null) return subject;
    }
    const dateline = segment === start && subjectEnd > first && isDateline(ctx, first, subjectEnd);
    segment = end + 1;
    // "WASHINGTON, Dec. 8 (UPI) — Lind's aide rallied…": after a dateline the clause opens after its dash.
    const dash = dateline ? datelineDash(tokens, segment - 1, before) : -1;
    if (dash >= 0) segment = dash + 1;
    else while (segment < before && tokens.text(segment - 1) !== ",") segment++;
  }
  return null;
}

const OPENING_CONNECTIVES: ReadonlySet<string> = new Set(["and", "but", "so", "yet", "then", "or", "nor", "now", "still", "meanwhile"]);

const MAX_DATELINE_TOKENS = 12;

/** The dash closing a dateline that starts at `from`, or -1. */
function datelineDash(tokens: Tokens, from: number, before: number): number {
  for (let k = from; k < before && k - from <= MAX_DATELINE_TOKENS; k++) {
    const text = tokens.text(k);
    if (text === "—" || text === "–") return k;
    if (tokens.stop(k) && !isAbbreviationDot(tokens, k) && !/^\p{Lu}/u.test(tokens.text(k - 1))) return -1;
  }
  return -1;
}

const MAX_CLAUSES = 4;

/** "WASHINGTON —", "WASHINGTON, Aug. 24 (UPI) —": a place in capitals opening a report, before a dash or comma. */
function isDateline(ctx: AttributionContext, first: number, end: number): boolean {
  const text = phraseText(ctx, first, end);
  return DATELINE_ENDS.has(ctx.tokens.text(end)) && text === text.toUpperCase() && /\p{Lu}{3}/u.test(text);
}

const DATELINE_ENDS = new Set(["—", "–", ","]);

/** `Perez hammered Trump`: a phrase read forward from a clause's start may run on into its verb and object;
 * its subject ends with the first person named in it (unless possessive: `Ryan's campaign`). */
function openingSubjectEnd(ctx: AttributionContext, first: number, end: number): number {
  end = pastVerbEnd(ctx.tokens, first, end);
  // The first person named ("Climate envoy Rachel Kyte was blunt": "Climate" only qualifies the role).
  const mentions = findNameMentions(ctx.text, ctx.tokens, first, end);
  const mention = mentions.find((m) => !m.organisation) ?? mentions[0];
  if (mention === undefined || mention.possessive) return end;
  const after = ctx.tokens.indexAt(mention.end);
  return after > first && after < end ? after : end;
}

/** "The spokesman refused to": a lower-case -ed word after the head noun is the verb ("the retired officials"
 * keeps its adjective); a phrase read forward from `first` ends before it. */
function pastVerbEnd(tokens: Tokens, first: number, end: number): number {
  for (let k = first + 1; k < end; k++) {
    if (!isWord(tokens, k) || tokens.capitalised(k) || DETERMINERS.has(tokens.lower(k - 1)) || isPossessive(tokens, k - 1)) continue;
    if (tokens.lower(k).endsWith("ed") || IRREGULAR_PAST.has(tokens.lower(k))) return k;
  }
  return end;
}

/** Irregular past tenses that follow a subject ("The billionaire businessman began by…"). */
const IRREGULAR_PAST: ReadonlySet<string> = new Set([
  "began", "went", "made", "took", "gave", "came", "got", "found", "kept", "left", "held", "brought", "thought", "knew", "saw",
  "ran", "won", "lost", "spent", "sent", "sat", "stood", "met", "led", "felt", "paid", "drew", "threw", "grew", "wore", "became",
  "chose", "fought", "caught", "taught", "sought", "bought", "built", "meant", "heard", "struck", "broke", "spoke", "rose", "fell",
]);

/** With no speech verb around a quotation, the subject of its sentence as a guess, never certain (no `verb`):
 * `Sanders credited Clinton's victory to "a closed primary"`, `Kaine has adopted the stance: "…"`. Only a name,
 * a description or a role, and only when the subject stands before the quotation in its sentence. */
export function sentenceSubject(ctx: AttributionContext, from: number, to: number): Attribution | null {
  const [start, end] = windowTokens(ctx, from, to);
  const subject = openingSubject(ctx, start, end);
  return subject !== null && subject.kind !== "pronoun" && subject.kind !== "anonymous" ? subject : null;
}

const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(["was", "were", "is", "are", "been", "being", "be"]);
/** Passive speech verbs whose agent said the words (`was asked by`, `was dubbed "…" by`); not `was claimed by`,
 * which is most often a deed owned up to. */
const AGENT_VERBS: ReadonlySet<string> = new Set([
  "asked", "told", "questioned", "pressed", "described", "called", "quoted", "dubbed", "labelled", "labeled", "branded",
]);

/** `was asked`, `had been told`: a past participle after a form of "be", perhaps with adverbs between. */
function isPassive(tokens: Tokens, v: number, start: number): boolean {
  if (!/(?:ed|told|asked|written)$/u.test(tokens.lower(v))) return false;
  let k = v - 1;
  while (k >= start && isFiller(tokens, k) && !PASSIVE_AUXILIARIES.has(tokens.lower(k))) k--;
  return k >= start && PASSIVE_AUXILIARIES.has(tokens.lower(k));
}

/** Attribution before a quotation in the same sentence: `Starmer said:`, `according to X,`, `X called the vote`. */
export function attributeBefore(ctx: AttributionContext, from: number, to: number): Attribution | null {
  const { tokens } = ctx;
  const [start, end] = windowTokens(ctx, from, to, true);
  for (let v = end - 1; v >= start; v--) {
    const lower = tokens.lower(v);
    if ((lower === "according" && tokens.lower(v + 1) === "to") || ACCORDING_WORDS.has(lower)) {
      const found = accordingTo(ctx, lower === "according" ? v + 2 : v + 1, end);
      if (found) return spoken(found);
    }
    if (!isSpeechVerbAt(tokens, v) || lower === "according") continue;
    if (isPassive(tokens, v, start)) {
      // `Bell was asked by the host, Nina Marsh, "…"`: the agent speaks; with no agent, not the subject.
      const agent = tokens.lower(v + 1) === "by" && AGENT_VERBS.has(lower) ? phraseWithApposition(ctx, v + 2, end).attribution : null;
      if (agent !== null && agent.kind !== "pronoun" && agent.kind !== "anonymous") return spoken(agent);
      continue;
    }
    const subject = subjectBefore(ctx, v, start);
    if (subject) return spoken(subject);
    if (INVERTIBLE_VERBS.has(lower)) {
      // `said Jane Doe: "…"`, but not the reported clause of `said the company had "…"`.
      const { attribution, next } = phraseWithApposition(ctx, v + 1, end);
      if (attribution && (next >= end || CLAUSE_END.has(tokens.text(next)))) return spoken(attribution);
    }
  }
  // Headline style: `Starmer: "…"`.
  if (end - start >= 2 && tokens.text(end - 1) === ":") {
    const writing = writingLeadIn(ctx, start, end - 1);
    if (writing !== null) return writing;
    const phraseStart = phraseBackward(tokens, end - 1, start);
    const named = resolvePhrase(ctx, phraseStart, end - 1);
    if (named?.kind === "name") return named;
  }
  return null;
}

/** `Partial transcript as follows:`, `From the report:`, `More from the statement:`: a writing leading into what
 * follows with a colon is its source as written (no speech verb: never certain). `colon` is the colon's index. */
function writingLeadIn(ctx: AttributionContext, start: number, colon: number): Attribution | null {
  const { tokens } = ctx;
  const follows = tokens.lower(colon - 1) === "follows" && tokens.lower(colon - 2) === "as";
  const phraseEnd = follows ? colon - 2 : colon;
  const phraseStart = phraseBackward(tokens, phraseEnd, start);
  if (phraseStart >= phraseEnd || !(follows || tokens.lower(phraseStart - 1) === "from") || !SOURCE_NOUNS.has(tokens.lower(phraseEnd - 1))) return null;
  return described(ctx, phraseStart, phraseEnd);
}
