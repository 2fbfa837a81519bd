/** Sentence splitting that survives abbreviations, initials, decimals, ellipses and closing quotes. */
import type { Sentence } from "./types.js";

const TERMINATORS = new Set([...".!?…。！？"]);
const TERMINATOR_CODES = new Set([...TERMINATORS].map((c) => c.charCodeAt(0)));
// CJK full stops need no following space.
const CJK_TERMINATORS = new Set([..."。！？"]);
// A closing mark right after the terminator belongs to the sentence it ends.
const CLOSERS = new Set([..."\"'”’»›」』)]"]);

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

const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER_OR_DIGIT = /[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;
const OPENERS = new Set([..."\"'“‘„‚«‹「『([¿¡"]);
const WHITESPACE = /\s/u;
const ABBREVIATION_LOOKBACK = 24;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && WHITESPACE.test(ch);
}

/** The word (letters and inner dots) ending just before `dot`, lower-cased. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  const limit = Math.max(0, dot - ABBREVIATION_LOOKBACK);
  while (i > limit && (WORD_CHAR.test(text[i - 1]!) || (text[i - 1] === "." && WORD_CHAR.test(text[i - 2] ?? "")))) i--;
  return text.slice(i, dot).toLowerCase();
}

function wordAt(text: string, start: number): string {
  let i = start;
  while (i < text.length && i - start < ABBREVIATION_LOOKBACK && WORD_CHAR.test(text[i]!)) i++;
  return text.slice(start, i).toLowerCase();
}

/** Whether a single `.` after `word` is part of an abbreviation rather than a full stop. */
function isAbbreviation(word: string, text: string, next: number): boolean {
  if (word === "") return false;
  if (TITLE_ABBREVIATIONS.has(word)) return true;
  const nextChar = text[next] ?? "";
  if (NUMBER_ABBREVIATIONS.has(word) && /\d/.test(nextChar)) return true;
  // Initials (`J. K. Rowling`) and dotted acronyms (`U.K.`, `p.m.`): only a clear sentence opener ends them.
  const segments = word.split(".");
  if (segments.every((s) => [...s].length === 1)) {
    return segments.length === 1 || !SENTENCE_STARTERS.has(wordAt(text, next));
  }
  return false;
}

/** Sentences of `text[start, end)` as trimmed ranges, in order. */
export function sentenceRanges(text: string, start = 0, end = text.length): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (from: number, to: number): void => {
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
    if (to > from) sentences.push({ start: from, end: to });
  };
  let sentenceStart = start;
  let i = start;
  while (i < end) {
    if (!TERMINATOR_CODES.has(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const ch = text[i]!;
    let j = i + 1;
    while (j < end && TERMINATORS.has(text[j]!)) j++;
    while (j < end && CLOSERS.has(text[j]!)) j++;
    if (CJK_TERMINATORS.has(ch)) {
      push(sentenceStart, j);
      sentenceStart = j;
      i = j;
      continue;
    }
    if (j < end && !isSpace(text[j])) {
      i = j;
      continue;
    }
    let k = j;
    while (k < end && isSpace(text[k])) k++;
    const nextChar = text[k];
    const singleDot = ch === "." && j === i + 1;
    const startsSentence = k >= end || UPPER_OR_DIGIT.test(nextChar!) || OPENERS.has(nextChar!);
    if (startsSentence && !(singleDot && isAbbreviation(wordBefore(text, i), text, k))) {
      push(sentenceStart, j);
      sentenceStart = k;
    }
    i = k > j ? k : j;
  }
  push(sentenceStart, end);
  return sentences;
}

/** Splits text into trimmed sentences. */
export function splitSentences(text: string): string[] {
  return sentenceRanges(text).map((s) => text.slice(s.start, s.end));
}
