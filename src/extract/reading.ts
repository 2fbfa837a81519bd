/** Word count and reading time. */
import { IDEOGRAPH, LETTER, OTHER, classAt, codeAt, isAsciiLetterOrDigit } from "./chars.js";

export const WORDS_PER_MINUTE = 230;

/** Inside a word these join letters: don't, well-known, 3.5, 40,000. */
const JOINER = 4;
/** Per ASCII unit: LETTER, JOINER (' . , -) or OTHER (ASCII has no marks or ideographs). */
const ASCII_KINDS = Uint8Array.from({ length: 128 }, (_, code) =>
  isAsciiLetterOrDigit(code) ? LETTER : code === 39 || code === 46 || code === 44 || code === 45 ? JOINER : OTHER);

// The counter as a state machine read from tables, so that the loop over every character takes no branch
// per character (word boundaries are too irregular for branch prediction): out of a word, in a word, or in
// a word at a joiner, which continues it only if a letter follows.
const OUT = 0;
const IN = 1;
const AT_JOINER = 2;
const KINDS = 5; // classAt's classes (OTHER 0, LETTER 1, MARK 2, IDEOGRAPH 3), then JOINER
/** Next state, per state × kind. A mark continues a word but starts none; an ideograph is a word of its own. */
const NEXT = Uint8Array.from([
  /* OUT */ OUT, IN, OUT, OUT, OUT,
  /* IN */ OUT, IN, IN, OUT, AT_JOINER,
  /* AT_JOINER */ OUT, IN, OUT, OUT, OUT,
]);
/** Words started, per state × kind. */
const STARTS = Uint8Array.from([
  /* OUT */ 0, 1, 0, 1, 0,
  /* IN */ 0, 0, 0, 1, 0,
  /* AT_JOINER */ 0, 0, 0, 1, 0,
]);

/** Words: letter/digit runs (with inner apostrophes, hyphens, dots or commas); each Han or Kana character
 * counts as one word, as Chinese and Japanese put no spaces between words. One linear pass, no allocation. */
export function countWords(text: string): number {
  return countWordsUpTo(text, text.length + 1); // a bound never reached, kept a small integer for the JIT
}

/** Whether `text` has at least `n` words (stops counting there). */
export function hasWords(text: string, n: number): boolean {
  return countWordsUpTo(text, n) >= n;
}

function countWordsUpTo(text: string, limit: number): number {
  let count = 0;
  let state = OUT;
  const length = text.length;
  for (let i = 0; i < length && count < limit; i++) {
    const code = codeAt(text, i);
    let kind: number;
    if (code < 128) kind = ASCII_KINDS[code]!;
    else {
      kind = classAt(text, i);
      if (kind === OTHER && code === 0x2019) kind = JOINER; // ’
      else if (kind === IDEOGRAPH && code >= 0xd800 && code <= 0xdbff) i++; // one word for the pair
    }
    const transition = state * KINDS + kind;
    count += STARTS[transition]!;
    state = NEXT[transition]!;
  }
  return count;
}

/** Whole minutes, rounded up: at least 1 for any non-blank text, 0 for blank text. */
export function readingTimeMinutes(wordCount: number, text = ""): number {
  if (wordCount === 0) return text.trim() === "" ? 0 : 1;
  return Math.ceil(wordCount / WORDS_PER_MINUTE);
}
