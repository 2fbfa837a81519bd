/** Word count and reading time. */
import { IDEOGRAPH, LETTER, MARK, charClasses } from "./chars.js";

export const WORDS_PER_MINUTE = 230;
// Inside a word these join letters: don't, well-known, 3.5, 40,000.
const JOINERS = new Set(["'", "’", ".", ",", "-"]);
const [IDEOGRAPH_CLASS, LETTER_CLASS, MARK_CLASS] = [IDEOGRAPH, LETTER, MARK];

/** Words: letter/digit runs (with inner apostrophes, hyphens, dots or commas); each Han or Kana character
 * counts as one word, as Chinese and Japanese put no spaces between words. One linear pass. */
export function countWords(text: string): number {
  const classes = charClasses(text);
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const cls = classes[i];
    if (cls === IDEOGRAPH_CLASS) {
      count++;
      inWord = false;
      if (i + 1 < text.length && text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff) i++;
    } else if (cls === LETTER_CLASS) {
      if (!inWord) count++;
      inWord = true;
    } else if (cls !== MARK_CLASS && !(inWord && JOINERS.has(text[i]!) && classes[i + 1] === LETTER_CLASS)) {
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
