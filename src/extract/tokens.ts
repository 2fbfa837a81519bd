/** Word and punctuation tokens with offsets, shared by name recognition and attribution. */
import { firstNotBefore } from "./bisect.js";
import { OTHER, classAt, codeAt, isAsciiLetterOrDigit, isLetterOrDigitCode, isLowerAscii, isSpaceCode, isUpperAt } from "./chars.js";
import { QUOTE_MARKS, codeSet } from "./charsets.js";

/** Inside a word these join letter runs: Ukraine's, al-Ansari, Jean-Noël. */
function isWordJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 0x2010; // ' ’ - ‐
}

// Quote marks are handled by the mark scanner; attribution never needs them as tokens.
const QUOTE_MARK_CODES = codeSet(QUOTE_MARKS);

// Per ASCII unit, what the scanner makes of it: part of a word, a token of its own (a stop: . ? !; beyond
// ASCII, …), or nothing (spaces, control characters and the quote marks " and ').
const SKIP = 0;
const WORD = 1;
const PUNCTUATION = 2;
const STOP_MARK = 3;
const ASCII_TOKENS = Uint8Array.from({ length: 128 }, (_, code) =>
  isAsciiLetterOrDigit(code) ? WORD
  : code <= 32 || QUOTE_MARK_CODES.has(code) ? SKIP
  : code === 46 || code === 63 || code === 33 ? STOP_MARK
  : PUNCTUATION);

/** End of the word starting at `i`. */
function wordEnd(text: string, i: number): number {
  const length = text.length;
  for (; i < length; i++) {
    const code = codeAt(text, i);
    if (code < 128 ? ASCII_TOKENS[code] === WORD : classAt(text, i) !== OTHER) continue;
    if (!(i + 1 < length && isWordJoiner(code) && classAt(text, i + 1) !== OTHER)) return i;
  }
  return i;
}

/** `^(?:\p{Lu}|\p{Lt}|(?:al|el)-\p{Lu})` for the word `text[start, end)`, read by code units: a capital,
 * or the `al-`/`el-` of `al-Ansari` before one. */
function startsCapitalised(text: string, start: number, end: number): boolean {
  const code = codeAt(text, start);
  if (code >= 65 && code <= 90) return true;
  if (code >= 128) return isUpperAt(text, start, true);
  return (code === 97 || code === 101) && end - start > 3 && codeAt(text, start + 1) === 108 &&
    codeAt(text, start + 2) === 45 && isUpperAt(text, start + 3);
}

/** Each ASCII character as a string of its own. */
const ASCII_STRINGS = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));

// Per token in `Tokens.data`: start offset, end offset, flags.
const STRIDE = 3;
const CAPITALISED = 1;
const STOP = 2;

/** Packed token records, grown by doubling. */
class TokenData {
  data: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(STRIDE * capacity);
  }

  add(start: number, end: number, flags: number): void {
    let at = STRIDE * this.count;
    if (at >= this.data.length) {
      const grown = new Int32Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[at++] = start;
    this.data[at++] = end;
    this.data[at] = flags;
    this.count++;
  }
}

/** One linear pass over code units. (A function of its own, apart from the class below, so that the JIT
 * compiles this loop once instead of deoptimising the constructor around it on every long article.) */
function scan(source: string): TokenData {
  const out = new TokenData(8 + (source.length >> 2)); // room for a token every 4 characters
  const length = source.length;
  let i = 0;
  while (i < length) {
    const from = i;
    const code = codeAt(source, i);
    if (code < 128) {
      const kind = ASCII_TOKENS[code]!;
      if (kind === WORD) {
        i = wordEnd(source, i + 1);
        out.add(from, i, startsCapitalised(source, from, i) ? CAPITALISED : 0);
        continue;
      }
      i++;
      if (kind !== SKIP) out.add(from, i, kind === STOP_MARK ? STOP : 0);
      continue;
    }
    if (classAt(source, i) !== OTHER) {
      i = wordEnd(source, i + 1);
      out.add(from, i, startsCapitalised(source, from, i) ? CAPITALISED : 0);
      continue;
    }
    // A high surrogate takes the next unit with it, paired or not.
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < length ? 2 : 1;
    if (!isSpaceCode(code) && !QUOTE_MARK_CODES.has(code)) out.add(from, i, code === 0x2026 ? STOP : 0); // … stops
  }
  return out;
}

