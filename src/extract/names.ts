/** Person and organisation names: capitalised runs, titles, fullest-form resolution, back-references. */
import {
  GROUP_NOUNS, NAME_PARTICLES, NOT_NAME_WORDS, ORGANISATION_WORDS, PREPOSITIONS, TITLES, VERB_FILLERS, isSpeechVerb,
} from "./lexicon.js";
import { isCapitalised, isPossessive, isWord, stripPossessive, type Token } from "./tokens.js";

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

function startsName(token: Token): boolean {
  return isCapitalised(token) && !NOT_NAME_WORDS.has(token.lower) && !GROUP_NOUNS.has(token.lower);
}

function crossesLine(text: string, a: Token, b: Token): boolean {
  return text.slice(a.end, b.start).includes("\n");
}

/** The tokens forming a capitalised run starting at `from` (exclusive end index). */
function runEnd(text: string, tokens: readonly Token[], from: number, to: number): number {
  let j = from;
  let hasOrganisationWord = false;
  while (j < to) {
    const token = tokens[j]!;
    if (j > from && crossesLine(text, tokens[j - 1]!, token)) break;
    const next = tokens[j + 1];
    if (startsName(token) || (j > from && isCapitalised(token) && TITLES.has(token.lower))) {
      hasOrganisationWord ||= ORGANISATION_WORDS.has(stripPossessive(token.lower));
      j++;
      if (isPossessive(token)) break;
    } else if (token.text === "." && j > from && INITIAL_OR_ABBREVIATION.test(tokens[j - 1]!.text) && token.start === tokens[j - 1]!.end) {
      j++;
    } else if (NAME_PARTICLES.has(token.lower) && next !== undefined && j + 1 < to && (isCapitalised(next) || NAME_PARTICLES.has(next.lower))) {
      j++;
    } else if (token.lower === "of" && hasOrganisationWord && next !== undefined && j + 1 < to && isCapitalised(next)) {
      j++;
    } else {
      break;
    }
  }
  // Trailing particles or dots are not part of the name.
  while (j > from && (NAME_PARTICLES.has(tokens[j - 1]!.lower) || tokens[j - 1]!.lower === "of")) j--;
  return j;
}

function mentionFromRun(text: string, tokens: readonly Token[], from: number, to: number): NameMention | null {
  const words = tokens.slice(from, to).filter(isWord);
  if (words.length === 0) return null;
  let lastTitle = -1;
  for (let k = 0; k < words.length - 1; k++) if (TITLES.has(words[k]!.lower)) lastTitle = k;
  const nameWords = words.slice(lastTitle + 1);
  // A run made only of titles ("Prime Minister") is not a name.
  if (nameWords.every((w) => TITLES.has(stripPossessive(w.lower)))) return null;
  const first = nameWords[0]!;
  const last = nameWords[nameWords.length - 1]!;
  const end = isPossessive(last) ? last.end - 2 : last.end;
  return {
    start: first.start,
    end,
    name: text.slice(first.start, end),
    titles: words.slice(0, lastTitle + 1).map((w) => w.lower),
    organisation: words.some((w) => ORGANISATION_WORDS.has(stripPossessive(w.lower))),
    possessive: isPossessive(last),
  };
}

/** Capitalised name runs among `tokens[from, to)`. */
export function findNameMentions(text: string, tokens: readonly Token[], from = 0, to = tokens.length): NameMention[] {
  const mentions: NameMention[] = [];
  let i = from;
  while (i < to) {
    const token = tokens[i]!;
    const canStart = startsName(token) || (NAME_PARTICLES.has(token.lower) && i + 1 < to && isCapitalised(tokens[i + 1]!));
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
    if (mention) mentions.push(mention);
    i = end;
  }
  return mentions;
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
function endsSentence(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.text === "?" || token.text === "!" || token.text === "…") return true;
  return token.text === "." && !INITIAL_OR_ABBREVIATION.test(tokens[i - 1]?.text ?? "");
}

/** All names of one document: resolves short forms and answers "who was named last". */
export class NameIndex {
  private readonly byLastWord = new Map<string, { name: string; words: string[] }[]>();
  private readonly persons: PersonMention[] = [];
  private readonly resolved = new Map<string, string>();

  constructor(text: string, tokens: readonly Token[]) {
    const mentions = findNameMentions(text, tokens);
    for (const mention of mentions) {
      const words = nameWords(mention.name);
      const key = words[words.length - 1];
      if (key === undefined) continue;
      const list = this.byLastWord.get(key) ?? [];
      if (!list.some((entry) => entry.name === mention.name)) list.push({ name: mention.name, words });
      this.byLastWord.set(key, list);
    }
    let t = 0;
    let sentence = 0;
    let lastSentence = -1;
    for (const mention of mentions) {
      for (; t < tokens.length && tokens[t]!.start < mention.start; t++) if (endsSentence(tokens, t)) sentence++;
      const before = tokens[t - 1];
      // Objects of prepositions ("talks with Macron") are not who a later "he" or "she" refers to.
      if (this.isPerson(mention, tokens, t) && !(before && PREPOSITIONS.has(before.lower) && mention.titles.length === 0)) {
        const subject = sentence !== lastSentence;
        lastSentence = sentence;
        this.persons.push({ start: mention.start, name: this.resolve(mention.name), titles: mention.titles, subject });
      }
    }
  }

  private isPerson(mention: NameMention, tokens: readonly Token[], index: number): boolean {
    if (mention.organisation) return false;
    if (mention.titles.length > 0) return true;
    const previous = tokens[index - 1];
    if (previous?.lower === "the") return false;
    if (nameWords(this.resolve(mention.name)).length >= 2) return true;
    // A lone surname that speaks is a person too.
    let k = index + 1;
    while (k < tokens.length && (VERB_FILLERS.has(tokens[k]!.lower) || tokens[k]!.lower.endsWith("ly"))) k++;
    return k < tokens.length && isSpeechVerb(tokens[k]!);
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
    const words = nameWords(name);
    const key = words[words.length - 1];
    if (key === undefined) return name;
    let best: { name: string; words: string[] } | null = null;
    for (const candidate of this.byLastWord.get(key) ?? []) {
      if (endsWith(candidate.words, words) && (best === null || candidate.words.length > best.words.length)) best = candidate;
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
