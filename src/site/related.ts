import type { Briefing, BriefingLink } from "../content/types.ts";
import { indexBy, tagKeys } from "./listings.ts";

/** How many related briefings a briefing page lists. */
export const RELATED_COUNT = 3;

export interface RelatedLink extends BriefingLink {
  date: string;
}

/**
 * For each briefing (by path), up to `count` others sharing at least one tag, newest first.
 * Built from an index by tag: each briefing looks at the first few entries of its own tags'
 * lists (already newest first), never at the whole archive, so the cost grows with the number
 * of briefings, not its square.
 */
export function relatedBriefings(briefings: Briefing[], count: number = RELATED_COUNT): Map<string, RelatedLink[]> {
  const byTag = indexBy(briefings, tagKeys);
  const order = new Map(briefings.map((briefing, index) => [briefing, index]));
  const related = new Map<string, RelatedLink[]>();
  for (const briefing of briefings) {
    const candidates = new Set<Briefing>();
    for (const slug of tagKeys(briefing)) {
      // The newest `count` others in this tag: the newest overall are among these.
      let taken = 0;
      for (const other of byTag.get(slug) ?? []) {
        if (taken === count) break;
        if (other === briefing) continue;
        candidates.add(other);
        taken += 1;
      }
    }
    const newest = [...candidates].sort((a, b) => order.get(a)! - order.get(b)!).slice(0, count);
    related.set(
      briefing.path,
      newest.map((other) => ({ title: other.title, path: other.path, date: other.date })),
    );
  }
  return related;
}
