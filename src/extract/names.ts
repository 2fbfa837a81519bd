/** Person and organisation names: capitalised runs, titles, fullest-form resolution, back-references. */
import {
  AFFILIATIONS, GROUP_NOUNS, LEGAL_SUFFIXES, NAME_PARTICLES, NOT_NAME_WORDS, OCCUPATIONS, ORGANISATION_WORDS, PREPOSITIONS,
  ROLE_NOUNS, TITLES, VERB_FILLERS, isSpeechVerb,
} from "./lexicon.js";
import { codeAt } from "./chars.js";
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
    const canStart = startsName(tokens, i) || (i + 1 < to && tokens.capitalised(i + 1) && NAME_PARTICLES.has(tokens.lower(i)));
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

function endsWith(longer: readonly string[], shorter: readonly string[]): boolean {
  if (shorter.length > longer.length) return false;
  const offset = longer.length - shorter.length;
  return shorter.every((w, k) => longer[offset + k] === w);
}

const CATAPHORA_CHARS = 300;

interface PersonMention {
  start: number;
  name: string;
  titles: string[];
  /** First person named in its sentence, usually its subject. */
  subject: boolean;
}

/** A full stop, question or exclamation mark that is not part of an initial or abbreviated title. */
function endsSentence(tokens: Tokens, i: number): boolean {
  if (!tokens.stop(i)) return false;
  return tokens.firstCode(i) !== 46 || !INITIAL_OR_ABBREVIATION.test(tokens.text(i - 1));
}

/** All names of one document: resolves short forms and answers "who was named last". */
export class NameIndex {
  private readonly byLastWord = new Map<string, { name: string; words: string[] }[]>();
  /** Organisations by a short form: first word ("Norvane" → "Norvane Energy") or initials ("WHO"). */
  private readonly organisationsByShortForm = new Map<string, string>();
  private readonly persons: PersonMention[];
  private readonly resolved = new Map<string, string>();
  // The same few names recur throughout an article: split each once.
  private readonly wordsOfName = new Map<string, string[]>();

  // The loops live in methods: a long article makes the JIT compile them mid-loop, and code following such
  // a loop in the same function would be deoptimised again on every article.
  constructor(text: string, tokens: Tokens) {
    const mentions = findNameMentions(text, tokens);
    this.indexByLastWord(mentions);
    this.persons = this.personsOf(mentions, tokens);
  }

  private indexByLastWord(mentions: readonly NameMention[]): void {
    for (const mention of mentions) {
      const words = this.nameWords(mention.name);
      const key = words[words.length - 1];
      if (key === undefined) continue;
      const list = this.byLastWord.get(key) ?? [];
      if (!list.some((entry) => entry.name === mention.name)) list.push({ name: mention.name, words });
      this.byLastWord.set(key, list);
      if (mention.organisation && words.length >= 2) this.indexShortForms(mention.name, words);
    }
  }

  private indexShortForms(name: string, words: readonly string[]): void {
    // "Quillon Inc" is called "Quillon": a legal suffix does not make the full name.
    if (!words.slice(1).every((w) => LEGAL_SUFFIXES.has(w)) && !this.organisationsByShortForm.has(words[0]!)) {
      this.organisationsByShortForm.set(words[0]!, name);
    }
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
      if (this.isPerson(mention, tokens, t) && !(mention.titles.length === 0 && PREPOSITIONS.has(tokens.lower(t - 1)))) {
        const subject = sentence !== lastSentence;
        lastSentence = sentence;
        persons.push({ start: mention.start, name: this.resolve(mention.name), titles: mention.titles, subject });
      }
    }
    return persons;
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
    let best: { name: string; words: string[] } | null = null;
    for (const candidate of this.byLastWord.get(key) ?? []) {
      if (endsWith(candidate.words, words) && (best === null || candidate.words.length > best.words.length)) best = candidate;
    }
    if (words.length === 1 && (best === null || best.words.length === 1)) {
      // A lone word may shorten an organisation's name or abbreviate it: "Norvane", "WHO".
      return this.organisationsByShortForm.get(/^\p{Lu}+$/u.test(name) ? name : key) ?? name;
    }
    return best?.name ?? name;
  }

  private lastIndexBefore(offset: number): number {
    let lo = 0;
    let hi = this.persons.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.persons[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** The person named last before `offset`, in fullest form (the subject of the last sentence naming
   * several people); with nobody named before, the first person
   * named within CATAPHORA_CHARS after it ("'Why now?' she asked. Labour MP Dawn Butler…"). */
  lastPersonBefore(offset: number): string | null {
    let index = this.lastIndexBefore(offset);
    // Within the last sentence naming anyone, its subject: "Wong met her counterpart, Wang Yi. … she said".
    while (index > 0 && !this.persons[index]!.subject) index--;
    if (index >= 0) return this.persons[index]!.name;
    const next = this.persons[0];
    return next !== undefined && next.start - offset <= CATAPHORA_CHARS ? next.name : null;
  }

  /** The last person before `offset` introduced with the title `role` ("minister"), else the last person. */
  lastWithRoleBefore(offset: number, role: string): string | null {
    const MAX_LOOKBACK = 50;
    const index = this.lastIndexBefore(offset);
    for (let k = index; k >= 0 && index - k < MAX_LOOKBACK; k--) {
      if (this.persons[k]!.titles.includes(role)) return this.persons[k]!.name;
    }
    return this.lastPersonBefore(offset);
  }
}
