import { DateTime } from "luxon";
import type { Briefing } from "../content/types.ts";
import { WEEKDAYS, type SiteSettings } from "../config/settings.ts";

/** One digest period: a week from the configured first day, or a calendar month, in the site's zone. */
export interface DigestPeriod {
  /** "2026-w02" (ISO week numbering) or "2026-01": the digest's folder and URL part. */
  key: string;
  start: DateTime;
  /** The period's last day (inclusive). */
  end: DateTime;
  /** Newest first. */
  briefings: Briefing[];
}

/**
 * The period a moment falls in. A week's key is the ISO week that holds its fourth day, so
 * that weeks starting on any weekday get distinct keys in ISO order (a Monday start gives the
 * ISO week itself).
 */
function periodOf(date: DateTime, settings: SiteSettings): Pick<DigestPeriod, "key" | "start" | "end"> {
  const { period, weekStartsOn } = settings.digest;
  if (period === "month") {
    const start = date.startOf("month");
    return { key: start.toFormat("yyyy-MM"), start, end: start.endOf("month").startOf("day") };
  }
  const firstDay = WEEKDAYS.indexOf(weekStartsOn) + 1;
  const start = date.startOf("day").minus({ days: (date.weekday - firstDay + 7) % 7 });
  const middle = start.plus({ days: 3 });
  return { key: `${middle.weekYear}-w${String(middle.weekNumber).padStart(2, "0")}`, start, end: start.plus({ days: 6 }) };
}

/** Published briefings (newest first) grouped into periods, newest period first. */
export function digestPeriods(newestFirst: readonly Briefing[], settings: SiteSettings): DigestPeriod[] {
  const periods = new Map<string, DigestPeriod>();
  for (const briefing of newestFirst) {
    const local = DateTime.fromISO(briefing.date, { setZone: true }).setZone(settings.timeZone);
    const found = periodOf(local, settings);
    const existing = periods.get(found.key) ?? { ...found, briefings: [] };
    existing.briefings.push(briefing);
    periods.set(found.key, existing);
  }
  return [...periods.values()].sort((a, b) => b.start.toMillis() - a.start.toMillis());
}
