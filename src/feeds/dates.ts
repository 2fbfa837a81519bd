import { calendarDate, isoWeekday, readWritten, toIso, zonedDay, type ZonedTime } from "../dates.ts";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function written(iso: string): ZonedTime {
  const date = readWritten(iso);
  if (!date) throw new Error(`feeds: "${iso}" is not an ISO 8601 date with an offset`);
  return date;
}

/** RFC 2822's "Tue, 06 Jan 2026 18:00:00 +0100", from the RFC 3339 text of the same moment. */
function rfc2822(date: ZonedTime, rfc3339: string): string {
  const day = zonedDay(date);
  const { year, month, day: dayOfMonth } = calendarDate(day);
  const minutes = Math.trunc(Math.abs(date.offset) / 60_000);
  const zone = `${date.offset < 0 ? "-" : "+"}${String(Math.trunc(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}`;
  return `${WEEKDAYS[isoWeekday(day) - 1]}, ${String(dayOfMonth).padStart(2, "0")} ${MONTHS[month - 1]} ${year} ${rfc3339.slice(11, 19)} ${zone}`;
}

/**
 * feed 6 writes dates with toISOString() (Atom, JSON Feed) and toUTCString() (RSS), which always
 * print UTC. This Date prints itself in the offset it was written with instead, so every feed
 * shows the briefing's own time ("2026-01-06T18:00:00+01:00", "Tue, 06 Jan 2026 18:00:00 +0100").
 * The instant (getTime) is unchanged, so comparisons still work.
 */
export class OffsetDate extends Date {
  readonly #rfc3339: string;
  readonly #rfc2822: string;

  constructor(iso: string) {
    const date = written(iso);
    super(date.time);
    this.#rfc3339 = toIso(date);
    this.#rfc2822 = rfc2822(date, this.#rfc3339);
  }

  /** RFC 3339 with the original offset ("Z" for a zero one), no milliseconds unless there are some. */
  override toISOString(): string {
    return this.#rfc3339;
  }

  /** RFC 822 (as RSS 2.0 asks) with the original offset. */
  override toUTCString(): string {
    return this.#rfc2822;
  }
}
