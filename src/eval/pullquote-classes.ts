/**
 * Precision of every pull-quote candidate by class (`npm run eval -- --pull-quote-classes`): not only the
 * pull quote shown (`keyQuotes[0]`) but every quotation that may be one (split ones joined) and those the
 * rules turn away, each judged as the pull quote is (`judgePullQuote`), in the articles whose annotation marks
 * a quoted span. A corpus part has far more candidates than articles, so a class of quotations that is less
 * often right than the rest shows up here long before it shows in the pull quote figure.
 */
import { analyze } from "../extract/index.js";
import { asPullQuote, describedSource, pullQuoteCandidates, type PullQuoteCandidate } from "../extract/keyquotes.js";
import { countWords } from "../extract/reading.js";
import type { CorpusCase, Matching } from "./corpus.js";
import { judgePullQuote, type PullQuoteVerdict } from "./score.js";

/** The dimensions a candidate is classed by; `rule` covers every candidate, the others those that qualify. */
export const CLASS_DIMENSIONS = ["rule", "attribution", "speaker", "lead-in", "words", "paragraph", "speaker named", "shown"] as const;
export type ClassDimension = (typeof CLASS_DIMENSIONS)[number];

export interface ClassCount {
  candidates: number;
  right: number;
  wrongSpeaker: number;
  notQuotation: number;
}

/** Counts by dimension, then by class, in the order classes were first met. */
export type ClassTable = Map<ClassDimension, Map<string, ClassCount>>;

/** What the speaker credited is, as printed under a pull quote. */
function speakerForm(speaker: string | null): string {
  if (speaker === null) return "none";
  const described = describedSource(speaker);
  if (described !== null) return `${described} (${described === "unnamed" ? "a, one, …" : "the, her, …"})`;
  const words = speaker.split(/\s+/u).length;
  return words === 1 ? "one word" : words === 2 ? "name, two words" : "name, three words or more";
}

/** What comes right before the quotation's opening mark in its paragraph. */
function leadIn(candidate: PullQuoteCandidate, plainText: string): string {
  const paragraphStart = plainText.lastIndexOf("\n", candidate.start - 1) + 1;
  const before = plainText.slice(Math.max(paragraphStart, candidate.start - 40), candidate.start).replace(/[\s"'“‘„«‹「『]+$/u, "");
  if (before === "" || /[.!?…)]$/u.test(before)) return "opens a sentence";
  if (/\bthat,?$/iu.test(before)) return "“that”";
  if (/:$/u.test(before)) return "colon";
  if (/,$/u.test(before)) return "comma";
  if (/[—–-]$/u.test(before)) return "dash";
  return "a word";
}

function wordsClass(words: number): string {
  return words < 6 ? "1–5" : words < 10 ? "6–9" : words < 20 ? "10–19" : words <= 35 ? "20–35" : words <= 60 ? "36–60" : "61 or more";
}

/** The paragraph the quotation is in, counted from 1 (the shared format's headline is the first). */
function paragraphClass(index: number): string {
  return index === 0 ? "first" : index < 4 ? "2–4" : index < 9 ? "5–9" : "10 or later";
}

/** Where the speaker as printed is first written: before this quotation's paragraph, in it, or not at all. */
function speakerNamed(speaker: string | null, paragraphStart: number, plainText: string): string {
  if (speaker === null) return "no speaker";
  const first = plainText.indexOf(speaker);
  return first < 0 ? "not written so" : first < paragraphStart ? "before its paragraph" : "in its paragraph";
}

function add(table: ClassTable, dimension: ClassDimension, label: string, verdict: PullQuoteVerdict): void {
  let classes = table.get(dimension);
  if (classes === undefined) table.set(dimension, (classes = new Map()));
  let count = classes.get(label);
  if (count === undefined) classes.set(label, (count = { candidates: 0, right: 0, wrongSpeaker: 0, notQuotation: 0 }));
  count.candidates++;
  if (verdict === "right") count.right++;
  else if (verdict === "wrong-speaker") count.wrongSpeaker++;
  else count.notQuotation++;
}

/** Every candidate of the cases whose annotation marks a quoted span, judged and counted by class. */
export function pullQuoteClasses(cases: readonly CorpusCase[], matching: Matching): ClassTable {
  const table: ClassTable = new Map(CLASS_DIMENSIONS.map((d) => [d, new Map()]));
  for (const c of cases) {
    if (c.quotes.length === 0 && (c.nonQuotes ?? []).length === 0) continue; // not annotated: cannot judge
    const analysis = analyze(c.text, c.format);
    const text = analysis.plainText;
    const shown = analysis.keyQuotes[0];
    let paragraph = 0;
    let scanned = 0;
    for (const candidate of pullQuoteCandidates(analysis.quotes, text)) {
      const pull = { text: asPullQuote(candidate.text), speaker: candidate.speaker };
      const { verdict } = judgePullQuote(pull, c.quotes, matching);
      add(table, "rule", candidate.rejected === null ? "qualifies" : `turned away: ${candidate.rejected}`, verdict);
      // Paragraphs (lines that are not blank) are counted as the candidates go: the text is read once.
      for (; scanned < candidate.start; scanned++) if (text[scanned] === "\n" && text[scanned + 1] !== "\n") paragraph++;
      const start = text.lastIndexOf("\n", candidate.start - 1) + 1;
      if (candidate.rejected !== null) continue;
      add(table, "attribution", candidate.attribution, verdict);
      add(table, "speaker", speakerForm(candidate.speaker), verdict);
      add(table, "lead-in", leadIn(candidate, text), verdict);
      add(table, "words", wordsClass(countWords(candidate.text)), verdict);
      add(table, "paragraph", paragraphClass(paragraph), verdict);
      add(table, "speaker named", speakerNamed(candidate.speaker, start, text), verdict);
      add(table, "shown", shown !== undefined && shown.text === pull.text && shown.speaker === pull.speaker ? "pull quote" : "ranked after it", verdict);
    }
  }
  return table;
}

/** The table as `npm run eval` prints it: one block per dimension, the classes largest first. */
export function formatPullQuoteClasses(table: ClassTable): string {
  const lines = ["  pull quote candidates by class (precision = judged right as a pull quote; every candidate under \"rule\", those that qualify under the rest):"];
  for (const [dimension, classes] of table) {
    lines.push(`    ${dimension}`);
    for (const [label, n] of [...classes].sort((a, b) => b[1].candidates - a[1].candidates || a[0].localeCompare(b[0]))) {
      const precision = ((100 * n.right) / n.candidates).toFixed(1);
      lines.push(`      ${label.padEnd(34)} ${String(n.candidates).padStart(5)}  right ${precision.padStart(5)}%  (wrong speaker ${n.wrongSpeaker}, not a quotation ${n.notQuotation})`);
    }
  }
  return lines.join("\n");
}
