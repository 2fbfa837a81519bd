/** The evaluation harness behind `npm run eval`: scores `analyze` on annotated corpora (see score.ts for
 * what counts) as written and converted to single (British) quote marks. */
import { corpusPaths, loadCorpus } from "./corpus.js";
import { formatMetrics, formatReports } from "./report.js";
import { selectPart, type Part } from "./parts.js";
import { formatPullQuoteClasses, pullQuoteClasses } from "./pullquote-classes.js";
import { evaluate } from "./score.js";
import { toSingleMarkCase } from "./single-marks.js";

export { CorpusError, corpusPaths, loadCorpus, type Corpus, type CorpusCase, type GoldQuote, type Matching } from "./corpus.js";
export { PARTS, selectPart, type Part } from "./parts.js";
export { evaluate, judgePullQuote, lead3, scorePredictions, normalizeQuoteText, quoteTokens, type CaseReport, type Metrics, type Prediction, type PullQuoteVerdict } from "./score.js";
export { toSingleMarkCase, toSingleMarks, toSingleMarksAsTheTeam } from "./single-marks.js";
export { rouge1, tokenF1 } from "./rouge.js";
export { CLASS_DIMENSIONS, formatPullQuoteClasses, pullQuoteClasses, type ClassCount, type ClassDimension, type ClassTable } from "./pullquote-classes.js";

export interface EvalOptions {
  /** Print each case's misses (never for a held-out corpus or the check part, which stay blind). */
  verbose?: boolean;
  /** Score only the first `limit` cases (of the part, with `part`). */
  limit?: number;
  /** Score only one part of the corpus: "dev" (rules are tuned there) or "check" (only measured). */
  part?: Part;
  /** Print the precision of every pull-quote candidate by class (like `verbose`, never for a held-out corpus
   * or the check part). */
  pullQuoteClasses?: boolean;
}

/** The report of one corpus file (either format), both quote styles. Throws CorpusError on a bad file. */
export function evalReport(path: string, options: EvalOptions = {}): string {
  const corpus = loadCorpus(path);
  const part = options.part === undefined ? corpus.cases : selectPart(corpus.cases, options.part);
  const cases = options.limit === undefined ? part : part.slice(0, options.limit);
  const name = options.part === undefined ? corpus.name : `${corpus.name} (${options.part} part)`;
  const out: string[] = [];
  for (const [label, variant] of [
    ["Double quote marks (as written)", cases],
    ["Single quote marks (converted, British style)", cases.map((c) => toSingleMarkCase(c, corpus.matching))],
  ] as const) {
    const { metrics, reports } = evaluate(variant, corpus.matching);
    out.push(formatMetrics(`${name} — ${label}: ${variant.length} cases`, metrics, corpus.matching));
    const blind = corpus.name.includes("heldout") || options.part === "check";
    if (options.pullQuoteClasses && !blind) out.push(formatPullQuoteClasses(pullQuoteClasses(variant, corpus.matching)));
    if (options.verbose && !blind) {
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
