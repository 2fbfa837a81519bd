/** What decides whether a briefing is public. Pages, archive, tags, feeds and sitemap all ask this. */
export interface PublishState {
  draft: boolean;
  /** ISO 8601 with offset. */
  date: string;
}

export function isPublished(briefing: PublishState, now: Date): boolean {
  return !briefing.draft && Date.parse(briefing.date) <= now.getTime();
}
