/** Word-overlap F1: quotation matching and ROUGE-1 for the lede and key-point figures. */
import { n as rougeN } from "js-rouge";

/** F1 of the shared tokens of two token lists, as bags (each shared token counted as often as both have it). */
export function tokenF1(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const left = new Map<string, number>();
  for (const t of b) left.set(t, (left.get(t) ?? 0) + 1);
  let hits = 0;
  for (const t of a) {
    const n = left.get(t) ?? 0;
    if (n > 0) {
      hits++;
      left.set(t, n - 1);
    }
  }
  if (hits === 0) return 0;
  const p = hits / a.length;
  const r = hits / b.length;
  return (2 * p * r) / (p + r);
}

/** Words as ROUGE-1 counts them for the lede figure: lower-cased letter and digit runs, any script. */
const unicodeWords = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Words as Google's rouge-score counts them (lower case, runs of a–z and 0–9), so that "In brief" figures
 * compare with published ones. */
export const rougeScoreWords = (s: string): string[] => s.toLowerCase().replace(/[^a-z0-9]+/gu, " ").split(" ").filter(Boolean);

/** ROUGE-1 F1 of `candidate` against `reference` (js-rouge; two empty texts agree). */
export function rouge1(reference: string, candidate: string, words: (s: string) => string[] = unicodeWords): number {
  if (words(reference).length === 0 || words(candidate).length === 0) return words(reference).length === words(candidate).length ? 1 : 0;
  return rougeN(candidate, reference, { n: 1, caseSensitive: false, tokenizer: words });
}
