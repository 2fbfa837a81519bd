/** The evaluation harness behind `npm run eval`: scores `analyze` on annotated corpora (see score.ts for
 * what counts) as written and converted to single (British) quote marks. */
import { corpusPaths, loadCorpus } from "./corpus.js";
import { formatMetrics, formatReports } from "./report.js";
import { evaluate } from "./score.js";
import { toSingleMarkCase } from "./single-marks.js";

export { CorpusError, corpusPaths, loadCorpus, type Corpus, type CorpusCase, type GoldQuote, type Matching } from "./corpus.js";
export { evaluate, lead3, scorePredictions, normalizeQuoteText, quoteTokens, type CaseReport, type Metrics, type Prediction } from "./score.js";
export { toSingleMarkCase, toSingleMarks } from "./single-marks.js";
export { rouge1, tokenF1 } from "./rouge.js";

export interface EvalOptions {
  /** Print each case's misses (never for a held-out corpus, which stays blind). */
  verbose?: boolean;
  /** Score only the first `limit` cases. */
  limit?: number;
}

/** The report of one corpus file (either format), both quote styles. Throws CorpusError on a bad file. */
export function evalReport(path: string, options: EvalOptions = {}): string {
  const corpus = loadCorpus(path);
  const cases = options.limit === undefined ? corpus.cases : corpus.cases.slice(0, options.limit);
  const out: string[] = [];
  for (const [label, variant] of [
    ["Double quote marks (as written)", cases],
    ["Single quote marks (converted, British style)", cases.map(toSingleMarkCase)],
  ] as const) {
    const { metrics, reports } = evaluate(variant, corpus.matching);
    out.push(formatMetrics(`${corpus.name} — ${label}: ${variant.length} cases`, metrics, corpus.matching));
    if (options.verbose && !corpus.name.includes("heldout")) {
      const details = formatReports(reports);
      if (details !== "") out.push(details);
    }
  }
  return out.join("\n");
}

/** Reports for the given files, or for every corpus in test/fixtures/extract/. */
export function evalReports(paths: readonly string[], options: EvalOptions = {}): string[] {
  return (paths.length > 0 ? paths : corpusPaths()).map((path) => evalReport(path, options));
}
