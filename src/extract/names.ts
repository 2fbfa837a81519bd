/** Person and organisation names as written: capitalised runs, titles and descriptors, organisations.
 * Who a later short name, pronoun or role refers to is coreference.ts. */
import {
  AFFILIATIONS, DOTTED_PLACES_AND_MONTHS, GROUP_NOUNS, NAME_PARTICLES, NOT_NAME_WORDS, OCCUPATIONS, ORGANISATION_WORDS, ROLE_NOUNS, TITLES,
  US_STATES, US_STATE_ABBREVIATIONS, isSpeechVerb,
} from "./lexicon.js";
import { codeAt } from "./chars.js";
import { QUOTE_MARKS, codeSet } from "./charsets.js";
import { isPossessive, isWord, stripPossessive, type Tokens } from "./tokens.js";

export interface NameMention {
  /** Offsets of the name itself (titles excluded). */
  start: number;
  end: number;
  /** The name as written, without titles or a possessive `'s`. */
  name: string;
  /** Lower-cased title words written before the name (`prime`, `minister`). */
  titles: string[];
  /** Whether the run reads as an organisation or place. */
  organisation: boolean;
  /** "Ukraine's": a modifier of what follows rather than a speaker. */
  possessive: boolean;
}

export const INITIAL_OR_ABBREVIATION = /^(?:\p{Lu}|mr|mrs|ms|dr|st|prof|sen|sens|rep|reps|gov|gen|lt|col|capt|sgt|rev|jr|sr)$/iu;

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&]+$/u;

/** "WHO", "RCN", "NHS": an all-capital word of two or more letters, a name even when it spells a function word. */
export function isAcronym(tokens: Tokens, i: number): boolean {
  // A lower-case second letter settles most words without slicing them.
  const second = codeAt(tokens.source, tokens.start(i) + 1);
  if (second >= 97 && second <= 122) return false;
  return tokens.capitalised(i) && tokens.end(i) - tokens.start(i) >= 2 && ACRONYM.test(tokens.text(i));
}

