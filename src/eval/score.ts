/**
 * Scores `analyze` against an annotated corpus.
 *
 * - Quote spans, `exact` matching (the project's corpora): a predicted quotation matches a gold one when
 *   their texts are equal after trimming whitespace, collapsing inner whitespace and dropping trailing
 *   punctuation (`,` `.` `;` `:` `!` `?` `…` dashes), which British and American styles place differently.
 *   Speakers: equal case-insensitively, ignoring a leading "the" ("the Kremlin" = "Kremlin"); null = null.
 * - `tokens` matching (the team's shared format, real news), as the team's scorer counts: a prediction
 *   matches a gold quotation when their word tokens reach F1 ≥ 0.8, one to one, best pairs first; a speaker
 *   is right when its last word is one of the gold `speaker_keys`, judged only where the article writes the
 *   speaker (a name or a description, not a pronoun).
 * - Precision/recall/F1 are micro-averaged. Found and attributed: matched quotations with the right speaker
 *   over all gold quotations (with `tokens`, over those with a written speaker).
 * - Scare quotes: gold non-quotations (scare quotes, names, titles) returned as quotations.
 * - Predictions matching no gold quotation, by what they are (`unmatched`): in an article whose annotation
 *   marks no quoted span at all (its quotations were not read: they cannot match), a gold non-quotation,
 *   in the article's first line (with `tokens`, the shared format's headline), sharing at least half of the
 *   words of a gold quotation or of theirs with one (a quotation split, joined or bounded otherwise, or
 *   repeated), or none of these (a quoted span the annotation leaves out). Precision, recall and F1 are given
 *   again over the annotated articles only (`annotated`); the team's scorer counts every article.
 * - Pull quote (`keyQuotes[0]`), per article showing one: right when its quotation matches a gold one (as above,
 *   or two adjacent gold spans of one quotation split by its attribution, joined) and its speaker is right
 *   by the same rule, a pronoun speaker ("he said") judged against the name coreference resolved it to;
 *   else "wrong speaker" (a speaker that cannot be judged counts as not right) or "not a quotation".
 *   Articles whose annotation marks no quoted span at all (no quotation, no non-quotation) are counted
 *   apart, as not judged: their quotations were not read.
 *   Coverage: the share of articles with a gold quotation whose speaker can be judged that show a right
 *   pull quote.
 * - Lede: exact match (after whitespace normalisation) and ROUGE-1 F1 against a gold `summary`.
 * - "In brief": the summary and key points together, ROUGE-1 F1 against a `reference` (human highlights),
 *   beside Lead-3 (the first three body sentences) on the same references, both tokenised as rouge-score does.
 */
import { TRAILING_PUNCTUATION } from "../extract/charsets.js";
import { analyze, sentenceRanges, toPlainDocument, type Analysis, type KeyQuote, type SourceFormat } from "../extract/index.js";
import { isByline } from "../extract/summary.js";
import type { CorpusCase, GoldQuote, Matching } from "./corpus.js";
import { rouge1, rougeScoreWords, tokenF1 } from "./rouge.js";

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  foundAndAttributed: number;
  scareQuoteFalsePositiveRate: number;
  ledeExactMatch: number;
  ledeRouge1: number;
  /** Mean ROUGE-1 F1 of summary + key points against the references, and of Lead-3. */
  briefRouge1: number;
  lead3Rouge1: number;
  /** Of the articles showing a pull quote, the share whose pull quote is right. */
  pullQuoteRight: number;
  /** Of the articles with a gold quotation whose speaker can be judged, the share showing a right pull quote. */
  pullQuoteCoverage: number;
  /** Span figures over the articles whose annotation marks a quoted span (recall is the same: the others have
   * no gold quotation). */
  annotated: { cases: number; predicted: number; precision: number; recall: number; f1: number };
  /** Predictions matching no gold quotation, by what they are (see the header). */
  unmatched: { unannotated: number; nonQuotation: number; firstLine: number; overlapping: number; elsewhere: number };
  pullQuotes: {
    shown: number;
    right: number;
    wrongSpeaker: number;
    notQuotation: number;
    /** Pull quotes shown in articles whose annotation marks no quoted span (not in `shown`). */
    unjudged: number;
    /** Articles with a gold quotation whose speaker can be judged, and those of them showing a right pull quote. */
    eligible: number;
    covered: number;
  };
  counts: {
    gold: number;
    predicted: number;
    matched: number;
    /** Matched quotations whose speaker was judged. */
    judged: number;
    scare: number;
    summaries: number;
    references: number;
  };
}

