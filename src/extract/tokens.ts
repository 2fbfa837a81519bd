/** Word and punctuation tokens with offsets, shared by name recognition and attribution. */
import { OTHER, charClasses } from "./chars.js";

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text, precomputed for the word lists. */
  lower: string;
}

// Inside a word these join letter runs: Ukraine's, al-Ansari, Jean-Noël.
const WORD_JOINERS = new Set(["'", "’", "-", "‐"]);
// Quote marks are handled by the mark scanner; attribution never needs them as tokens.
const SKIPPED = new Set([..."\"'“”„‘’‚«»‹›「」『』"]);
const WHITESPACE = /\s/u;
const OTHER_CLASS = OTHER;

/** Tokens of `text`: words (letters, digits, marks, inner joiners) and single punctuation characters
 * other than quote marks. One linear pass. */
export function tokenize(text: string): Token[] {
  const classes = charClasses(text);
  const isWordAt = (k: number): boolean => k < text.length && classes[k] !== OTHER_CLASS;
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const from = i;
    if (isWordAt(i)) {
      while (isWordAt(i) || (WORD_JOINERS.has(text[i]!) && isWordAt(i + 1))) i++;
      const word = text.slice(from, i);
      tokens.push({ start: from, end: i, text: word, lower: word.toLowerCase() });
      continue;
    }
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    if (code <= 32 || WHITESPACE.test(text[from]!)) continue;
    const symbol = text.slice(from, i);
    if (!SKIPPED.has(symbol)) tokens.push({ start: from, end: i, text: symbol, lower: symbol });
  }
  return tokens;
}

/** Index of the first token starting at or after `offset`. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const CAPITALISED = /^(?:\p{Lu}|\p{Lt}|(?:al|el)-\p{Lu})/u;

export function isCapitalised(token: Token): boolean {
  return CAPITALISED.test(token.text);
}

export function isWord(token: Token): boolean {
  return /[\p{L}\p{N}]/u.test(token.text[0]!);
}

/** The word without a possessive `'s` / `’s`. */
export function stripPossessive(word: string): string {
  return /['’]s$/u.test(word) ? word.slice(0, -2) : word;
}

export function isPossessive(token: Token): boolean {
  return /['’]s$/u.test(token.text);
}