/** "L’association", "D’autres": a capitalised French elided article before a common noun. */
const ELIDED_ARTICLE = /^[LDJMNSTQ]['’]\p{Ll}/u;

/** "Das Gesetz", "Der Ausschuss": a German article opening a sentence, not a name particle. */
function isCapitalisedArticle(tokens: Tokens, i: number): boolean {
  if (!tokens.capitalised(i)) return false;
  const lower = tokens.lower(i);
  return lower === "der" || lower === "die" || lower === "das";
}

const CONTRACTION = /(?:n['’]t|['’](?:re|m|ll|ve|d)|^(?:that|there|it|what|who|let)['’]s)$/u;

/** "shouldn’t", "We’re", "That’s" (lower-cased): a verb or a pronoun with its verb, never part of a name or a
 * speaker's phrase. */
export function isContraction(word: string): boolean {
  // Each form has its apostrophe second or third from the end: most words are settled without the regex.
  const n = word.length;
  return (isApostrophe(codeAt(word, n - 2)) || isApostrophe(codeAt(word, n - 3))) && CONTRACTION.test(word);
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function startsName(tokens: Tokens, i: number): boolean {
  if (!tokens.capitalised(i)) return false;
  const lower = tokens.lower(i);
  if (isContraction(lower)) return false;
  if (lower.length > 2 && (lower[1] === "’" || lower[1] === "'") && ELIDED_ARTICLE.test(tokens.text(i))) return false;
  return (!NOT_NAME_WORDS.has(lower) && !GROUP_NOUNS.has(lower)) || isAcronym(tokens, i) || isSurnameLikeWord(tokens, i);
}

/** `…," From said`, `said Al From, who…`: a surname spelt like a function word (`SURNAME_FUNCTION_WORDS`), capitalised
 * inside its sentence (after a space, not after a sentence's end, a colon, a bracket or a line break), when a speech
 * verb follows it, or when it follows a capitalised word and a comma follows it. */
export function isSurnameLikeWord(tokens: Tokens, i: number): boolean {
  if (!tokens.capitalised(i) || i === 0 || !SURNAME_FUNCTION_WORDS.has(tokens.lower(i))) return false;
  const gap = tokens.source.slice(tokens.end(i - 1), tokens.start(i));
  if (!gap.endsWith(" ") || gap.includes("\n") || tokens.stop(i - 1) || tokens.text(i - 1) === ":" || tokens.text(i - 1) === "(") return false;
  if (isSpeechVerb(tokens.lower(i + 1))) return true;
  return isWord(tokens, i - 1) && tokens.capitalised(i - 1) && !NOT_NAME_WORDS.has(tokens.lower(i - 1)) && tokens.text(i + 1) === ",";
}

/** Surnames that are also function words never part of a name elsewhere (`NOT_NAME_WORDS`). */
const SURNAME_FUNCTION_WORDS: ReadonlySet<string> = new Set(["from", "read", "trust"]);

/** A word written before a name that describes rather than names: a title, an occupation, or a demonym or
 * party label qualifying another such word ("Welsh Conservative health spokesman"). */
function isDescriptor(word: string, next: string): boolean {
  if (TITLES.has(word) || OCCUPATIONS.has(word)) return true;
  return AFFILIATIONS.has(word) && (TITLES.has(next) || OCCUPATIONS.has(next) || AFFILIATIONS.has(next));
}

/** Endings of agent nouns, demonyms and party labels ("Supervisor", "Saxophonist", "Conservative",
 * "Passenger", "Congolese"). */
const DESCRIPTOR_ENDING = /(?:or|er|ist|ant|ent|ive|man|woman|ian|ese|ish)$/u;

/** Given names with a descriptor ending: never dropped as a descriptor. Kept short on purpose: a name
 * missing here is only dropped when it opens a run of three or more words that still leaves First Last. */
const DESCRIPTOR_LIKE_GIVEN_NAMES: ReadonlySet<string> = new Set([
  "peter", "walter", "oliver", "christopher", "alexander", "jennifer", "esther", "heather", "victor", "trevor",
  "connor", "conor", "taylor", "hector", "eleanor", "vincent", "laurent", "clement", "brent", "grant", "clive",
  "norman", "herman", "spencer", "parker", "hunter", "carter", "xavier", "javier", "brian", "adrian", "julian",
  "christian", "vivian", "damian", "ian", "gillian", "lillian", "marian", "fabian", "sebastian", "roger",
  "dexter", "lester", "chester", "jasper", "harper", "piper", "amber", "summer", "tyler", "werner", "dieter",
  "rainer", "igor", "tudor", "kent", "trent", "florent", "olive", "florian", "kristian", "maximilian",
]);

/** Common words that are also given names: their lower-case use elsewhere is no evidence of a descriptor. */
const COMMON_WORD_GIVEN_NAMES: ReadonlySet<string> = new Set([
  "mark", "will", "grace", "rose", "dawn", "bill", "frank", "hope", "faith", "joy", "may", "june", "pat", "sue",
  "jack", "guy", "max", "ray", "rich", "don", "art", "wade", "rob", "jean", "penny", "sky", "river", "glen",
]);

// Lower-case uses of a word in the document being read, looked up lazily (few words are ever asked about).
let evidenceText = "";
let lowerCaseUses = new Map<string, boolean>();

/** Whether `word` (lower case) is written in lower case somewhere in `text`: "the supervisor", "prosecutors". */
export function usedInLowerCase(text: string, word: string): boolean {
  if (text !== evidenceText) {
    evidenceText = text;
    lowerCaseUses = new Map();
  }
  let found = lowerCaseUses.get(word);
  if (found === undefined) {
    found = false;
    for (let at = text.indexOf(word); at >= 0 && !found; at = text.indexOf(word, at + 1)) {
      found = at === 0 || !/[\p{L}\p{M}]/u.test(text[at - 1]!);
    }
    lowerCaseUses.set(word, found);
  }
  return found;
}

/** "Supervisor Marcus Tillman", "Conservative Ravi Sandhu": the first word of a run of three or more words
 * describes the person named by the rest when it is a party label, or is no known given name and either has
 * the ending of an agent noun or demonym or is written in lower case elsewhere in the text. */
function isGeneralDescriptor(text: string, tokens: Tokens, words: readonly number[], at: number): boolean {
  // What remains must read as First Last or First Middle Last.
  if (words.length - at < 3 || words.length - at > 4) return false;
  for (let k = at + 1; k < words.length; k++) {
    const w = tokens.lower(words[k]!);
    if (!tokens.capitalised(words[k]!) || ORGANISATION_WORDS.has(stripPossessive(w)) || isAcronym(tokens, words[k]!) || TITLES.has(w)) return false;
  }
  const word = tokens.lower(words[at]!);
  if (word.length < 4 || isAcronym(tokens, words[at]!) || DESCRIPTOR_LIKE_GIVEN_NAMES.has(word) || ORGANISATION_WORDS.has(word)) return false;
  if (AFFILIATIONS.has(word)) return true;
  return DESCRIPTOR_ENDING.test(word) || (!COMMON_WORD_GIVEN_NAMES.has(word) && usedInLowerCase(text, word));
}

/** Adverbs opening a sentence ("Specifically", "Frankly", "Hastily"), not names such as Kelly or Connolly. */
const ADVERB_ENDING = /(?:ally|ously|ively|ently|antly|fully|ably|ibly|edly|ingly|arly|ssly|ctly|tely|rely|ckly|nkly|ghtly|mply|stily|pily|sily)$/u;
/** A participle of six letters or more ("Reprising", "Horrified", "Preceded"); shorter ones are often names (Ted, King). */
const PARTICIPLE_ENDING = /^\p{L}{3,}(?:ing|ed)$/u;
/** Given names ending like a participle. */
const PARTICIPLE_LIKE_GIVEN_NAMES: ReadonlySet<string> = new Set([
  "mohamed", "mohammed", "muhammed", "ahmed", "alfred", "wilfred", "manfred", "mildred", "winifred", "siegfried", "jared",
  "sterling", "stirling",
]);

/** An adverb or a participle ("Reprising her line, the senator…", "Understated Perez raises…", "Here’s Why Winning
 * Iowa…"): a capitalised word that opens a sentence or a line, or follows another capitalised word outside its
 * run (a headline in title case), is no (part of a) name. */
export function isVerbFormOpening(text: string, tokens: Tokens, i: number): boolean {
  const word = tokens.lower(i);
  if (!(ADVERB_ENDING.test(word) || PARTICIPLE_ENDING.test(word)) || PARTICIPLE_LIKE_GIVEN_NAMES.has(word)) return false;
  if (i === 0 || crossesLine(text, tokens, i - 1, i)) return true;
  const before = i - 1;
  if (tokens.stop(before)) return tokens.firstCode(before) !== 46 || !INITIAL_OR_ABBREVIATION.test(tokens.text(before - 1));
  return isWord(tokens, before) && tokens.capitalised(before);
}

const QUOTE_MARK_CODES = codeSet(QUOTE_MARKS);

/** A quote mark between tokens `a` and `a + 1`: a name or phrase never runs across one (`“…equality” for many`). A
 * plural possessive's apostrophe (`Sanders' campaign`) is no quote mark. */
export function quoteMarkAfter(tokens: Tokens, a: number): boolean {
  const source = tokens.source;
  let at = tokens.end(a);
  const to = tokens.start(a + 1);
  if (at < to && (source.charCodeAt(at) === 39 || source.charCodeAt(at) === 0x2019) && (source.charCodeAt(at - 1) | 32) === 115) at++;
  for (; at < to; at++) if (QUOTE_MARK_CODES.has(source.charCodeAt(at))) return true;
  return false;
}

/** Whether a line break stands between tokens `a` and `b`. */
export function crossesLine(text: string, tokens: Tokens, a: number, b: number): boolean {
  // Read in place, not sliced: this runs between every two words of a capitalised run.
  for (let at = tokens.end(a); at < tokens.start(b); at++) if (codeAt(text, at) === 10) return true;
  return false;
}

/** The tokens forming a capitalised run starting at `from` (exclusive end index). */
function runEnd(text: string, tokens: Tokens, from: number, to: number): number {
  let j = from;
  let hasOrganisationWord = false;
  while (j < to) {
    if (j > from && (crossesLine(text, tokens, j - 1, j) || quoteMarkAfter(tokens, j - 1))) break;
    if (startsName(tokens, j) || (j > from && tokens.capitalised(j) && (TITLES.has(tokens.lower(j)) || ORGANISATION_WORDS.has(tokens.lower(j))))) {
      hasOrganisationWord ||= ORGANISATION_WORDS.has(stripPossessive(tokens.lower(j)));
      j++;
      if (isPossessive(tokens, j - 1)) break;
    } else if (tokens.text(j) === "." && j > from && INITIAL_OR_ABBREVIATION.test(tokens.text(j - 1)) && tokens.start(j) === tokens.end(j - 1)) {
      j++;
    } else if (NAME_PARTICLES.has(tokens.lower(j)) && j + 1 < to && (tokens.capitalised(j + 1) || NAME_PARTICLES.has(tokens.lower(j + 1)))) {
      j++;
    } else if (j > from && GOVERNMENT_HEADS.has(tokens.lower(from)) && isListInName(tokens, j, to)) {
      j++;
    } else if (isOrganisationConnector(tokens, j, to) && hasOrganisationWord) {
      j += tokens.lower(j + 1) === "the" ? 2 : 1;
    } else {
      break;
    }
  }
  // Trailing particles or dots are not part of the name.
  while (j > from && (NAME_PARTICLES.has(tokens.lower(j - 1)) || tokens.lower(j - 1) === "of")) j--;
  return j;
}

/** Government bodies whose names may list their remits: "Department for Environment, Food and Rural Affairs". */
const GOVERNMENT_HEADS: ReadonlySet<string> = new Set(["department", "ministry", "office"]);
const MAX_REMIT_LIST_TOKENS = 8;

/** A comma or `and` at `j` joining capitalised remits inside such a name: the list must end with `and` and a
 * capitalised word ("…, Food and Rural Affairs"). */
function isListInName(tokens: Tokens, j: number, to: number): boolean {
  const text = tokens.text(j);
  if ((text !== "," && tokens.lower(j) !== "and") || j + 1 >= to || !tokens.capitalised(j + 1)) return false;
  if (!isOrganisationNamePart(tokens, j - 1)) return false;
  if (text !== ",") return true;
  for (let k = j + 1; k < to && k - j <= MAX_REMIT_LIST_TOKENS; k++) {
    if (tokens.lower(k) === "and") return k + 1 < to && tokens.capitalised(k + 1);
    if (!tokens.capitalised(k) && tokens.text(k) !== ",") return false;
  }
  return false;
}

/** A comma inside a government body's list of remits, wherever the phrase around it starts. */
export function isRemitComma(tokens: Tokens, j: number): boolean {
  if (tokens.text(j) !== "," || !isListInName(tokens, j, tokens.length)) return false;
  for (let k = j - 1; k >= 0 && j - k <= MAX_REMIT_LIST_TOKENS; k--) {
    const lower = tokens.lower(k);
    if (tokens.capitalised(k) && GOVERNMENT_HEADS.has(lower)) return true;
    if (!tokens.capitalised(k) && lower !== "for" && lower !== "of" && lower !== "the" && lower !== "and" && lower !== ",") return false;
  }
  return false;
}

function isOrganisationNamePart(tokens: Tokens, k: number): boolean {
  return tokens.capitalised(k) && !NOT_NAME_WORDS.has(tokens.lower(k));
}

/** `of` / `for` (optionally `the`) inside an organisation's name: "Office of the U.S. Trade Representative",
 * "Department for Education". */
function isOrganisationConnector(tokens: Tokens, j: number, to: number): boolean {
  const lower = tokens.lower(j);
  if (lower !== "of" && lower !== "for") return false;
  const next = tokens.lower(j + 1) === "the" ? j + 2 : j + 1;
  return next < to && tokens.capitalised(next) && !NOT_NAME_WORDS.has(tokens.lower(next));
}

function mentionFromRun(text: string, tokens: Tokens, from: number, to: number): NameMention | null {
  const words: number[] = []; // token indices
  for (let k = from; k < to; k++) if (isWord(tokens, k)) words.push(k);
  if (words.length === 0) return null;
  // "Understated Perez raises…": a participle opening a headline is no part of the name after it.
  if (words.length >= 2 && !hasOrganisationWord(tokens, words) && isVerbFormOpening(text, tokens, words[0]!)) words.shift();
  let lastTitle = -1;
  for (let k = 0; k < words.length - 1; k++) if (TITLES.has(tokens.lower(words[k]!))) lastTitle = k;
  // Descriptors opening the run ("Businessman Brett Halvorsen") are not part of the name either.
  let prefix = 0;
  while (prefix < words.length - 1 && isDescriptor(tokens.lower(words[prefix]!), tokens.lower(words[prefix + 1]!))) prefix++;
  if (prefix === 0 && tokens.capitalised(words[0]!) && isGeneralDescriptor(text, tokens, words, 0)) prefix = 1;
  lastTitle = Math.max(lastTitle, prefix - 1);
  // A run made only of titles ("Prime Minister") or labels ("Welsh Conservative", "Democrat") is not a
  // name. (Plain loops: this runs for every capitalised word of an article.)
  let onlyTitles = true;
  for (let k = lastTitle + 1; k < words.length && onlyTitles; k++) {
    const word = stripPossessive(tokens.lower(words[k]!));
    onlyTitles = TITLES.has(word) || AFFILIATIONS.has(word);
  }
  if (onlyTitles) return null;
  const titles: string[] = [];
  for (let k = 0; k <= lastTitle; k++) titles.push(tokens.lower(words[k]!));
  // "European Council President Lars Engström" is a person: only the name proper decides.
  let organisation = false;
  for (let k = lastTitle + 1; k < words.length && !organisation; k++) {
    organisation = ORGANISATION_WORDS.has(stripPossessive(tokens.lower(words[k]!))) || isAcronym(tokens, words[k]!);
  }
  const start = tokens.start(words[lastTitle + 1]!);
  const last = words[words.length - 1]!;
  const possessive = isPossessive(tokens, last);
  const end = possessive ? tokens.end(last) - 2 : tokens.end(last);
  const name = text.slice(start, end);
  // "Flint, Mich.,", "WASHINGTON, Dec. 8": a state or a month abbreviated with a dot names no one.
  if (lastTitle < 0 && codeAt(text, end) === 46 && DOTTED_PLACES_AND_MONTHS.has(name.replace(/\.$/u, "").toLowerCase())) return null;
  return { start, end, name, titles, organisation, possessive };
}

function hasOrganisationWord(tokens: Tokens, words: readonly number[]): boolean {
  for (const k of words) if (ORGANISATION_WORDS.has(stripPossessive(tokens.lower(k)))) return true;
  return false;
}

/** Capitalised name runs among `tokens[from, to)`. */
export function findNameMentions(text: string, tokens: Tokens, from = 0, to = tokens.length): NameMention[] {
  const mentions: NameMention[] = [];
  let i = from;
  while (i < to) {
    // The cheap capitalisation tests come first: most tokens are never sliced into strings.
    const canStart = startsName(tokens, i) ||
      (i + 1 < to && tokens.capitalised(i + 1) && NAME_PARTICLES.has(tokens.lower(i)) && !isCapitalisedArticle(tokens, i));
    if (!canStart) {
      i++;
      continue;
    }
    const end = runEnd(text, tokens, i, to);
    if (end <= i) {
      i++;
      continue;
    }
    const mention = mentionFromRun(text, tokens, i, end);
    if (mention) {
      // "Castleford manager Steve McAllister": a name qualifying a role is an affiliation, not a person.
      if (!mention.possessive && precedesRole(tokens, end)) mention.organisation = true;
      mentions.push(mention);
    }
    i = end;
  }
  return mentions;
}

/** A lower-case role within two words after a name run: "RCN Wales director", "EU tech commissioner". */
function precedesRole(tokens: Tokens, end: number): boolean {
  for (let k = end; k < end + 2 && isWord(tokens, k) && !tokens.capitalised(k); k++) {
    if (ROLE_NOUNS.has(tokens.lower(k)) || OCCUPATIONS.has(tokens.lower(k))) return true;
  }
  return false;
}

/** A party and state label as US news writes it after a politician's name: `(D-Conn.)`, `(R-Texas)`, `(I-Vt.)`, `(R)`,
 * or the state alone, `(Maine)`, `(Tex.)`. */
const PARTY_LABEL = /^[DRI](?:\s?[-–]\s?\p{Lu}[\p{L}.]*(?:[\s-]\p{Lu}[\p{L}.]*)?)?$/u;
const MAX_LABEL_TOKENS = 8;
const TRAILING_LABEL = /\s\(([^()]{1,24})\)$/u;

/** Whether `inner`, what a pair of brackets holds, is a party label (`PARTY_LABEL`). */
function isPartyLabel(inner: string): boolean {
  if (PARTY_LABEL.test(inner)) return true;
  const place = inner.replace(/\.$/u, "").toLowerCase();
  return US_STATES.has(place) || US_STATE_ABBREVIATIONS.has(place);
}

/** The index after the `)` of a party label whose `(` is token `open`, right after a capitalised word (`Murphy
 * (D-Conn.)`), or -1. */
export function partyLabelEnd(tokens: Tokens, open: number): number {
  if (tokens.text(open) !== "(" || !isWord(tokens, open - 1) || !tokens.capitalised(open - 1) || tokens.start(open) - tokens.end(open - 1) !== 1) return -1;
  for (let k = open + 1; k < tokens.length && k - open <= MAX_LABEL_TOKENS; k++) {
    if (tokens.text(k) === ")") return isPartyLabel(tokens.source.slice(tokens.end(open), tokens.start(k))) ? k + 1 : -1;
  }
  return -1;
}

/** The `(` of a party label whose `)` is the token before `end`, or -1. */
export function partyLabelStart(tokens: Tokens, end: number): number {
  if (tokens.text(end - 1) !== ")") return -1;
  for (let k = end - 2; k > 0 && end - k <= MAX_LABEL_TOKENS + 1; k--) {
    if (tokens.text(k) === "(") return partyLabelEnd(tokens, k) === end ? k : -1;
  }
  return -1;
}

/** The party label written right after a name ending at offset `nameEnd` (`(D-Conn.)`), or null. */
export function partyLabelAfter(tokens: Tokens, nameEnd: number): string | null {
  const open = tokens.indexAt(nameEnd);
  const end = open < tokens.length && tokens.start(open) >= nameEnd ? partyLabelEnd(tokens, open) : -1;
  return end < 0 ? null : tokens.source.slice(tokens.start(open), tokens.end(end - 1)).replace(/\s+/gu, " ");
}

/** A speaker without the party label that follows its name (`Chris Murphy (D-Conn.)` → `Chris Murphy`). */
export function withoutPartyLabel(speaker: string): string {
  const label = TRAILING_LABEL.exec(speaker);
  return label !== null && isPartyLabel(label[1]!) ? speaker.slice(0, label.index) : speaker;
}

/** Lower-cased words of a name, for comparing short and full forms. */
export function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[^\p{L}\p{M}\p{N}'’-]+/u).filter(Boolean);
}