export interface CaseReport {
  id: string;
  missed: GoldQuote[];
  spurious: { text: string; speaker: string | null }[];
  wrongSpeaker: { text: string; expected: string | null; got: string | null }[];
  summary?: { expected: string; got: string };
  /** The pull quote shown, when it is not right. */
  pullQuote?: { text: string; speaker: string | null; verdict: Exclude<PullQuoteVerdict, "right">; expected?: string | null };
}

/** What the pull quote shown in an article is worth. */
export type PullQuoteVerdict = "right" | "wrong-speaker" | "not-a-quotation";

/** Text equality used for `exact` quote spans (see the header). */
export function normalizeQuoteText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim().replace(TRAILING_PUNCTUATION, "");
}

function normalizeSpeaker(speaker: string | null): string | null {
  return speaker === null ? null : speaker.normalize("NFC").toLowerCase().replace(/^the\s+/u, "").trim();
}

const QUOTE_TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const OTHER_APOSTROPHES = /[’‘`´]/gu;

/** Word tokens for `tokens` matching: NFKC, lower case, letters and digits with inner apostrophes. */
export function quoteTokens(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().replace(OTHER_APOSTROPHES, "'").match(QUOTE_TOKEN) ?? [];
}

/** A speaker word as the gold keys are written: lower case, no edge punctuation, no possessive `'s`. */
function speakerToken(word: string): string {
  return word.normalize("NFKC").toLowerCase().replace(OTHER_APOSTROPHES, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/'s$/u, "").replace(/'$/u, "");
}

function lastSpeakerToken(speaker: string | null): string | null {
  const words = (speaker ?? "").trim().split(/\s+/u).map(speakerToken).filter(Boolean);
  return words[words.length - 1] ?? null;
}

const MATCH_F1 = 0.8;

/** One-to-one pairs `[predicted, gold]`, best score first, none below `min`. */
function greedyPairs<P, G>(predicted: readonly P[], gold: readonly G[], score: (p: P, g: G) => number, min: number): [number, number][] {
  const scored: [number, number, number][] = [];
  predicted.forEach((p, i) => gold.forEach((g, j) => {
    const s = score(p, g);
    if (s >= min) scored.push([s, i, j]);
  }));
  scored.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of scored) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

/** How well a predicted text matches a gold one under the corpus's matching rule: at least `MATCH_F1` is a
 * match. */
function spanScore(predicted: string, gold: string, matching: Matching): number {
  if (matching === "tokens") return tokenF1(quoteTokens(predicted), quoteTokens(gold));
  return normalizeQuoteText(predicted) === normalizeQuoteText(gold) ? 1 : 0;
}

/** Judges a pull quote against an article's gold quotations: it is a quotation when it matches a gold one,
 * or two adjacent gold spans with the same speaker (one quotation split by its attribution) read as one; its
 * speaker is right when it is right for one of the gold quotations it matches (the same words are sometimes
 * annotated twice, as a whole and as part of a longer attribution). */
export function judgePullQuote(pull: KeyQuote, gold: readonly GoldQuote[], matching: Matching): { verdict: PullQuoteVerdict; gold?: GoldQuote } {
  const matched: { gold: GoldQuote; score: number }[] = [];
  gold.forEach((g, j) => {
    const next = gold[j + 1];
    const joined = next !== undefined && next.speaker === g.speaker ? spanScore(pull.text, `${g.text} ${next.text}`, matching) : 0;
    const score = Math.max(spanScore(pull.text, g.text, matching), joined);
    if (score >= MATCH_F1) matched.push({ gold: g, score });
  });
  if (matched.length === 0) return { verdict: "not-a-quotation" };
  const right = matched.find((m) => judgeSpeaker(pull.speaker, m.gold, matching, true) === true);
  if (right !== undefined) return { verdict: "right", gold: right.gold };
  return { verdict: "wrong-speaker", gold: matched.reduce((a, b) => (b.score > a.score ? b : a)).gold };
}

/** Pairs of predicted and gold quotations under the corpus's matching rule. */
function matchQuotes(predicted: Prediction["quotes"], gold: readonly GoldQuote[], matching: Matching): [number, number][] {
  if (matching === "tokens") {
    const p = predicted.map((q) => quoteTokens(q.text));
    const g = gold.map((q) => quoteTokens(q.text));
    return greedyPairs(p, g, tokenF1, MATCH_F1);
  }
  // Exact: each gold quotation, in order, takes the first unused prediction with the same text.
  const keys = predicted.map((q) => normalizeQuoteText(q.text));
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  gold.forEach((g, j) => {
    const key = normalizeQuoteText(g.text);
    const i = keys.findIndex((k, at) => !used.has(at) && k === key);
    if (i < 0) return;
    used.add(i);
    pairs.push([i, j]);
  });
  return pairs;
}

/** Whether the gold speaker is judged at all, and if so whether the prediction has it right. With
 * `resolved`, a pronoun speaker is judged too, against the name coreference resolved it to (as the team's
 * scorer does for its figure "incl. pronoun sources"). */
function judgeSpeaker(predicted: string | null, gold: GoldQuote, matching: Matching, resolved = false): boolean | null {
  if (matching === "exact") return normalizeSpeaker(predicted) === normalizeSpeaker(gold.speaker);
  const keys = gold.speakerKind === "name" || gold.speakerKind === "nominal" ? gold.speakerKeys
    : resolved && gold.speakerKind === "pronoun" && (gold.resolvedKeys ?? []).length > 0 ? gold.resolvedKeys : undefined;
  if (keys === undefined) return null;
  const last = lastSpeakerToken(predicted);
  return last !== null && keys.includes(last);
}

/** Whether a gold quotation counts in "found and attributed" (every one with `exact`). */
function hasWrittenSpeaker(gold: GoldQuote, matching: Matching): boolean {
  return matching === "exact" || gold.speakerKind === "name" || gold.speakerKind === "nominal";
}

/** Gold non-quotations returned as quotations (with `tokens`, by predictions matching no gold quotation,
 * as the team's scorer counts), and the unmatched predictions that are those non-quotations. */
function scareHits(predicted: Prediction["quotes"], matched: ReadonlySet<number>, nonQuotes: readonly string[], matching: Matching): { hits: number; taken: Set<number> } {
  const unmatched = predicted.flatMap((_, i) => (matched.has(i) ? [] : [i]));
  if (matching === "tokens") {
    const pairs = greedyPairs(unmatched.map((i) => quoteTokens(predicted[i]!.text)), nonQuotes.map(quoteTokens), tokenF1, MATCH_F1);
    return { hits: pairs.length, taken: new Set(pairs.map(([u]) => unmatched[u]!)) };
  }
  const keys = new Set(predicted.map((q) => normalizeQuoteText(q.text)));
  const nonQuoteKeys = new Set(nonQuotes.map(normalizeQuoteText));
  return {
    hits: nonQuotes.filter((n) => keys.has(normalizeQuoteText(n))).length,
    taken: new Set(unmatched.filter((i) => nonQuoteKeys.has(normalizeQuoteText(predicted[i]!.text)))),
  };
}

/** Whether two token lists share at least half of the shorter one's words (as bags), and two words at least
 * unless it has one. */
function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const shorter = Math.min(a.length, b.length);
  const shared = Math.round((tokenF1(a, b) * (a.length + b.length)) / 2); // F1 = 2 × shared / (|a| + |b|)
  return shared > 0 && shared * 2 >= shorter && (shared >= 2 || shorter === 1);
}

