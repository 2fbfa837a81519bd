/** Word count and reading time. */
import { IDEOGRAPH, LETTER, MARK, classAt, codeAt, isAsciiLetterOrDigit } from "./chars.js";

export const WORDS_PER_MINUTE = 230;

/** Inside a word these join letters: don't, well-known, 3.5, 40,000. */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 46 || code === 44 || code === 45; // ' ’ . , -
}

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
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length && count < limit; i++) {
    const code = codeAt(text, i);
    if (code < 128) {
      // ASCII (no marks or ideographs there), inline: this loop reads every character of every briefing.
      if (isAsciiLetterOrDigit(code)) {
        if (!inWord) count++;
        inWord = true;
      } else if (!(inWord && isJoiner(code) && i + 1 < length && classAt(text, i + 1) === LETTER)) {
        inWord = false;
      }
      continue;
    }
    const cls = classAt(text, i);
    if (cls === IDEOGRAPH) {
      count++;
      inWord = false;
      if (i + 1 < length && code >= 0xd800 && code <= 0xdbff) i++;
    } else if (cls === LETTER) {
      if (!inWord) count++;
      inWord = true;
    } else if (cls !== MARK && !(inWord && isJoiner(code) && i + 1 < length && classAt(text, i + 1) === LETTER)) {
      inWord = false;
    }
  }
  return count;
}

/** Whole minutes, rounded up: at least 1 for any non-blank text, 0 for blank text. */
export function readingTimeMinutes(wordCount: number, text = ""): number {
  if (wordCount === 0) return text.trim() === "" ? 0 : 1;
  return Math.ceil(wordCount / WORDS_PER_MINUTE);
}
