/** Binary search over sorted offsets, the one way the scanners find "the first … at or after". */

/** The first index in `[0, count)` for which `before(i)` is false, given that `before` is true for a
 * prefix of the indices and false after it (`count` when it is true for all). O(log count). */
export function firstNotBefore(count: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
