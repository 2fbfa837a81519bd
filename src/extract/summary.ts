/** The lede and the "In brief" key points, both extractive. */
import { firstNotBefore } from "./bisect.js";
import { OPENING_QUOTE_MARKS, charClass, endsSentence } from "./charsets.js";
import { hasWords } from "./reading.js";
import type { Block, PlainDocument, Sentence } from "./types.js";
import { ContentWords } from "./words.js";

const LEDE_MAX_CHARS = 300;
const KEY_POINT_MAX_CHARS = 200;
const KEY_POINT_HARD_MAX_CHARS = 260;
const KEY_POINT_MIN_WORDS = 5;
const MIN_KEY_POINTS = 3;
const MAX_KEY_POINTS = 5;
const MAX_KEY_POINT_SENTENCES = 2_000;
const BYLINE_MAX_WORDS = 8;
const OPENING_QUOTE = new RegExp(`^[${charClass(OPENING_QUOTE_MARKS)}]`, "u");

export interface Lede {
  text: string;
  /** The sentences the lede was taken from (empty when there is no body text). */
  sentences: Sentence[];
}

/** A short block with no full sentence: a byline ("By Jane Doe"), a dateline ("LONDON —"), a caption. */
export function isByline(text: string): boolean {
  return !endsSentence(text) && !hasWords(text, BYLINE_MAX_WORDS + 1);
}

/** Sentences of one block (binary search: sentences are sorted and never cross blocks). */
function sentencesIn(sentences: readonly Sentence[], block: Block): Sentence[] {
  const lo = firstNotBefore(sentences.length, (i) => sentences[i]!.start < block.start);
  let end = lo;
  while (end < sentences.length && sentences[end]!.end <= block.end) end++;
  return sentences.slice(lo, end);
}

/** The first body paragraph: not a heading, byline, dateline or caption. */
function firstBodyBlock(doc: PlainDocument): Block | undefined {
  const isBody = (b: Block): boolean => b.kind !== "heading" && !isByline(doc.text.slice(b.start, b.end));
  return doc.blocks.find((b) => b.kind === "paragraph" && isBody(b)) ?? doc.blocks.find(isBody) ?? doc.blocks[0];
}

/** Cuts at the last word boundary that fits, ending with "…". */
export function truncateAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = text.slice(0, maxChars - 1);
  const lastSpace = room.search(/\s\S*$/u);
  const cut = (lastSpace > 0 ? room.slice(0, lastSpace) : room).replace(/[\s,;:—–-]+$/u, "");
  return `${cut}…`;
}

/** The first one or two sentences of the first body paragraph, at most about 300 characters. */
export function lede(doc: PlainDocument, sentences: readonly Sentence[]): Lede {
  const block = firstBodyBlock(doc);
  if (!block) return { text: "", sentences: [] };
  const [first, second] = sentencesIn(sentences, block);
  if (!first) return { text: "", sentences: [] };
  const firstText = doc.text.slice(first.start, first.end);
  if (firstText.length > LEDE_MAX_CHARS) return { text: truncateAtWord(firstText, LEDE_MAX_CHARS), sentences: [first] };
  if (second && second.end - first.start <= LEDE_MAX_CHARS) {
    return { text: doc.text.slice(first.start, second.end), sentences: [first, second] };
  }
  return { text: firstText, sentences: [first] };
}

/** Shared words relative to the smaller of two sets of distinct words. */
function overlap(words: readonly number[], other: ReadonlySet<number>): number {
  if (words.length === 0 || other.size === 0) return 0;
  let shared = 0;
  for (const w of words) if (other.has(w)) shared++;
  return shared / Math.min(words.length, other.size);
}

interface KeyPointCandidate {
  sentence: Sentence;
  text: string;
  /** Distinct content words (their numbers in the document's `ContentWords`). */
  words: number[];
  firstInSection: boolean;
  /** Body sentences before it, the lede's included. */
  position: number;
}

const NEAR_DUPLICATE = 0.6;
/** Position prior 1 / (1 + k / POSITION_SCALE) for the k-th body sentence: news puts what matters first. */
const POSITION_SCALE = 4;
/** Weight of the position prior against salience (scaled to at most 1); chosen on the PolNeAR train
 * articles' headlines, development data only. */
const POSITION_WEIGHT = 2;
const SECTION_BONUS = 2;
/** First words that point back to the sentence before ("It", "This", "But", "He said"): such a sentence
 * does not stand alone in a list of points. */
const REFERS_BACK: ReadonlySet<string> = new Set([
  "it", "its", "this", "that", "these", "those", "he", "she", "they", "his", "her", "their", "him", "them",
  "but", "and", "or", "so", "yet", "also", "however", "instead", "such", "then", "thus", "nor", "still",
  "both", "there", "here", "meanwhile", "moreover", "furthermore", "nevertheless", "otherwise",
]);
const FIRST_WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’]*/u;
/** Nouns that sum up what was just said ("shell nouns"): "The significant statement was made on Tuesday",
 * "The move comes after…" name nothing a reader of the point alone would know. */