/**
 * The tokens of a text: words (letters, digits, marks, inner joiners) and single punctuation characters
 * other than quote marks, addressed by index. Packed in a typed array rather than an object per token:
 * a long article has ~130k tokens, which every young-generation GC would copy while the analysis runs.
 * Strings are sliced on first use, as the name scan looks at most tokens only by their first character.
 */
export class Tokens {
  private readonly data: Int32Array;
  private readonly count: number;
  private readonly texts: (string | undefined)[];
  private readonly lowers: (string | undefined)[];

  constructor(readonly source: string) {
    const { data, count } = scan(source);
    this.data = data;
    this.count = count;
    this.texts = new Array<string | undefined>(count);
    this.lowers = new Array<string | undefined>(count);
  }

  get length(): number {
    return this.count;
  }

  /** Start offset of token `i` (0 ≤ i < length). */
  start(i: number): number {
    return this.data[STRIDE * i]!;
  }

  /** End offset of token `i` (0 ≤ i < length). */
  end(i: number): number {
    return this.data[STRIDE * i + 1]!;
  }

  /** The first UTF-16 unit of token `i` (0 ≤ i < length), read without slicing. */
  firstCode(i: number): number {
    return codeAt(this.source, this.start(i));
  }

  private flags(i: number): number {
    return i >= 0 && i < this.count ? this.data[STRIDE * i + 2]! : 0;
  }

  /** Whether token `i` starts with a capital (or is `al-`/`el-` and a capitalised name); false past either end. */
  capitalised(i: number): boolean {
    return (this.flags(i) & CAPITALISED) !== 0;
  }

  /** Whether token `i` is a `.` `?` `!` or `…`; false past either end. */
  stop(i: number): boolean {
    return (this.flags(i) & STOP) !== 0;
  }

  /** The token's text; "" past either end. */
  text(i: number): string {
    if (i < 0 || i >= this.count) return "";
    return (this.texts[i] ??= this.sliceOf(i));
  }

  /** One-character ASCII tokens (most punctuation) come from a table: no slice per comma or full stop. */
  private sliceOf(i: number): string {
    const start = this.start(i);
    const end = this.end(i);
    const code = codeAt(this.source, start);
    return end - start === 1 && code < 128 ? ASCII_STRINGS[code]! : this.source.slice(start, end);
  }

  /** Lower-cased text (punctuation as is), for the word lists; "" past either end. */
  lower(i: number): string {
    if (i < 0 || i >= this.count) return "";
    return (this.lowers[i] ??= this.lowerOf(i));
  }

  private lowerOf(i: number): string {
    // Most words are ASCII without capitals, which lower-case to themselves: no call to toLowerCase.
    if (classAt(this.source, this.start(i)) === OTHER || isLowerAscii(this.source, this.start(i), this.end(i))) return this.text(i);
    return this.text(i).toLowerCase();
  }

  /** Index of the first token starting at or after `offset`. */
  indexAt(offset: number): number {
    return firstNotBefore(this.count, (i) => this.data[STRIDE * i]! < offset);
  }
}

export function tokenize(text: string): Tokens {
  return new Tokens(text);
}

export function isWord(tokens: Tokens, i: number): boolean {
  return isLetterOrDigitCode(tokens.firstCode(i));
}

/** Ends in a possessive `'s` / `’s`. */
function endsPossessive(word: string): boolean {
  const n = word.length;
  return n >= 2 && codeAt(word, n - 1) === 115 && (codeAt(word, n - 2) === 39 || codeAt(word, n - 2) === 0x2019);
}

/** The word without a possessive `'s` / `’s`. */
export function stripPossessive(word: string): string {
  return endsPossessive(word) ? word.slice(0, -2) : word;
}

export function isPossessive(tokens: Tokens, i: number): boolean {
  return endsPossessive(tokens.text(i));
}
