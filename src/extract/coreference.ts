/** Coreference: who a short name ("Starmer"), a pronoun ("she"), a role ("the minister") or a generic
 * organisation ("the company") refers to, from the names found earlier in the document. */
import { LEGAL_SUFFIXES, NAME_PARTICLES, ORGANISATION_WORDS, PREPOSITIONS, DETERMINERS, VERB_FILLERS, isSpeechVerb } from "./lexicon.js";
import { firstNotBefore } from "./bisect.js";
import { QUOTE_MARKS, charClass } from "./charsets.js";
import { INITIAL_OR_ABBREVIATION, findNameMentions, nameWords, type NameMention } from "./names.js";
import { isWord, type Tokens } from "./tokens.js";

/** Short forms longer than this are not looked up: the name as written is its own fullest form. */
const MAX_SUFFIX_WORDS = 6;

const CATAPHORA_CHARS = 300;

/** Heads that stand for an organisation named before ("the company said"), credited as written. */
export const GENERIC_ORGANISATION_HEADS: ReadonlySet<string> = new Set([
  "company", "group", "firm", "business", "operator",
]);

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
    // "Quillon Inc" is called "Quillon": a legal suffix does not make the full name. A body of its own ("Senate",
    // "House") is no short form of a longer name that opens with it ("Senate Reform Fund").
    if (!words.slice(1).every((w) => LEGAL_SUFFIXES.has(w)) && !ORGANISATION_WORDS.has(words[0]!) && !this.organisationsByShortForm.has(words[0]!)) {
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
    while (k < tokens.length && (VERB_FILLERS.has(tokens.lower(k)) || (tokens.lower(k).endsWith("ly") && !tokens.capitalised(k)))) k++;
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
}
