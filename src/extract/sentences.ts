/** Sentence splitting that survives abbreviations, initials, decimals, ellipses and closing quotes. */
import { codeAt, isLetterOrDigitCode, isSpaceCode, isUpperOrDigitCode } from "./chars.js";
import {
  CJK_SENTENCE_ENDS, OPENING_QUOTE_MARKS, SENTENCE_CLOSERS, SENTENCE_ENDS, charClass, codeSet,
} from "./charsets.js";
import type { Sentence } from "./types.js";

/** Abbreviations that never end a sentence (titles and the like). */
const TITLE_ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
  "cmdr", "adm", "rev", "hon", "mt", "ft", "messrs", "mme", "mlle", "sr", "jr", "vs", "e.g", "i.e",
  "approx", "cf", "fig", "dept", "univ", "inc", "corp", "ltd", "co", "ave", "blvd", "rd", "supt", "insp",
]);
/** Abbreviations that stay attached to a following number: `No. 10`, `Jan. 6`, `Art. 5`. */
const NUMBER_ABBREVIATIONS = new Set([
  "no", "nos", "art", "vol", "pp", "p", "para", "ch", "sec", "op", "jan", "feb", "mar", "apr", "jun",
  "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);
/** Words that, after a dotted acronym such as `U.S.`, show a new sentence has begun. */
const SENTENCE_STARTERS = new Set([
  "the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "but", "and",
  "in", "on", "at", "its", "his", "her", "their", "there", "officials", "however", "meanwhile", "some",
]);

const OPENERS = new Set([...OPENING_QUOTE_MARKS, ..."([¿¡"]);
const ABBREVIATION_LOOKBACK = 24;

const TERMINATOR = new RegExp(`[${charClass(SENTENCE_ENDS)}]`, "g");
const TERMINATORS = codeSet(SENTENCE_ENDS);
const CJK_TERMINATORS = codeSet(CJK_SENTENCE_ENDS);
const CLOSERS = codeSet(SENTENCE_CLOSERS);

/** The word (letters and inner dots) ending just before `dot`, lower-cased. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  const limit = Math.max(0, dot - ABBREVIATION_LOOKBACK);
  while (i > limit) {
    const code = codeAt(text, i - 1);
    if (!isLetterOrDigitCode(code) && !(code === 46 && i >= 2 && isLetterOrDigitCode(codeAt(text, i - 2)))) break;
    i--;
  }
  return text.slice(i, dot).toLowerCase();
}

function wordAt(text: string, start: number): string {
  let i = start;
  while (i < text.length && i - start < ABBREVIATION_LOOKBACK && isLetterOrDigitCode(codeAt(text, i))) i++;
  return text.slice(start, i).toLowerCase();
}

/** `[...s].length === 1` without the array: one code point, possibly a surrogate pair. */
function isOneCodePoint(s: string): boolean {
  return s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);
}

/** Whether a single `.` after `word` is part of an abbreviation rather than a full stop. */
function isAbbreviation(word: string, text: string, next: number): boolean {
  if (word === "") return false;
  if (TITLE_ABBREVIATIONS.has(word)) return true;
  const nextChar = text[next] ?? "";
  if (NUMBER_ABBREVIATIONS.has(word) && /\d/.test(nextChar)) return true;
  // Initials (`J. K. Rowling`) and dotted acronyms (`U.K.`, `p.m.`): only a clear sentence opener ends them.
  if (!word.includes(".")) return isOneCodePoint(word); // the common case: a plain word, no split needed
  const segments = word.split(".");
  if (segments.every(isOneCodePoint)) return !SENTENCE_STARTERS.has(wordAt(text, next));
  return false;
}

/** Adds `text[from, to)` trimmed, unless blank. */
function pushTrimmed(sentences: Sentence[], text: string, from: number, to: number): void {
  while (from < to && isSpaceCode(codeAt(text, from))) from++;
  while (to > from && isSpaceCode(codeAt(text, to - 1))) to--;
  if (to > from) sentences.push({ start: from, end: to });
}

/** Sentences of `text[start, end)` as trimmed ranges, in order, appended to `sentences` (a new array by default). */
export function sentenceRanges(text: string, start = 0, end = text.length, sentences: Sentence[] = []): Sentence[] {
  // Terminators are sparse: the regex engine jumps from one to the next, searching the range only (so
  // splitting every block of a document stays linear).
  const base = Math.max(start, 0);
  const range = text.slice(base, end);
  let sentenceStart = start;
  let i = start;
  while (i < end) {
    TERMINATOR.lastIndex = Math.max(i - base, 0);
    const match = TERMINATOR.exec(range);
    if (match === null) break;
    i = base + match.index;
    const code = codeAt(text, i);
    let j = i + 1;
    while (j < end && TERMINATORS.has(codeAt(text, j))) j++;
    // A closing mark right after the terminator belongs to the sentence it ends.
    while (j < end && CLOSERS.has(codeAt(text, j))) j++;
    if (CJK_TERMINATORS.has(code)) {
      // CJK full stops need no following space.
      pushTrimmed(sentences, text, sentenceStart, j);
      sentenceStart = j;
      i = j;
      continue;
    }
    if (j < end && !isSpaceCode(codeAt(text, j))) {
      i = j;
      continue;
    }
    let k = j;
    while (k < end && isSpaceCode(codeAt(text, k))) k++;
    const singleDot = code === 46 && j === i + 1;
    const startsSentence = k >= end || isUpperOrDigitCode(codeAt(text, k)) || OPENERS.has(text[k]!);
    if (startsSentence && !(singleDot && isAbbreviation(wordBefore(text, i), text, k))) {
      pushTrimmed(sentences, text, sentenceStart, j);
      sentenceStart = k;
    }
    i = k > j ? k : j;
  }
  pushTrimmed(sentences, text, sentenceStart, end);
  return sentences;
}

/** Splits text into trimmed sentences. */
export function splitSentences(text: string): string[] {
  return sentenceRanges(text).map((s) => text.slice(s.start, s.end));
}
