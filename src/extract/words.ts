/** Content words as small integers, for the key points' word counts. A word is what the regex
 * `[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*` (flag `u`) matches in the lower-cased text, stop words and single
 * letters excluded.
 * One scan per text reads code units through tables (no regex per word) and looks each word up in a hash
 * table by its code units: a string is made once per distinct word, not once per occurrence, which was
 * most of the key points' time. */
import { codeAt, isAsciiLetterOrDigit, unitTest } from "./chars.js";

const STOP_WORDS = (
  "a an the and or but of to in on at for from by with as is are was were be been being has have had it its " +
  "this that these those he she they we i you his her their our said says will would could should may might " +
  "not no also than then there which who whom what when where while after before over into about more most " +
  "such can do does did just only other some any all new one two up out so if"
).split(" ");

const STARTS_WORD = /^[\p{L}\p{N}]$/u;
const CONTINUES_WORD = /^[\p{L}\p{M}\p{N}'’-]$/u;
const isStartUnit = unitTest(STARTS_WORD);
const isContinueUnit = unitTest(CONTINUES_WORD);
// Per ASCII unit: whether it starts (and continues) a word, only continues one (' and -), or neither.
const NO_WORD = 0;
const STARTS = 1;
const CONTINUES = 2;
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) =>
  isAsciiLetterOrDigit(code) ? STARTS : code === 39 || code === 45 ? CONTINUES : NO_WORD);
/** Per ASCII unit: its lower case. */
const ASCII_LOWER = Uint8Array.from({ length: 128 }, (_, code) => (code >= 65 && code <= 90 ? code + 32 : code));
/** Units that `toLowerCase` leaves as they are, in any context (a surrogate half never: its pair may change). */
const isCaseless = unitTest((unit) => (codeAt(unit, 0) & 0xf800) !== 0xd800 && unit.toLowerCase() === unit);
const astralStarts = new Map<number, boolean>();
const astralContinues = new Map<number, boolean>();

function astralTest(pattern: RegExp, memo: Map<number, boolean>, codePoint: number): boolean {
  let yes = memo.get(codePoint);
  if (yes === undefined) memo.set(codePoint, (yes = pattern.test(String.fromCodePoint(codePoint))));
  return yes;
}

/** How many code units the word character at `i` takes (0: none there), as the `u` regex reads code points:
 * a surrogate pair is one code point, a lone surrogate matches no property class. */
