/**
 * Quote and summary evaluation on the hand-annotated corpora in test/fixtures/extract/ (`corpus.json` and
 * every `articles-*.json`), or on one given file.
 *
 *   npm run eval [-- --verbose] [-- path/to/corpus.json]
 *
 * What counts:
 * - Quote spans: a predicted quotation matches a gold one when their texts are equal after trimming
 *   whitespace, collapsing inner whitespace and dropping trailing punctuation (`,` `.` `;` `:` `!` `?` `…` dashes),
 *   the punctuation British and American styles place differently. Micro-averaged precision/recall/F1.
 * - Speaker accuracy: over matched quotations, the speaker equals the gold one case-insensitively,
 *   ignoring a leading "the" ("the Kremlin" = "Kremlin"); null must match null.
 * - Found and attributed: matched quotations with the right speaker / all gold quotations.
 * - Scare-quote false-positive rate: gold non-quotations (scare quotes, names, titles) returned as quotations.
 * - Summary: exact lede match (after whitespace normalisation) and ROUGE-1 F1 over lower-cased words.
 * Every figure is computed for the corpus as written (double marks) and converted to single (British) marks.
 */
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyze } from "../extract/index.js";
import { TRAILING_PUNCTUATION } from "../extract/charsets.js";
import type { SourceFormat } from "../extract/index.js";

export interface GoldQuote {
  text: string;
  speaker: string | null;
}

export interface CorpusCase {
  id: string;
  format: SourceFormat;
  text: string;
  quotes: GoldQuote[];
  nonQuotes?: string[];
  summary?: string;
}

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  foundAndAttributed: number;
  scareQuoteFalsePositiveRate: number;
  ledeExactMatch: number;
  ledeRouge1: number;
  counts: { gold: number; predicted: number; matched: number; scare: number; summaries: number };
}

export interface CaseReport {
  id: string;
  missed: GoldQuote[];
  spurious: GoldQuote[];
  wrongSpeaker: { text: string; expected: string | null; got: string | null }[];
  summary?: { expected: string; got: string };
}

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/extract/", import.meta.url));
const DEFAULT_CORPUS = join(FIXTURES, "corpus.json");
const CORPUS_FILE = /^(?:corpus|articles-[\w-]+)\.json$/u;

/** Every corpus in test/fixtures/extract/: corpus.json and articles-*.json, sorted by name. */
export function corpusPaths(dir = FIXTURES): string[] {
  return readdirSync(dir).filter((name) => CORPUS_FILE.test(name)).sort().map((name) => join(dir, name));
}

export function loadCorpus(path = DEFAULT_CORPUS): CorpusCase[] {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as { cases: CorpusCase[] };
  return parsed.cases;
}

/** Text equality used for quote spans (see the header). */
export function normalizeQuoteText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim().replace(TRAILING_PUNCTUATION, "");
}

function normalizeSpeaker(speaker: string | null): string | null {
  return speaker === null ? null : speaker.normalize("NFC").toLowerCase().replace(/^the\s+/u, "").trim();
}

const DOUBLE_TO_SINGLE: Readonly<Record<string, string>> = { '"': "'", "“": "‘", "”": "’" };
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Converts double quote marks to single ones and inner single quote marks to double, character for
 * character (offsets are kept). A single mark opens when it follows a non-letter and precedes a letter
 * (not `'90s`, `'n'`); its closer is a closing-looking single mark before the next opener (see below), or
 * none when the quotation runs on into the next paragraph. German „…“ and other marks are left alone. */
