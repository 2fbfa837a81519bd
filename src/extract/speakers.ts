/** Attribution: who said a quoted span, from the words around it. */
import {
  DETERMINERS, GROUP_NOUNS, INVERTIBLE_VERBS, NOT_NAME_WORDS, PREPOSITIONS, PRONOUNS, ROLE_NOUNS, TITLES,
  VERB_FILLERS, isSpeechVerb,
} from "./lexicon.js";
import { NameIndex, findNameMentions, type NameMention } from "./names.js";
import { isCapitalised, isWord, stripPossessive, tokenIndexAt, tokenize, type Token } from "./tokens.js";

/** How the speaker was referred to: by name, pronoun, role ("the minister") or anonymously ("a spokesperson"). */
export type AttributionKind = "name" | "pronoun" | "role" | "anonymous";

export interface Attribution {
  kind: AttributionKind;
  /** Fullest name, or null when the source is anonymous or cannot be resolved. */
  speaker: string | null;
}

/** Tokens and names of one document, shared by every attribution look-up. */
export interface AttributionContext {
  text: string;
  tokens: Token[];
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
]);
const HEAD_PREPOSITIONS = new Set(["of", "for", "at", "from", "with", "in"]);
const MAX_PHRASE_WORDS = 8;
const MAX_APPOSITION_TOKENS = 16;
const MAX_WINDOW_TOKENS = 60;

function isFiller(token: Token): boolean {
  return VERB_FILLERS.has(token.lower) || (token.lower.length > 4 && token.lower.endsWith("ly"));
}

function isPhraseWord(token: Token): boolean {
  if (!isWord(token)) return false;
  const capitalised = isCapitalised(token);
  if (isSpeechVerb(token)) return false;
  // A capitalised breaker ("In", "But") opens a sentence; one that is not a function word is a name ("Post").
  if (PHRASE_BREAKERS.has(token.lower)) return capitalised && !NOT_NAME_WORDS.has(token.lower);
  return !VERB_FILLERS.has(token.lower) || DETERMINERS.has(token.lower);
}

/** A dot belongs to a phrase after an initial or an abbreviated title (`J.`, `Dr.`). */
function isPhraseDot(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  return tokens[i]!.text === "." && previous !== undefined && previous.end === tokens[i]!.start &&
    (/^\p{Lu}$/u.test(previous.text) || TITLES.has(previous.lower));
}

/** `and` joins capitalised words inside a title: "Work and Pensions Secretary". */
function isTitleConjunction(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (tokens[i]!.lower === "and" || tokens[i]!.text === "&") && before !== undefined && after !== undefined &&
    isCapitalised(before) && isCapitalised(after);
}

/** End index (exclusive) of a noun phrase starting at `i`. */
function phraseForward(tokens: readonly Token[], i: number, end: number): number {
  let j = i;
  let words = 0;
  while (j < end && words < MAX_PHRASE_WORDS) {
    if (isPhraseDot(tokens, j) || (j > i && j + 1 < end && isTitleConjunction(tokens, j))) j++;
    else if (isPhraseWord(tokens[j]!)) {
      j++;
      words++;
    } else break;
  }
  return j;
}

