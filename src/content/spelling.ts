/** Edit distance with an early exit: field names are short, so this stays cheap. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The known field an unknown one is probably a misspelling of, if any ("titel" → "title"). */
export function closestField(field: string, known: readonly string[]): string | null {
  const lower = field.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = field.length <= 4 ? 1 : 2;
  // Called for unknown fields only, so a distance of 0 is a difference of case ("Title").
  return bestDistance <= allowed ? best : null;
}