const SHELL_NOUNS: ReadonlySet<string> = new Set([
  "statement", "statements", "announcement", "move", "decision", "remarks", "remark", "comments", "comment", "news",
  "step", "development", "claim", "claims", "declaration", "pledge", "promise", "warning", "incident", "episode",
  "measure", "measures", "proposal", "plan", "idea", "offer", "request", "demand", "threat", "gesture",
]);
/** After a shell noun, words that say which one it is ("The decision to…", "The statement by…"): then the
 * sentence stands alone. */
const DEFINING: ReadonlySet<string> = new Set([
  "of", "to", "by", "that", "from", "on", "in", "for", "with", "about", "between", "which", "who", "at", "against", "over",
]);
function refersBack(text: string): boolean {
  const word = FIRST_WORD.exec(text)?.[0].toLowerCase();
  if (word !== undefined && REFERS_BACK.has(word)) return true;
  // "The (up to two lower-case words) shell-noun" not followed by what defines it.
  if (!text.startsWith("The")) return false; // as words[0] !== "The" below, without splitting every sentence
  const words = text.split(/\s+/u, 5);
  if (words[0] !== "The") return false;
  for (let i = 1; i <= 3 && i < words.length; i++) {
    const bare = words[i]!.replace(/[,;:]$/u, "");
    if (!/^\p{Ll}[\p{L}-]*$/u.test(bare)) return false;
    if (SHELL_NOUNS.has(bare)) return !DEFINING.has((words[i + 1] ?? "").toLowerCase());
  }
  return false;
}

/** 3–5 whole sentences for an "In brief" box, in article order, none repeating the lede: a position prior
 * (news puts what matters first) plus salience (centrality: how much a sentence shares the article's most
 * used words, as LexRank measures it, but against the article's word counts instead of every other
 * sentence, which keeps it linear), the first sentence of each section first, sentences that refer back
 * ("It", "But", "He") left out. */
export function keyPoints(doc: PlainDocument, sentences: readonly Sentence[], ledeSentences: readonly Sentence[] = []): string[] {
  const contentWords = new ContentWords();
  const candidates: KeyPointCandidate[] = [];
  const lede = new Set(contentWords.of(ledeSentences.map((s) => doc.text.slice(s.start, s.end)).join(" ")));
  const ledeStarts = new Set(ledeSentences.map((s) => s.start));
  let section = 0;
  let sectionOpen = true;
  let seen = 0;
  for (const block of doc.blocks) {
    // An "In brief" box draws on the article's opening stretch; the cap bounds the work on huge inputs.
    if (seen > MAX_KEY_POINT_SENTENCES) break;
    const blockText = doc.text.slice(block.start, block.end);
    if (block.kind === "heading") {
      section++;
      sectionOpen = true;
      continue;
    }
    if (isByline(blockText)) continue;
    for (const sentence of sentencesIn(sentences, block)) {
      const position = seen++;
      const text = doc.text.slice(sentence.start, sentence.end);
      const words = contentWords.tally(doc.text, seen, sentence.start, sentence.end);
      if (ledeStarts.has(sentence.start)) {
        sectionOpen = false;
        continue;
      }
      const usable = endsSentence(text) && !text.endsWith(":") && text.length <= KEY_POINT_HARD_MAX_CHARS &&
        hasWords(text, KEY_POINT_MIN_WORDS) && !refersBack(text);
      if (usable) candidates.push({ sentence, text, words, firstInSection: sectionOpen, position });
      sectionOpen = false;
    }
  }
  const centrality = candidates.map((c) => {
    let shared = 0;
    for (const w of c.words) shared += contentWords.sentenceCounts[w]! - 1;
    return shared / Math.sqrt(c.words.length + 1);
  });
  const most = centrality.reduce((a, b) => Math.max(a, b), 1e-9);

  const ranked = candidates.map((c, index) => {
    const score = centrality[index]! / most +
      POSITION_WEIGHT / (1 + c.position / POSITION_SCALE) +
      (c.firstInSection && section > 0 ? SECTION_BONUS : 0) -
      (OPENING_QUOTE.test(c.text) ? 1 : 0) -
      (c.text.length > KEY_POINT_MAX_CHARS ? 1 : 0);
    return { candidate: c, score };
  });
  // Three points, or one for each section that opens with a usable sentence (up to five).
  const sectionsOpened = section > 0 ? candidates.filter((c) => c.firstInSection).length : 0;
  const target = Math.min(MAX_KEY_POINTS, Math.max(MIN_KEY_POINTS, sectionsOpened));
  const chosen: { candidate: KeyPointCandidate; words: Set<number> }[] = [];
  for (const { candidate: c } of ranked.sort((a, b) => b.score - a.score || a.candidate.sentence.start - b.candidate.sentence.start)) {
    if (chosen.length >= target) break;
    if (overlap(c.words, lede) >= NEAR_DUPLICATE || chosen.some((k) => overlap(c.words, k.words) >= NEAR_DUPLICATE)) continue;
    chosen.push({ candidate: c, words: new Set(c.words) });
  }
  return chosen.map((k) => k.candidate).sort((a, b) => a.sentence.start - b.sentence.start).map((c) => c.text);
}

/** The lede of a document (see `lede`). */
export function summarize(doc: PlainDocument, sentences: readonly Sentence[]): string {
  return lede(doc, sentences).text;
}