export function toSingleMarks(text: string): string {
  if (text.includes("„")) return text;
  const out = text.split("");
  const isOpener = (i: number): boolean =>
    (out[i] === "'" || out[i] === "‘") && !WORD_CHAR.test(out[i - 1] ?? " ") && WORD_CHAR.test(out[i + 1] ?? " ") &&
    !/^(?:\d\d|n['’])/u.test(text.slice(i + 1, i + 3));
  const isCloser = (i: number): boolean =>
    (out[i] === "'" || out[i] === "’") && !/\s/u.test(out[i - 1] ?? " ") && !WORD_CHAR.test(out[i + 1] ?? " ") &&
    !(out[i - 1] === "n" && /['‘’]/u.test(out[i - 2] ?? ""));
  const swaps: [number, string][] = [];
  const toDouble = (i: number): void => void swaps.push([i, out[i] === "'" ? '"' : out[i] === "‘" ? "“" : "”"]);
  for (let i = 0; i < out.length; i++) {
    if (!isOpener(i)) continue;
    // Prefer a closer next to punctuation, then one not after -s (a plural possessive), then the last one.
    let strong = -1;
    let weak = -1;
    let last = -1;
    let j = i + 1;
    for (; j < out.length && out[j] !== "\n" && !isOpener(j); j++) {
      if (!isCloser(j)) continue;
      last = j;
      if (strong < 0 && (/\p{P}/u.test(out[j - 1]!) || /\p{P}/u.test(out[j + 1] ?? "."))) strong = j;
      if (weak < 0 && out[j - 1] !== "s") weak = j;
    }
    const closer = strong >= 0 ? strong : weak >= 0 ? weak : last;
    if (closer >= 0) {
      toDouble(i);
      toDouble(closer);
      i = closer;
    } else if (out[j] === "\n" && /^\n+['‘]/u.test(text.slice(j, j + 4))) {
      toDouble(i); // a quotation continued in the next paragraph
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = DOUBLE_TO_SINGLE[out[i]!] ?? out[i]!;
  for (const [i, mark] of swaps) out[i] = mark;
  return out.join("");
}

/** The same case with single (British) marks: gold spans keep their offsets. */
export function toSingleMarkCase(c: CorpusCase): CorpusCase {
  const text = toSingleMarks(c.text);
  const convertSpan = (span: string): string => {
    const at = c.text.indexOf(span);
    return at < 0 ? toSingleMarks(span) : text.slice(at, at + span.length);
  };
  return {
    ...c,
    text,
    quotes: c.quotes.map((q) => ({ ...q, text: convertSpan(q.text) })),
    nonQuotes: c.nonQuotes?.map(convertSpan),
    summary: c.summary === undefined ? undefined : toSingleMarks(c.summary),
  };
}

function rouge1(reference: string, candidate: string): number {
  const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const ref = words(reference);
  const cand = words(candidate);
  if (ref.length === 0 || cand.length === 0) return ref.length === cand.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const w of ref) counts.set(w, (counts.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of cand) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(w, left - 1);
    }
  }
  const p = overlap / cand.length;
  const r = overlap / ref.length;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Scores `analyze` on the corpus cases. */
export function evaluate(cases: readonly CorpusCase[]): { metrics: Metrics; reports: CaseReport[] } {
  let gold = 0, predicted = 0, matched = 0, speakerRight = 0, scare = 0, scareHits = 0;
  let summaries = 0, exact = 0, rougeSum = 0;
  const reports: CaseReport[] = [];
  for (const c of cases) {
    const analysis = analyze(c.text, c.format);
    const report: CaseReport = { id: c.id, missed: [], spurious: [], wrongSpeaker: [] };
    const remaining = analysis.quotes.map((q) => ({ ...q, key: normalizeQuoteText(q.text) }));
    gold += c.quotes.length;
    predicted += remaining.length;
    for (const g of c.quotes) {
      const at = remaining.findIndex((q) => q.key === normalizeQuoteText(g.text));
      if (at < 0) {
        report.missed.push(g);
        continue;
      }
      const [hit] = remaining.splice(at, 1);
      matched++;
      if (normalizeSpeaker(hit!.speaker) === normalizeSpeaker(g.speaker)) speakerRight++;
      else report.wrongSpeaker.push({ text: g.text, expected: g.speaker, got: hit!.speaker });
    }
    report.spurious = remaining.map((q) => ({ text: q.text, speaker: q.speaker }));
    const predictedKeys = new Set(analysis.quotes.map((q) => normalizeQuoteText(q.text)));
    for (const n of c.nonQuotes ?? []) {
      scare++;
      if (predictedKeys.has(normalizeQuoteText(n))) scareHits++;
    }
    if (c.summary !== undefined) {
      summaries++;
      const norm = (s: string): string => s.replace(/\s+/gu, " ").trim();
      if (norm(c.summary) === norm(analysis.summary)) exact++;
      else report.summary = { expected: c.summary, got: analysis.summary };
      rougeSum += rouge1(c.summary, analysis.summary);
    }
    reports.push(report);
  }
  const precision = ratio(matched, predicted);
  const recall = ratio(matched, gold);
  return {
    metrics: {
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      speakerAccuracy: ratio(speakerRight, matched),
      foundAndAttributed: ratio(speakerRight, gold),
      scareQuoteFalsePositiveRate: scare === 0 ? 0 : scareHits / scare,
      ledeExactMatch: ratio(exact, summaries),
      ledeRouge1: summaries === 0 ? 1 : rougeSum / summaries,
      counts: { gold, predicted, matched, scare, summaries },
    },
    reports,
  };
}

function formatMetrics(label: string, m: Metrics): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  return [
    `${label}`,
    `  quote spans     precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}` +
      `  (gold ${m.counts.gold}, predicted ${m.counts.predicted}, matched ${m.counts.matched})`,
    `  speakers        accuracy on matched ${pct(m.speakerAccuracy)}; found and attributed ${pct(m.foundAndAttributed)} of all gold`,
    `  scare quotes    false-positive rate ${pct(m.scareQuoteFalsePositiveRate)} (${m.counts.scare} non-quotations)`,
    `  lede            exact match ${pct(m.ledeExactMatch)}  ROUGE-1 F1 ${m.ledeRouge1.toFixed(3)} (${m.counts.summaries} gold ledes)`,
  ].join("\n");
}

function printReports(reports: readonly CaseReport[]): void {
  for (const r of reports) {
    const lines: string[] = [];
    for (const q of r.missed) lines.push(`  missed   ${JSON.stringify(q.text)} (${q.speaker})`);
    for (const q of r.spurious) lines.push(`  spurious ${JSON.stringify(q.text)} (${q.speaker})`);
    for (const w of r.wrongSpeaker) lines.push(`  speaker  ${JSON.stringify(w.text)}: expected ${w.expected}, got ${w.got}`);
    if (r.summary) lines.push(`  lede     expected ${JSON.stringify(r.summary.expected)}\n           got      ${JSON.stringify(r.summary.got)}`);
    if (lines.length > 0) console.log(`${r.id}\n${lines.join("\n")}`);
  }
}

function evaluateFile(path: string, verbose: boolean): void {
  const cases = loadCorpus(path);
  for (const [label, variant] of [
    ["Double quote marks (as written)", cases],
    ["Single quote marks (converted, British style)", cases.map(toSingleMarkCase)],
  ] as const) {
    const { metrics, reports } = evaluate(variant);
    console.log(formatMetrics(`${basename(path)} — ${label}: ${variant.length} cases`, metrics));
    // A held-out set stays blind: its per-case reports are never printed.
    if (verbose && !basename(path).includes("heldout")) printReports(reports);
  }
}

function main(args: string[]): void {
  const verbose = args.includes("--verbose");
  const path = args.find((a) => !a.startsWith("--"));
  for (const file of path === undefined ? corpusPaths() : [path]) evaluateFile(file, verbose);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
