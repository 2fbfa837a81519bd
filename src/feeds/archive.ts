import type { Briefing } from "../content/types.ts";

/** Where archive document `n` lives (1 is the oldest). */
export function archivePath(page: number): string {
  return `/feeds/archive/${page}.xml`;
}

/** One archive document of RFC 5005 ("Feed Paging and Archiving", section 4). */
export interface ArchivePage {
  page: number;
  /** Oldest first, as they were published. */
  briefings: Briefing[];
  prevPath: string | null;
  nextPath: string | null;
}

/**
 * Splits the briefings older than the subscription feed into archive documents of `pageSize`
 * items, counted from the oldest, so that a full document never changes again: a new briefing
 * only ever changes the newest one. The newest document may repeat items the subscription
 * feed also carries (readers de-duplicate by id); every briefing is in one or the other.
 */
export function archivePages(newestFirst: readonly Briefing[], feedItems: number, pageSize: number): ArchivePage[] {
  const oldestFirst = [...newestFirst].reverse();
  const archived = Math.max(0, oldestFirst.length - feedItems);
  const count = Math.ceil(archived / pageSize);
  return Array.from({ length: count }, (_, index) => {
    const page = index + 1;
    return {
      page,
      briefings: oldestFirst.slice(index * pageSize, page * pageSize),
      prevPath: page > 1 ? archivePath(page - 1) : null,
      nextPath: page < count ? archivePath(page + 1) : null,
    };
  });
}
