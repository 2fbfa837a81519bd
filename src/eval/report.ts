/** The text `npm run eval` prints. */
import type { Matching } from "./corpus.js";
import type { CaseReport, Metrics } from "./score.js";

/** The figures of one corpus variant, a few lines under `label`. */
export function formatMetrics(label: string, m: Metrics, matching: Matching = "exact"): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  // A summaries corpus (references, no quotations annotated) has no quotation figures to show.
  const quotations = m.counts.gold > 0 || m.counts.scare > 0 || m.counts.references === 0;
  return [
    `${label}`,
    ...(quotations ? [
      `  quote spans     precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}` +
        `  (gold ${m.counts.gold}, predicted ${m.counts.predicted}, matched ${m.counts.matched})`,
      matching === "exact"
        ? `  speakers        accuracy on matched ${pct(m.speakerAccuracy)}; found and attributed ${pct(m.foundAndAttributed)} of all gold`
        : `  speakers        accuracy on matched ${pct(m.speakerAccuracy)} (${m.counts.judged} with a written speaker); ` +
          `found and attributed ${pct(m.foundAndAttributed)} of gold with a written speaker`,
      `  scare quotes    false-positive rate ${pct(m.scareQuoteFalsePositiveRate)} (${m.counts.scare} non-quotations)`,
      `  unmatched       ${m.counts.predicted - m.counts.matched} predictions: ${m.unmatched.unannotated} in articles with no quoted span ` +
        `annotated, ${m.unmatched.nonQuotation} gold non-quotations, ` +
        (matching === "tokens" ? `${m.unmatched.firstLine} in the first line (headline), ` : "") +
        `${m.unmatched.overlapping} sharing words with a gold quotation (split, joined or repeated), ${m.unmatched.elsewhere} elsewhere`,
      `  annotated only  precision ${m.annotated.precision.toFixed(3)}  recall ${m.annotated.recall.toFixed(3)}  F1 ${m.annotated.f1.toFixed(3)}` +
        `  (${m.annotated.cases} articles marking a quoted span, predicted ${m.annotated.predicted})`,
      ...(matching === "tokens" ? [
        `  pull quote      right ${pct(m.pullQuoteRight)} of ${m.pullQuotes.shown} articles showing one ` +
          `(wrong speaker ${m.pullQuotes.wrongSpeaker}, not a quotation ${m.pullQuotes.notQuotation}; ` +
          `${m.pullQuotes.unjudged} more in articles with no quoted span annotated, not judged); ` +
          `coverage ${pct(m.pullQuoteCoverage)} of ${m.pullQuotes.eligible} articles with an attributed gold quotation`,
      ] : []),
    ] : []),
    ...(m.counts.summaries === 0 ? [] : [
      `  lede            exact match ${pct(m.ledeExactMatch)}  ROUGE-1 F1 ${m.ledeRouge1.toFixed(3)} (${m.counts.summaries} gold ledes)`,
    ]),
    ...(m.counts.references === 0 ? [] : [
      `  in brief        ROUGE-1 F1 ${(100 * m.briefRouge1).toFixed(1)} (summary + key points); Lead-3 ${(100 * m.lead3Rouge1).toFixed(1)} ` +
        `(${m.counts.references} references)`,
    ]),
  ].join("\n");
}

/** Per-case misses, spurious quotations, wrong speakers and ledes, for tuning on development data. */
export function formatReports(reports: readonly CaseReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const lines: string[] = [];
    for (const q of r.missed) lines.push(`  missed   ${JSON.stringify(q.text)} (${q.speaker})`);
    for (const q of r.spurious) lines.push(`  spurious ${JSON.stringify(q.text)} (${q.speaker})`);
    for (const w of r.wrongSpeaker) lines.push(`  speaker  ${JSON.stringify(w.text)}: expected ${w.expected}, got ${w.got}`);
    if (r.pullQuote) {
      const { text, speaker, verdict, expected } = r.pullQuote;
      lines.push(`  pull     ${JSON.stringify(text)} — ${speaker}: ${verdict === "wrong-speaker" ? `wrong speaker, expected ${expected}` : "not a quotation"}`);
    }
    if (r.summary) lines.push(`  lede     expected ${JSON.stringify(r.summary.expected)}\n           got      ${JSON.stringify(r.summary.got)}`);
    if (lines.length > 0) out.push(`${r.id}\n${lines.join("\n")}`);
  }
  return out.join("\n");
}