/** Start index of a noun phrase ending just before `end` (exclusive). */
function phraseBackward(tokens: readonly Token[], end: number, start: number): number {
  let j = end;
  let words = 0;
  while (j > start && words < MAX_PHRASE_WORDS) {
    if (isPhraseDot(tokens, j - 1) || (j < end && j - 1 > start && isTitleConjunction(tokens, j - 1))) j--;
    else if (isPhraseWord(tokens[j - 1]!)) {
      j--;
      words++;
    } else break;
  }
  return j;
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
  const position = tokens[from]!.start;
  if (to - from === 1 && PRONOUNS.has(tokens[from]!.lower)) {
    return { kind: "pronoun", speaker: names.lastPersonBefore(position) };
  }
  const words = tokens.slice(from, to).filter(isWord).map((t) => stripPossessive(t.lower));
  const indefinite = words[0] === "a" || words[0] === "an";
  // "officials", "a senior EU official": an unnamed source, whatever names qualify it.
  if (words.some((w) => GROUP_NOUNS.has(w)) || (indefinite && words.some((w) => ROLE_NOUNS.has(w)))) {
    return { kind: "anonymous", speaker: null };
  }
  const mention = pickMention(findNameMentions(ctx.text, tokens, from, to));
  if (mention) return { kind: "name", speaker: names.resolve(mention.name) };
  const role = [...words].reverse().find((w) => ROLE_NOUNS.has(w));
  if (role === undefined) return null;
  return { kind: "role", speaker: names.lastWithRoleBefore(position, role) };
}

function better(a: Attribution | null, b: Attribution | null): Attribution | null {
  if (a?.kind === "name") return a;
  if (b?.kind === "name") return b;
  return a ?? b;
}

/** A phrase, then optionally ", apposition," — `Tom Brennan, the council leader,` or
 * `Helima Croft, head of strategy at RBC,`: the aside runs to the next comma. */
function phraseWithApposition(ctx: AttributionContext, i: number, end: number): { attribution: Attribution | null; next: number } {
  const { tokens } = ctx;
  const phraseEnd = phraseForward(tokens, i, end);
  let attribution = resolvePhrase(ctx, i, phraseEnd);
  let next = phraseEnd;
  if (phraseEnd > i && tokens[phraseEnd]?.text === ",") {
    const asideStart = phraseEnd + 1;
    let comma = asideStart;
    while (comma < end && comma - asideStart < MAX_APPOSITION_TOKENS && tokens[comma]!.text !== "," && !isSpeechVerb(tokens[comma]!)) comma++;
    const closed = comma < end && tokens[comma]!.text === ",";
    const asideEnd = phraseForward(tokens, asideStart, closed ? comma : end);
    if (asideEnd > asideStart) {
      attribution = better(attribution, resolvePhrase(ctx, asideStart, asideEnd));
      next = closed ? comma + 1 : asideEnd;
    }
  }
  return { attribution, next };
}

function skipFillers(tokens: readonly Token[], i: number, end: number): number {
  while (i < end && isFiller(tokens[i]!)) i++;
  return i;
}

/** Token range of `[from, to)`, capped at its first (or, `fromEnd`, last) MAX_WINDOW_TOKENS tokens. */
function windowTokens(ctx: AttributionContext, from: number, to: number, fromEnd = false): [number, number] {
  const first = tokenIndexAt(ctx.tokens, from);
  let last = tokenIndexAt(ctx.tokens, to);
  while (last > first && ctx.tokens[last - 1]!.end > to) last--;
  return fromEnd ? [Math.max(first, last - MAX_WINDOW_TOKENS), last] : [first, Math.min(last, first + MAX_WINDOW_TOKENS)];
}

const LEADING_PUNCTUATION = new Set([",", "—", "–", "-", ")", "(", ":", ";"]);

/** Attribution after a quotation: `…," Starmer said`, `…," said the minister, Jane Doe`, `…," according to X`. */
export function attributeAfter(ctx: AttributionContext, from: number, to: number): Attribution | null {
  const { tokens } = ctx;
  const [first, end] = windowTokens(ctx, from, to);
  let i = first;
  while (i < end && LEADING_PUNCTUATION.has(tokens[i]!.text)) i++;
  if (i >= end) return null;
  if (tokens[i]!.lower === "according" && tokens[i + 1]?.lower === "to") {
    return phraseWithApposition(ctx, i + 2, end).attribution;
  }
  const verb = skipFillers(tokens, i, end);
  if (verb < end && INVERTIBLE_VERBS.has(tokens[verb]!.lower)) {
    return phraseWithApposition(ctx, verb + 1, end).attribution;
  }
  const { attribution, next } = phraseWithApposition(ctx, i, end);
  const after = skipFillers(tokens, next, end);
  return attribution && after < end && isSpeechVerb(tokens[after]!) ? attribution : null;
}

