import type { Briefing } from "../content/types.ts";
import { WEEKDAYS, type SiteSettings } from "../config/settings.ts";
import { calendarDate, dayNumber, isoWeek, isoWeekday, localDay } from "../dates.ts";

/** One digest period: a week from the configured first day, or a calendar month, in the site's zone. */
export interface DigestPeriod {
  /** "2026-w02" (ISO week numbering) or "2026-01": the digest's folder and URL part. */
  key: string;
  /** The period's first and last day (inclusive), as day numbers in the site's zone (see dates.ts). */
  start: number;
  end: number;
  /** Newest first. */
  briefings: Briefing[];
}

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * The period a day falls in. A week's key is the ISO week that holds its fourth day, so
 * that weeks starting on any weekday get distinct keys in ISO order (a Monday start gives the
 * ISO week itself).
 */
function periodOf(day: number, settings: SiteSettings): Pick<DigestPeriod, "key" | "start" | "end"> {
  const { period, weekStartsOn } = settings.digest;
  if (period === "month") {
    const { year, month } = calendarDate(day);
    const next = month === 12 ? dayNumber(year + 1, 1, 1) : dayNumber(year, month + 1, 1);
    return { key: `${year}-${pad(month)}`, start: dayNumber(year, month, 1), end: next - 1 };
  }
  const firstDay = WEEKDAYS.indexOf(weekStartsOn) + 1;
  const start = day - ((isoWeekday(day) - firstDay + 7) % 7);
  const { weekYear, week } = isoWeek(start + 3);
  return { key: `${weekYear}-w${pad(week)}`, start, end: start + 6 };
}

/** Published briefings (newest first) grouped into periods, newest period first. */
export function digestPeriods(newestFirst: readonly Briefing[], settings: SiteSettings): DigestPeriod[] {
  const periods = new Map<string, DigestPeriod>();
  for (const briefing of newestFirst) {
    const found = periodOf(localDay(briefing.date, settings.timeZone), settings);
    const existing = periods.get(found.key) ?? { ...found, briefings: [] };
    existing.briefings.push(briefing);
    periods.set(found.key, existing);
  }
  return [...periods.values()].sort((a, b) => b.start - a.start);
}