function wordUnitsAt(text: string, i: number, end: number, start: boolean): number {
  const code = codeAt(text, i);
  if (code < 0xd800 || code > 0xdfff) return (start ? isStartUnit(code) : isContinueUnit(code)) ? 1 : 0;
  const next = i + 1 < end ? codeAt(text, i + 1) : 0;
  if (code > 0xdbff || next < 0xdc00 || next > 0xdfff) return 0;
  const codePoint = ((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
  return (start ? astralTest(STARTS_WORD, astralStarts, codePoint) : astralTest(CONTINUES_WORD, astralContinues, codePoint)) ? 2 : 0;
}

/** The content words of one document, each distinct word numbered in order of first appearance, and the
 * number of sentences that use each (see `tally`). The stop words come first (numbers below `stopCount`). */
export class ContentWords {
  /** The stop words alone (never scanned into): each instance starts as a copy of it. */
  // (While this one is made, the field is still undefined: it interns the stop words itself.)
  private static readonly stopWords: ContentWords | undefined = new ContentWords();

  /** Per word number: how many sentences `tally` counted it in. */
  readonly sentenceCounts: number[];
  private readonly lastCounted: number[];
  private readonly words: string[];
  private readonly hashes: number[];
  private readonly stopCount: number;
  /** Open addressing, two entries per slot: word number + 1 (0 for an empty slot), then the word's hash, so
   * that a probe reads no other array. */
  private slots: Int32Array;

  constructor() {
    const stop = ContentWords.stopWords;
    this.words = stop ? stop.words.slice() : [];
    this.hashes = stop ? stop.hashes.slice() : [];
    this.sentenceCounts = stop ? stop.sentenceCounts.slice() : [];
    this.lastCounted = stop ? stop.lastCounted.slice() : [];
    this.slots = stop ? stop.slots.slice() : new Int32Array(2 * 1024);
    if (!stop) for (const word of STOP_WORDS) this.intern(word, 0, word.length, hashOf(word, 0, word.length));
    this.stopCount = this.words.length;
  }

  /** The content words of `text[start, end)` (all of it by default), lower-cased, in order and with repeats. */
  of(text: string, start = 0, end = text.length): number[] {
    // Most sentences lower-case unit by unit (ASCII and caseless units): read them in place, lowering ASCII
    // as we go, instead of copying each into a lower-cased string; any other unit starts over on the copy.
    const inPlace = this.scan(text, start, end, true);
    if (inPlace) return inPlace;
    const lower = text.slice(start, end).toLowerCase(); // may be longer: "İ" becomes "i̇"
    return this.scan(lower, 0, lower.length, false)!;
  }

  /** The words of `text[from, end)`, read as lower-cased; with `inPlace`, null at a unit that `toLowerCase`
   * would change other than ASCII A–Z (then the text needs a real lower-casing). */
  private scan(text: string, from: number, end: number, inPlace: boolean): number[] | null {
    const out: number[] = [];
    let i = from;
    while (i < end) {
      let code = codeAt(text, i);
      let units = 1;
      // ASCII from tables (letters and digits start a word; they, ' and - continue it): most text is ASCII.
      if (code < 128) {
        if (ASCII_WORD[code] !== STARTS) {
          i++;
          continue;
        }
      } else {
        if (inPlace && !isCaseless(code)) return null;
        units = wordUnitsAt(text, i, end, true);
        if (units === 0) {
          i++;
          continue;
        }
      }
      const start = i;
      let hash = 0; // hashOf(the lower-cased word), computed on the way
      for (;;) {
        hash = (Math.imul(hash, 31) + lowerAscii(code)) | 0;
        if (units === 2) hash = (Math.imul(hash, 31) + codeAt(text, i + 1)) | 0;
        i += units;
        if (i >= end) break;
        code = codeAt(text, i);
        if (code < 128) {
          if (ASCII_WORD[code] === NO_WORD) break;
          units = 1;
        } else {
          if (inPlace && !isCaseless(code)) return null;
          units = wordUnitsAt(text, i, end, false);
          if (units === 0) break;
        }
      }
      if (i - start < 2) continue; // a single letter (one code unit)
      const id = this.intern(text, start, i, hash);
      if (id >= this.stopCount) out.push(id);
    }
    return out;
  }

  /** Counts the content words of `text[start, end)`, sentence number `sentence`, into `sentenceCounts` and returns them,
   * each once, in order of first use. */
  tally(text: string, sentence: number, start = 0, end = text.length): number[] {
    const distinct: number[] = [];
    for (const id of this.of(text, start, end)) {
      if (this.lastCounted[id] === sentence) continue; // repeated in this sentence
      this.lastCounted[id] = sentence;
      this.sentenceCounts[id]++;
      distinct.push(id);
    }
    return distinct;
  }

  /** The number of the word `text[start, end)` as lower-cased (ASCII or already lower-cased units), numbering it if new. */
  private intern(text: string, start: number, end: number, hash: number): number {
    const mask = (this.slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[2 * slot]!;
      if (entry === 0) break;
      if (this.slots[2 * slot + 1] === hash && sameUnits(this.words[entry - 1]!, text, start, end)) return entry - 1;
    }
    const id = this.words.length;
    this.words.push(text.slice(start, end).toLowerCase());
    this.hashes.push(hash);
    this.sentenceCounts.push(0);
    this.lastCounted.push(-1);
    if (4 * this.words.length > this.slots.length) this.rehash(2 * this.slots.length);
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = (this.slots.length >> 1) - 1;
    const hash = this.hashes[id]!;
    let slot = hash & mask;
    while (this.slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = hash;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let id = 0; id < this.words.length; id++) this.place(id);
  }
}

/** A–Z to a–z; any other unit as it is. */
function lowerAscii(code: number): number {
  return code < 128 ? ASCII_LOWER[code]! : code;
}

function hashOf(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + codeAt(text, i)) | 0;
  return hash;
}

/** Whether the lower-cased `word` is `text[start, end)`, read as lower-cased (see `intern`). */
function sameUnits(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (codeAt(word, i) !== lowerAscii(codeAt(text, start + i))) return false;
  return true;
}
