/** Word-overlap F1: quotation matching and ROUGE-1 for the lede and key-point figures. */

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

/** ROUGE-1 F1 of `candidate` against `reference`: shared lower-cased words (two empty texts agree). */
export function rouge1(reference: string, candidate: string): number {
  const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const ref = words(reference);
  const cand = words(candidate);
  if (ref.length === 0 || cand.length === 0) return ref.length === cand.length ? 1 : 0;
  return tokenF1(cand, ref);
}