/** The noun phrase ending just before `end` as a subject: `a spokesperson for Downing Street` is the
 * spokesperson; a bare object of a preposition (`to his critics`) is no subject at all. */
function subjectPhraseBefore(ctx: AttributionContext, end: number, start: number): Attribution | null {
  const { tokens } = ctx;
  const phraseStart = phraseBackward(tokens, end, start);
  if (phraseStart === end) return null;
  const preposition = tokens[phraseStart - 1];
  if (phraseStart - 1 >= start && preposition && PREPOSITIONS.has(preposition.lower)) {
    if (!HEAD_PREPOSITIONS.has(preposition.lower)) return null;
    const headStart = phraseBackward(tokens, phraseStart - 1, start);
    return headStart < phraseStart - 1 ? resolvePhrase(ctx, headStart, phraseStart - 1) : null;
  }
  return resolvePhrase(ctx, phraseStart, end);
}

/** The subject of the verb at `verb`, looking back no further than `start`. */
function subjectBefore(ctx: AttributionContext, verb: number, start: number): Attribution | null {
  const { tokens } = ctx;
  let k = verb - 1;
  while (k >= start && isFiller(tokens[k]!)) k--;
  if (k < start) return null;
  if (PRONOUNS.has(tokens[k]!.lower)) return resolvePhrase(ctx, k, k + 1);
  if (tokens[k]!.lower === "who" && tokens[k - 1]?.text === "(") {
    // `The minister (who described it as …)`: the subject precedes the bracket.
    return subjectPhraseBefore(ctx, k - 1, start);
  }
  if (tokens[k]!.lower === "who" && tokens[k - 1]?.text === ",") k--;
  if (tokens[k]!.text === ",") {
    // `Jane Doe, the mayor, said` / `Starmer, speaking in Paris, said`: the subject precedes the aside.
    let comma = k - 1;
    while (comma >= start && k - comma < MAX_APPOSITION_TOKENS && tokens[comma]!.text !== ",") comma--;
    const asideStart = comma >= start && tokens[comma]!.text === "," ? comma + 1 : k;
    const aside = resolvePhrase(ctx, asideStart, phraseForward(tokens, asideStart, k));
    const headEnd = asideStart === k ? k : comma;
    return better(subjectPhraseBefore(ctx, headEnd, start), aside);
  }
  return subjectPhraseBefore(ctx, k + 1, start);
}

/** Attribution before a quotation in the same sentence: `Starmer said:`, `according to X,`, `X called the vote`. */
export function attributeBefore(ctx: AttributionContext, from: number, to: number): Attribution | null {
  const { tokens } = ctx;
  const [start, end] = windowTokens(ctx, from, to, true);
  for (let v = end - 1; v >= start; v--) {
    const token = tokens[v]!;
    if (token.lower === "according" && tokens[v + 1]?.lower === "to") {
      const found = phraseWithApposition(ctx, v + 2, end).attribution;
      if (found) return found;
    }
    if (!isSpeechVerb(token) || token.lower === "according") continue;
    const subject = subjectBefore(ctx, v, start);
    if (subject) return subject;
    if (INVERTIBLE_VERBS.has(token.lower)) {
      const inverted = phraseWithApposition(ctx, v + 1, end).attribution;
      if (inverted) return inverted;
    }
  }
  // Headline style: `Starmer: "…"`.
  if (end - start >= 2 && tokens[end - 1]!.text === ":") {
    const phraseStart = phraseBackward(tokens, end - 1, start);
    const named = resolvePhrase(ctx, phraseStart, end - 1);
    if (named?.kind === "name") return named;
  }
  return null;
}
