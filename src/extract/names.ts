/** Person and organisation names: capitalised runs, titles, fullest-form resolution, back-references. */
import {
  AFFILIATIONS, DETERMINERS, GROUP_NOUNS, LEGAL_SUFFIXES, NAME_PARTICLES, NOT_NAME_WORDS, OCCUPATIONS, ORGANISATION_WORDS, PREPOSITIONS,
  ROLE_NOUNS, TITLES, VERB_FILLERS, isSpeechVerb,
} from "./lexicon.js";
import { firstNotBefore } from "./bisect.js";
import { codeAt } from "./chars.js";
import { QUOTE_MARKS, charClass } from "./charsets.js";
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

const INITIAL_OR_ABBREVIATION = /^(?:\p{Lu}|mr|mrs|ms|dr|st|prof|sen|rep|gen|lt|col|capt|sgt|rev|jr|sr)$/iu;

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

function startsName(tokens: Tokens, i: number): boolean {
  if (!tokens.capitalised(i)) return false;
  const lower = tokens.lower(i);
  if (lower.length > 2 && (lower[1] === "’" || lower[1] === "'") && ELIDED_ARTICLE.test(tokens.text(i))) return false;
  return (!NOT_NAME_WORDS.has(lower) && !GROUP_NOUNS.has(lower)) || isAcronym(tokens, i);
}

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
function usedInLowerCase(text: string, word: string): boolean {
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

function crossesLine(text: string, tokens: Tokens, a: number, b: number): boolean {
  return text.slice(tokens.end(a), tokens.start(b)).includes("\n");
}

/** The tokens forming a capitalised run starting at `from` (exclusive end index). */
function runEnd(text: string, tokens: Tokens, from: number, to: number): number {
  let j = from;
  let hasOrganisationWord = false;
  while (j < to) {
    if (j > from && crossesLine(text, tokens, j - 1, j)) break;
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
  return { start, end, name: text.slice(start, end), titles, organisation, possessive };
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

function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[^\p{L}\p{M}\p{N}'’-]+/u).filter(Boolean);
}

/** Short forms longer than this are not looked up: the name as written is its own fullest form. */
const MAX_SUFFIX_WORDS = 6;

const CATAPHORA_CHARS = 300;

/** Heads that stand for any organisation named before ("the company said"). */
export const GENERIC_ORGANISATION_HEADS: ReadonlySet<string> = new Set([
  "company", "group", "firm", "business", "operator",
]);
/** Words that make a name a place rather than an organisation that could speak. */
const PLACE_WORDS: ReadonlySet<string> = new Set([
  "street", "road", "square", "strait", "sea", "ocean", "river", "city", "county", "island", "islands", "bay",
  "valley", "mountains", "airport", "station", "kingdom", "states", "republic",
]);
const MAX_ORGANISATION_LOOKBACK = 60;

export type Gender = "m" | "f";

const MALE_TITLES: ReadonlySet<string> = new Set(["mr", "herr", "m", "monsieur", "sir", "lord", "king", "prince", "baron"]);
const FEMALE_TITLES: ReadonlySet<string> = new Set([
  "mrs", "ms", "miss", "frau", "mme", "madame", "dame", "lady", "queen", "princess", "baroness",
]);
/** Pronouns that tell a person's gender ("sie" is also "they" and tells nothing). */
const PRONOUN_GENDER: ReadonlyMap<string, Gender> = new Map([
  ["he", "m"], ["his", "m"], ["him", "m"], ["himself", "m"], ["il", "m"], ["er", "m"],
  ["she", "f"], ["her", "f"], ["hers", "f"], ["herself", "f"], ["elle", "f"],
]);
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(["he", "she", "il", "elle", "er"]);
/** Tokens after a person's mention searched for a pronoun referring back to them. */
const GENDER_CUE_TOKENS = 60;
/** Person mentions searched back for one of a pronoun's gender. */
const MAX_GENDER_LOOKBACK = 30;

const QUOTE_MARK = new RegExp(`[${charClass(QUOTE_MARKS)}]`, "u");

/** Whether a quotation mark closes just before token `i` (`,” she said`). */
function afterQuotation(tokens: Tokens, i: number): boolean {
  const start = tokens.start(i);
  const before = tokens.source.slice(Math.max(0, start - 3), start);
  return QUOTE_MARK.test(before) && !before.includes("\n");
}

/** The gender a pronoun token tells, if any (cheap first-letter test before slicing). */
export function pronounGender(tokens: Tokens, i: number): Gender | undefined {
  const code = tokens.firstCode(i) | 32;
  if (code !== 104 && code !== 115 && code !== 105 && code !== 101) return undefined; // h s i e
  const length = tokens.end(i) - tokens.start(i);
  if (length > 7) return undefined;
  return PRONOUN_GENDER.get(tokens.lower(i));
}

interface PersonMention {
  start: number;
  name: string;
  titles: string[];
  /** First person named in its sentence, usually its subject. */
  subject: boolean;
  /** Index of the first person named in this person's sentence (kept so a look-up never walks a sentence). */
  subjectIndex: number;
}

/** A full stop, question or exclamation mark that is not part of an initial or abbreviated title. */
function endsSentence(tokens: Tokens, i: number): boolean {
  if (!tokens.stop(i)) return false;
  return tokens.firstCode(i) !== 46 || !INITIAL_OR_ABBREVIATION.test(tokens.text(i - 1));
}

const MAX_OBJECT_MODIFIERS = 3;

/** "with Macron", "in the music weekly Sounds Direct": a name governed by a preposition, possibly through
 * a determiner and a few lower-case words. */
function isPrepositionObject(tokens: Tokens, t: number): boolean {
  if (PREPOSITIONS.has(tokens.lower(t - 1))) return true;
  let k = t - 1;
  for (let seen = 0; k >= 0 && seen < MAX_OBJECT_MODIFIERS && isWord(tokens, k) && !tokens.capitalised(k) && !DETERMINERS.has(tokens.lower(k)); seen++) k--;
  if (k < 0 || k === t - 1 || !DETERMINERS.has(tokens.lower(k))) return false;
  return PREPOSITIONS.has(tokens.lower(k - 1));
}

/** All names of one document: resolves short forms and answers "who was named last". */
export class NameIndex {
  /** The fullest name ending in each word sequence ("smith", "jane smith"): a look-up per name instead of
   * a scan over every name sharing a surname, which was quadratic for many different Smiths. */
  private readonly fullestBySuffix = new Map<string, string>();
  private readonly indexed = new Set<string>();
  /** Organisations by a short form: first word ("Norvane" → "Norvane Energy") or initials ("WHO"). */
  private readonly organisationsByShortForm = new Map<string, string>();
  private readonly persons: PersonMention[];
  /** Organisations (not places) in document order, for "the trust said". */
  private readonly organisations: { start: number; name: string; words: string[] }[] = [];
  /** Votes for each person's gender from titles (Mr, Frau) and the pronouns that follow their mentions. */
  private readonly genderVotes = new Map<string, number>();
  private readonly resolved = new Map<string, string>();
  // The same few names recur throughout an article: split each once.
  private readonly wordsOfName = new Map<string, string[]>();

  // The loops live in methods: a long article makes the JIT compile them mid-loop, and code following such
  // a loop in the same function would be deoptimised again on every article.
  constructor(text: string, tokens: Tokens) {
    const mentions = findNameMentions(text, tokens);
    this.indexByLastWord(mentions);
    this.persons = this.personsOf(mentions, tokens);
    this.voteGenders(tokens);
  }

  private indexByLastWord(mentions: readonly NameMention[]): void {
    for (const mention of mentions) {
      const words = this.nameWords(mention.name);
      if (words.length === 0) continue;
      if (!this.indexed.has(mention.name)) {
        this.indexed.add(mention.name);
        this.indexSuffixes(mention.name, words);
      }
      if (mention.organisation && words.length >= 2) this.indexShortForms(mention.name, words);
      // "FAA" for "Federal Aviation Administration", whatever words the name ends in.
      else if (words.length >= 3) this.indexInitials(mention.name);
      if (mention.organisation && !words.some((w) => PLACE_WORDS.has(w))) {
        this.organisations.push({ start: mention.start, name: mention.name, words });
      }
    }
  }

  /** Each suffix of up to MAX_SUFFIX_WORDS words points at the longest name ending in it (the first seen
   * among equally long ones). */
  private indexSuffixes(name: string, words: readonly string[]): void {
    let suffix = "";
    for (let k = words.length - 1; k >= 0 && words.length - k <= MAX_SUFFIX_WORDS; k--) {
      suffix = suffix === "" ? words[k]! : `${words[k]!} ${suffix}`;
      const known = this.fullestBySuffix.get(suffix);
      if (known === undefined || this.nameWords(known).length < words.length) this.fullestBySuffix.set(suffix, name);
    }
  }

  private indexShortForms(name: string, words: readonly string[]): void {
    // "Quillon Inc" is called "Quillon": a legal suffix does not make the full name.
    if (!words.slice(1).every((w) => LEGAL_SUFFIXES.has(w)) && !this.organisationsByShortForm.has(words[0]!)) {
      this.organisationsByShortForm.set(words[0]!, name);
    }
    this.indexInitials(name);
  }

  private indexInitials(name: string): void {
    const initials = name.split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("");
    if (initials.length >= 2 && !this.organisationsByShortForm.has(initials)) this.organisationsByShortForm.set(initials, name);
  }

  /** The mentions that are people, each with whether it opens its sentence's list of people. */
  private personsOf(mentions: readonly NameMention[], tokens: Tokens): PersonMention[] {
    const persons: PersonMention[] = [];
    let t = 0;
    let sentence = 0;
    let lastSentence = -1;
    for (const mention of mentions) {
      for (; t < tokens.length && tokens.start(t) < mention.start; t++) if (endsSentence(tokens, t)) sentence++;
      // Objects of prepositions ("talks with Macron") are not who a later "he" or "she" refers to.
      if (this.isPerson(mention, tokens, t) && !(mention.titles.length === 0 && isPrepositionObject(tokens, t))) {
        const subject = sentence !== lastSentence;
        lastSentence = sentence;
        const name = this.resolve(mention.name);
        const subjectIndex = subject ? persons.length : persons[persons.length - 1]!.subjectIndex;
        persons.push({ start: mention.start, name, titles: mention.titles, subject, subjectIndex });
      }
    }
    return persons;
  }

  /** Votes from titles, and from the first gendered pronoun after a sentence's subject before the next
   * person is named ("Wrona, 52, says … He grew up in Bradford"). */
  private voteGenders(tokens: Tokens): void {
    const persons = this.persons;
    for (let p = 0; p < persons.length; p++) {
      const person = persons[p]!;
      let vote = 0;
      for (const title of person.titles) vote += MALE_TITLES.has(title) ? 2 : FEMALE_TITLES.has(title) ? -2 : 0;
      const first = tokens.indexAt(person.start);
      // "Mr." and "Mrs" are not read into the name run: look just before it.
      const before = tokens.text(first - 1) === "." ? first - 2 : first - 1;
      if (person.titles.length === 0 && before >= 0) {
        const title = tokens.lower(before);
        vote += MALE_TITLES.has(title) ? 2 : FEMALE_TITLES.has(title) ? -2 : 0;
      }
      if (person.subject) {
        const limit = p + 1 < persons.length ? persons[p + 1]!.start : tokens.source.length;
        let k = first + 1;
        for (const end = Math.min(tokens.length, k + GENDER_CUE_TOKENS); k < end && tokens.start(k) < limit; k++) {
          const gender = pronounGender(tokens, k);
          // Only a subject pronoun: "remembers him" and "told her" are about someone else.
          // An attribution after a quotation (`,” she said`) is what the votes are for, not a vote.
          if (gender !== undefined && SUBJECT_PRONOUNS.has(tokens.lower(k)) && !afterQuotation(tokens, k)) {
            vote += gender === "m" ? 1 : -1;
            break;
          }
        }
      }
      if (vote !== 0) this.genderVotes.set(person.name, (this.genderVotes.get(person.name) ?? 0) + vote);
    }
  }

  /** A person's gender as far as the document tells. */
  genderOf(name: string): Gender | undefined {
    const votes = this.genderVotes.get(name) ?? 0;
    return votes > 0 ? "m" : votes < 0 ? "f" : undefined;
  }

  private nameWords(name: string): string[] {
    let words = this.wordsOfName.get(name);
    if (words === undefined) this.wordsOfName.set(name, (words = nameWords(name)));
    return words;
  }

  private isPerson(mention: NameMention, tokens: Tokens, index: number): boolean {
    if (mention.organisation) return false;
    // "la République", "de Gaulle" alone: a place or a surname-only reference, not a new person.
    if (!tokens.capitalised(index) && NAME_PARTICLES.has(tokens.lower(index))) return false;
    if (mention.titles.length > 0) return true;
    if (tokens.lower(index - 1) === "the") return false;
    if (this.nameWords(this.resolve(mention.name)).length >= 2) return true;
    // A lone surname that speaks is a person too.
    let k = index + 1;
    while (k < tokens.length && (VERB_FILLERS.has(tokens.lower(k)) || tokens.lower(k).endsWith("ly"))) k++;
    return k < tokens.length && isSpeechVerb(tokens.text(k));
  }

  /** The fullest form in the document of a (possibly short) name: "Mr Starmer" → "Keir Starmer". */
  resolve(name: string): string {
    let fullest = this.resolved.get(name);
    if (fullest === undefined) {
      fullest = this.lookUp(name);
      this.resolved.set(name, fullest);
    }
    return fullest;
  }

  private lookUp(name: string): string {
    const words = this.nameWords(name);
    const key = words[words.length - 1];
    if (key === undefined) return name;
    const best = words.length <= MAX_SUFFIX_WORDS ? this.fullestBySuffix.get(words.join(" ")) : undefined;
    if (words.length === 1 && (best === undefined || this.nameWords(best).length === 1)) {
      // A lone word may shorten an organisation's name or abbreviate it: "Norvane", "WHO".
      return this.organisationsByShortForm.get(/^\p{Lu}+$/u.test(name) ? name : key) ?? name;
    }
    return best ?? name;
  }

  private lastOrganisationIndexBefore(offset: number): number {
    let lo = 0;
    let hi = this.organisations.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.organisations[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private lastIndexBefore(offset: number): number {
    return firstNotBefore(this.persons.length, (i) => this.persons[i]!.start < offset) - 1;
  }

  /** The person named last before `offset`, in fullest form (the subject of the last sentence naming
   * several people); with nobody named before, the first person
   * named within CATAPHORA_CHARS after it ("'Why now?' she asked. Labour MP Dawn Butler…"). */
  lastPersonBefore(offset: number, gender?: Gender): string | null {
    const last = this.lastIndexBefore(offset);
    // Within the last sentence naming anyone, its subject: "Wong met her counterpart, Wang Yi. … she said".
    const index = last >= 0 ? this.persons[last]!.subjectIndex : -1;
    if (index >= 0) {
      const name = this.persons[index]!.name;
      const known = this.genderOf(name);
      // "she said" after a man was named last: the woman named before him, when the text tells.
      if (gender !== undefined && known !== undefined && known !== gender) {
        let unknown: string | null = null;
        for (let k = last; k >= 0 && last - k < MAX_GENDER_LOOKBACK; k--) {
          const other = this.genderOf(this.persons[k]!.name);
          if (other === gender) return this.persons[k]!.name;
          if (other === undefined) unknown ??= this.persons[k]!.name;
        }
        // Else the last person the text does not contradict.
        if (unknown !== null) return unknown;
      }
      return name;
    }
    const next = this.persons[0];
    return next !== undefined && next.start - offset <= CATAPHORA_CHARS ? next.name : null;
  }

  /** "the trust said": the organisation named last before `offset` whose name has the head noun `head`
   * ("Coastal Futures Trust"); for a generic head ("the company", "the group") any organisation's name of
   * several words or initials. */
  lastOrganisationBefore(offset: number, head: string): string | null {
    const generic = GENERIC_ORGANISATION_HEADS.has(head);
    let k = this.lastOrganisationIndexBefore(offset);
    for (let seen = 0; k >= 0 && seen < MAX_ORGANISATION_LOOKBACK; k--, seen++) {
      const organisation = this.organisations[k]!;
      const name = this.resolve(organisation.name);
      const words = this.nameWords(name);
      if (generic ? words.length >= 2 || /^\p{Lu}{2,}$/u.test(name) : words.includes(head)) return name;
    }
    return null;
  }

  /** The last person before `offset` introduced with the title `role` ("minister"), else null. */
  lastWithRoleBefore(offset: number, role: string): string | null {
    const MAX_LOOKBACK = 50;
    const index = this.lastIndexBefore(offset);
    for (let k = index; k >= 0 && index - k < MAX_LOOKBACK; k--) {
      if (this.persons[k]!.titles.includes(role)) return this.persons[k]!.name;
    }
    return null;
  }
}