/** The article's first line, as offsets of its plain text: with `tokens`, the shared format's headline. */
function firstLineEnd(c: CorpusCase): number {
  return toPlainDocument(c.text, c.format).blocks[0]?.end ?? 0;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** What is scored of one case's analysis. */
export type Prediction = Pick<Analysis, "quotes" | "summary" | "keyPoints"> & Partial<Pick<Analysis, "keyQuotes">> & { lead3: string };

/** The first three sentences of the body (headings, bylines and datelines aside): the Lead-3 baseline. */
export function lead3(text: string, format: SourceFormat): string {
  const doc = toPlainDocument(text, format);
  const body = doc.blocks.filter((b) => b.kind !== "heading" && !isByline(doc.text.slice(b.start, b.end)));
  const sentences = body.flatMap((b) => sentenceRanges(doc.text, b.start, b.end)).slice(0, 3);
  return sentences.map((s) => doc.text.slice(s.start, s.end)).join("\n");
}

function predict(c: CorpusCase): Prediction {
  return { ...analyze(c.text, c.format), lead3: c.reference === undefined ? "" : lead3(c.text, c.format) };
}

/** Scores `analyze` on the corpus cases. */
export function evaluate(cases: readonly CorpusCase[], matching: Matching = "exact"): { metrics: Metrics; reports: CaseReport[] } {
  return scorePredictions(cases, cases.map(predict), matching);
}

/** Adds one article's predictions that match no gold quotation to `counts`, each under the first of the
 * header's kinds that fits. */
function countUnmatched(
  counts: Metrics["unmatched"], c: CorpusCase, predicted: Prediction["quotes"], matched: ReadonlySet<number>,
  nonQuotations: ReadonlySet<number>, annotated: boolean, matching: Matching,
): void {
  const rest = predicted.flatMap((q, i) => (matched.has(i) ? [] : [{ q, i }]));
  if (!annotated) {
    counts.unannotated += rest.length;
    return;
  }
  const lineEnd = matching === "tokens" && rest.length > 0 ? firstLineEnd(c) : 0;
  const gold = c.quotes.map((g) => quoteTokens(g.text));
  for (const { q, i } of rest) {
    const words = quoteTokens(q.text);
    if (nonQuotations.has(i)) counts.nonQuotation++;
    else if (q.start < lineEnd) counts.firstLine++;
    else if (gold.some((g) => overlaps(words, g))) counts.overlapping++;
    else counts.elsewhere++;
  }
}

/** Scores predictions (one per case, in order) against the cases' gold annotations. */
export function scorePredictions(
  cases: readonly CorpusCase[], predictions: readonly Prediction[], matching: Matching = "exact",
): { metrics: Metrics; reports: CaseReport[] } {
  let gold = 0, predicted = 0, matched = 0, judged = 0, speakerRight = 0, written = 0, scare = 0, scareFound = 0;
  let summaries = 0, exact = 0, rougeSum = 0, references = 0, briefSum = 0, lead3Sum = 0;
  const annotatedSpans = { cases: 0, predicted: 0 };
  const unmatched = { unannotated: 0, nonQuotation: 0, firstLine: 0, overlapping: 0, elsewhere: 0 };
  const pulls = { shown: 0, right: 0, wrongSpeaker: 0, notQuotation: 0, unjudged: 0, eligible: 0, covered: 0 };
  const reports: CaseReport[] = [];
  cases.forEach((c, index) => {
    const analysis = predictions[index] ?? { quotes: [], summary: "", keyPoints: [], lead3: "" };
    const report: CaseReport = { id: c.id, missed: [], spurious: [], wrongSpeaker: [] };
    const pairs = matchQuotes(analysis.quotes, c.quotes, matching);
    gold += c.quotes.length;
    predicted += analysis.quotes.length;
    matched += pairs.length;
    written += c.quotes.filter((g) => hasWrittenSpeaker(g, matching)).length;
    const matchedGold = new Set(pairs.map(([, j]) => j));
    const matchedPredicted = new Set(pairs.map(([i]) => i));
    for (const [i, j] of pairs) {
      const hit = analysis.quotes[i]!;
      const g = c.quotes[j]!;
      const right = judgeSpeaker(hit.speaker, g, matching);
      if (right === null) continue;
      judged++;
      if (right) speakerRight++;
      else report.wrongSpeaker.push({ text: g.text, expected: g.speaker, got: hit.speaker });
    }
    report.missed = c.quotes.filter((_, j) => !matchedGold.has(j));
    report.spurious = analysis.quotes.filter((_, i) => !matchedPredicted.has(i)).map(({ text, speaker }) => ({ text, speaker }));
    const eligible = c.quotes.some((g) => judgeSpeaker(null, g, matching, true) !== null);
    if (eligible) pulls.eligible++;
    const pull = analysis.keyQuotes?.[0];
    // An article whose annotation marks no quoted span at all, quotation or not, cannot judge a pull quote:
    // its quotations were not read (the PolNeAR New York Times articles type ''…'' for double marks, which
    // neither the corpus's preparation nor Dispatch reads; a single-quoted phrase inside them still is a quotation).
    const annotated = c.quotes.length > 0 || (c.nonQuotes ?? []).length > 0;
    if (pull !== undefined && !annotated) pulls.unjudged++;
    else if (pull !== undefined) {
      pulls.shown++;
      const judged = judgePullQuote(pull, c.quotes, matching);
      if (judged.verdict === "right") {
        pulls.right++;
        if (eligible) pulls.covered++;
      } else {
        if (judged.verdict === "wrong-speaker") pulls.wrongSpeaker++;
        else pulls.notQuotation++;
        report.pullQuote = { ...pull, verdict: judged.verdict, ...(judged.gold ? { expected: judged.gold.speaker } : {}) };
      }
    }
    scare += (c.nonQuotes ?? []).length;
    const scared = scareHits(analysis.quotes, matchedPredicted, c.nonQuotes ?? [], matching);
    scareFound += scared.hits;
    if (annotated) {
      annotatedSpans.cases++;
      annotatedSpans.predicted += analysis.quotes.length;
    }
    countUnmatched(unmatched, c, analysis.quotes, matchedPredicted, scared.taken, annotated, matching);
    if (c.summary !== undefined) {
      summaries++;
      const norm = (s: string): string => s.replace(/\s+/gu, " ").trim();
      if (norm(c.summary) === norm(analysis.summary)) exact++;
      else report.summary = { expected: c.summary, got: analysis.summary };
      rougeSum += rouge1(c.summary, analysis.summary);
    }
    if (c.reference !== undefined) {
      references++;
      briefSum += rouge1(c.reference, [analysis.summary, ...analysis.keyPoints].join("\n"), rougeScoreWords);
      lead3Sum += rouge1(c.reference, analysis.lead3, rougeScoreWords);
    }
    reports.push(report);
  });
  const precision = ratio(matched, predicted);
  const recall = ratio(matched, gold);
  const annotatedPrecision = ratio(matched, annotatedSpans.predicted);
  return {
    metrics: {
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      speakerAccuracy: ratio(speakerRight, judged),
      foundAndAttributed: ratio(speakerRight, written),
      scareQuoteFalsePositiveRate: scare === 0 ? 0 : scareFound / scare,
      ledeExactMatch: ratio(exact, summaries),
      ledeRouge1: summaries === 0 ? 1 : rougeSum / summaries,
      briefRouge1: references === 0 ? 0 : briefSum / references,
      lead3Rouge1: references === 0 ? 0 : lead3Sum / references,
      pullQuoteRight: ratio(pulls.right, pulls.shown),
      pullQuoteCoverage: ratio(pulls.covered, pulls.eligible),
      pullQuotes: pulls,
      annotated: {
        ...annotatedSpans,
        precision: annotatedPrecision,
        recall,
        f1: annotatedPrecision + recall === 0 ? 0 : (2 * annotatedPrecision * recall) / (annotatedPrecision + recall),
      },
      unmatched,
      counts: { gold, predicted, matched, judged, scare, summaries, references },
    },
    reports,
  };
}
