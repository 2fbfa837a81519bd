import { formatDisplayDateTime } from "../dates.ts";

/** What decides whether a briefing is public. Pages, archive, tags, feeds and sitemap all ask this. */
export interface PublishState {
  draft: boolean;
  /** ISO 8601 with offset. */
  date: string;
}

export function isPublished(briefing: PublishState, now: Date): boolean {
  return !briefing.draft && Date.parse(briefing.date) <= now.getTime();
}

/** A briefing that is ready but dated in the future: it goes live at the first build after its date. */
export interface Scheduled {
  sourcePath: string;
  date: string;
}

/** Future-dated briefings that are not drafts, soonest first. */
export function scheduledBriefings(briefings: (PublishState & { sourcePath: string })[], now: Date): Scheduled[] {
  return briefings
    .filter((briefing) => !briefing.draft && Date.parse(briefing.date) > now.getTime())
    .map(({ sourcePath, date }) => ({ sourcePath, date }))
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
}

/** The build's line about them, or null when none waits. */
export function describeSchedule(scheduled: Scheduled[], timeZone: string, locale: string): string | null {
  const next = scheduled[0];
  if (!next) return null;
  const count = scheduled.length === 1 ? "1 briefing is" : `${scheduled.length} briefings are`;
  const when = formatDisplayDateTime(next.date, timeZone, locale);
  return `${count} scheduled; the next (${next.sourcePath}) is due ${when}: it goes live with the first build after that (README: "Scheduled briefings").`;
}
