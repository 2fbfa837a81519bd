import { DateTime } from "luxon";

/**
 * Dates in the site's time zone, and the calendar arithmetic that digests and the archive do on
 * them. A date is read once (an instant plus the zone's offset there); calendar work is integer
 * arithmetic on day numbers; Intl, one cached formatter per zone, is the only source of zone
 * offsets (it carries the time-zone database). A build reads thousands of dates: a luxon DateTime
 * per date and step asked Intl for the offset again at every step, and dominated the profile.
 */

/** ISO 8601 with an offset, or a date alone. */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|([+-]\d{2}):?(\d{2}))$/;
/** luxon read at most 30 digits of a second and refused longer fractions: so does this. */
const MAX_FRACTION = 30;
const OFFSET = /([+-])(\d{2}):?(\d{2})$/;
/** Real UTC offsets run from -12:00 (Baker Island) to +14:00 (Kiribati); anything else is a typo. */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;
/** Four-digit years only: archive URLs are /archive/<yyyy>/, and year 0 is nobody's news. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// Calendar arithmetic: a day is its number of days since 1970-01-01 (proleptic Gregorian, as Intl).

export interface CalendarDate {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31. */
  day: number;
}

/** The day number of a date (month 13 is January of the next year). Exact for every year, unlike Date.UTC below 100. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The date of a day number. */
export function calendarDate(days: number): CalendarDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1 };
}

function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
}

/** 1 (Monday) to 7 (Sunday); 1970-01-01 was a Thursday. */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** The ISO 8601 week: weeks from Monday, numbered in the year that holds their Thursday. */
export function isoWeek(days: number): { weekYear: number; week: number } {
  const thursday = days - isoWeekday(days) + 4;
  const weekYear = calendarDate(thursday).year;
  return { weekYear, week: Math.floor((thursday - dayNumber(weekYear, 1, 1)) / 7) + 1 };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** "2026-01-06". */
export function isoDate(days: number): string {
  const { year, month, day } = calendarDate(days);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// Zones: one Intl formatter per zone reads the wall clock at an instant; the offset follows.

/**
 * luxon takes "UTC" and "GMT" (any case) for a fixed offset, not a zone: it writes "Z" rather than
 * "+00:00" in ISO dates, and formats display dates in UTC through formatToParts, which keeps the
 * narrow no-break space before "AM" that format() turns into a space, and names the zone "UTC".
 * The same here, so dates read exactly as they did.
 */
const UNIVERSAL = /^(utc|gmt)$/i;

interface Zone {
  /** The zone's offset from UTC at an instant, in milliseconds (whole seconds: old local mean times had odd ones). */
  offset(time: number): number;
  /** A fixed zero offset: "Z" in ISO dates. */
  universal: boolean;
}

/** en-US with era and a 24-hour clock: "12/31/2025 AD, 23:30:00". */
const WALL_CLOCK = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;
const zones = new Map<string, Zone>();
/** Offsets remembered per zone (a few per briefing), so a long dev session stays small. */
const REMEMBERED_OFFSETS = 100_000;

function zoneOf(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    if (UNIVERSAL.test(name)) {
      zone = { offset: () => 0, universal: true };
    } else {
      const format = new Intl.DateTimeFormat("en-US", {
        timeZone: name,
        hourCycle: "h23",
        era: "short",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
      const read = (time: number): number => {
        const text = format.format(time);
        const parts = WALL_CLOCK.exec(text);
        if (!parts) throw new Error(`dates: unexpected wall clock "${text}" from Intl for ${name}`);
        const year = Number(parts[3]);
        const date = dayNumber(parts[4] === "BC" ? 1 - year : year, Number(parts[1]), Number(parts[2]));
        const wallClock = date * DAY + Number(parts[5]) * HOUR + Number(parts[6]) * MINUTE + Number(parts[7]) * 1000;
        // Intl shows whole seconds: compare with the instant's own whole second.
        return wallClock - (time - (((time % 1000) + 1000) % 1000));
      };
      // A briefing's instant is asked for again by the digests and the archive, and a date alone
      // shares its neighbours' probes a day away: remembered, each costs a look-up, not an Intl call.
      const known = new Map<number, number>();
      zone = {
        universal: false,
        offset(time) {
          let offset = known.get(time);
          if (offset === undefined) {
            offset = read(time);
            if (known.size >= REMEMBERED_OFFSETS) known.clear();
            known.set(time, offset);
          }
          return offset;
        },
      };
    }
    zones.set(name, zone);
  }
  return zone;
}

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name }).format();
    return true;
  } catch {
    return false;
  }
}

/** An instant as the site's zone sees it. */
export interface ZonedTime {
  /** Milliseconds since 1970-01-01T00:00Z. */
  time: number;
  /** The zone's offset from UTC at that instant, in milliseconds. */
  offset: number;
  /**
   * A fixed offset rather than a zone's: a written one, or a "UTC"/"GMT" setting. ISO text then
   * says "Z" for a zero offset, as luxon wrote it; a zone such as Europe/London says "+00:00".
   */
  fixed: boolean;
}

/** An instant in a zone. */
export function zonedTime(time: number, zone: string): ZonedTime {
  const { offset, universal } = zoneOf(zone);
  return { time, offset: offset(time), fixed: universal };
}

/**
 * The instant a wall-clock time (milliseconds since 1970 as if at UTC) names in a zone. One that
 * happens twice (clocks going back) is the first of the two; one that never happens (clocks going
 * forward) moves on by the gap, 02:30 becoming 03:30 when 02:00 jumps to 03:00, as with luxon.
 * The zone's offsets a day either side give the candidates.
 */
function fromWallClock(wallClock: number, name: string): ZonedTime {
  const zone = zoneOf(name);
  const before = zone.offset(wallClock - DAY);
  const after = zone.offset(wallClock + DAY);
  for (const offset of before === after ? [before] : [Math.max(before, after), Math.min(before, after)]) {
    const time = wallClock - offset;
    if (zone.offset(time) === offset) return { time, offset, fixed: zone.universal };
  }
  return zonedTime(wallClock - before, name);
}

/** The day number of a ZonedTime in its zone (or offset). */
export function zonedDay(zoned: ZonedTime): number {
  return Math.floor((zoned.time + zoned.offset) / DAY);
}

/** A day's first instant in a zone (01:00 where midnight was skipped). */
export function startOfDay(days: number, zone: string): ZonedTime {
  return fromWallClock(days * DAY, zone);
}

/** Minutes written as ISO 8601 writes an offset; "Z" for a fixed zero. */
function offsetText(offset: number, fixed: boolean): string {
  if (fixed && offset === 0) return "Z";
  const minutes = Math.abs(offset / MINUTE);
  return `${offset < 0 ? "-" : "+"}${pad(Math.trunc(minutes / 60))}:${pad(Math.trunc(minutes % 60))}`;
}

/** The machine-readable form used in <time datetime>, feeds and JSON-LD: offset kept, milliseconds only when there are some. */
export function toIso({ time, offset, fixed }: ZonedTime): string {
  const wallClock = time + offset;
  const days = Math.floor(wallClock / DAY);
  const ms = wallClock - days * DAY;
  const clock = `${pad(Math.floor(ms / HOUR))}:${pad(Math.floor((ms % HOUR) / MINUTE))}:${pad(Math.floor((ms % MINUTE) / 1000))}`;
  return `${isoDate(days)}T${clock}${ms % 1000 ? `.${pad(ms % 1000, 3)}` : ""}${offsetText(offset, fixed)}`;
}

/** The written offset, when it is one the world uses ("+25:00" and "+05:75" are not). */
function offsetIsReal(text: string): boolean {
  const offset = OFFSET.exec(text);
  if (!offset) return true; // "Z"
  const [, sign, hours, minutes] = offset;
  const total = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  return Number(minutes) < 60 && total >= MIN_OFFSET && total <= MAX_OFFSET;
}

/** A date's wall clock, when its fields name a real one (24:00 is the next midnight, as ISO 8601 allows). */
function wallClockOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (minute > 59 || second > 59 || (hour > 23 && !(hour === 24 && minute === 0 && second === 0 && ms === 0))) return null;
  return dayNumber(year, month, day) * DAY + hour * HOUR + minute * MINUTE + second * 1000 + ms;
}

/** An ISO 8601 date-time with its offset (2026-01-06T09:30:00+01:00), in that offset; null if it names no real time. */
export function readWritten(text: string): ZonedTime | null {
  const parts = WITH_OFFSET.exec(text);
  if (!parts) return null;
  const [, year, month, day, hour, minute, second, fraction, offsetHours, offsetMinutes] = parts;
  if (fraction && fraction.length > MAX_FRACTION) return null;
  const ms = fraction === undefined ? 0 : Math.floor(parseFloat(`0.${fraction}`) * 1000);
  const wallClock = wallClockOf(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second ?? 0), ms);
  if (wallClock === null) return null;
  // "-00:30" is half an hour behind: the sign rules the minutes too.
  const offset = offsetHours === undefined ? 0 : (offsetHours.startsWith("-") ? -1 : 1) * (Math.abs(Number(offsetHours)) * 60 + Number(offsetMinutes));
  return { time: wallClock - offset * MINUTE, offset: offset * MINUTE, fixed: true };
}

function read(text: string, zone: string): ZonedTime | null {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const wallClock = wallClockOf(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
    return wallClock === null ? null : fromWallClock(wallClock, zone);
  }
  if (!WITH_OFFSET.test(text) || !offsetIsReal(text)) return null;
  const written = readWritten(text);
  return written && zonedTime(written.time, zone);
}

/**
 * Reads a front-matter date. A date alone means midnight in the site's time zone;
 * a date-time must carry its offset so that no reader's machine can shift it.
 * Returns null when the value is not such a date (`dateProblem` words why).
 */
export function parseBriefingDate(value: string, zone: string): ZonedTime | null {
  const date = read(value.trim(), zone);
  if (!date) return null;
  const { year } = calendarDate(zonedDay(date));
  return year >= MIN_YEAR && year <= MAX_YEAR ? date : null;
}

/** Why `parseBriefingDate` refused a value, for the editor: after the field's name. */
export function dateProblem(value: string, zone: string): string {
  const text = value.trim();
  if (WITH_OFFSET.test(text) && !offsetIsReal(text)) {
    return `has the offset ${OFFSET.exec(text)![0]}, but offsets run from -12:00 to +14:00; write the time with its real offset, like 2026-01-06T09:30:00+01:00`;
  }
  if (read(text, zone)) return `must be in the years ${MIN_YEAR} to ${MAX_YEAR} in the site's time zone`;
  return "must be a date like 2026-01-06 or 2026-01-06T09:30:00+01:00";
}

/** The instant an ISO 8601 date with an offset (as `toIso` writes) names. */
function instant(iso: string): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`dates: "${iso}" is not an ISO 8601 date with an offset`);
  return time;
}

/** The day (in the site's zone) of an ISO 8601 date with an offset: what digests and the archive group by. */
export function localDay(iso: string, zone: string): number {
  const time = instant(iso);
  return Math.floor((time + zoneOf(zone).offset(time)) / DAY);
}

/** luxon's DATE_FULL and DATETIME_FULL (with a short zone name), and a month's name with its year, as Intl options. */
const DISPLAY_FORMATS = {
  date: { year: "numeric", month: "long", day: "numeric" },
  dateTime: { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "numeric", timeZoneName: "short" },
  month: { month: "long", year: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * One Intl formatter per format, zone and language: pages show thousands of dates, and making a
 * formatter (or a luxon DateTime in a zone) for each costs far more than formatting with it.
 * Only the formatters are remembered, never a date's text.
 */
const formatters = new Map<string, (time: number) => string>();

function displayFormatter(kind: keyof typeof DISPLAY_FORMATS, zone: string, locale: string): (time: number) => string {
  const key = `${kind}\0${zone}\0${locale}`;
  let format = formatters.get(key);
  if (!format) {
    const universal = UNIVERSAL.test(zone);
    const intl = new Intl.DateTimeFormat(locale, { ...DISPLAY_FORMATS[kind], timeZone: universal ? "UTC" : zone });
    format = universal
      ? (time) => intl.formatToParts(time).map((part) => (part.type === "timeZoneName" ? "UTC" : part.value)).join("")
      : (time) => intl.format(time);
    formatters.set(key, format);
  }
  return format;
}

/** "24 November 2026" in the site's language and time zone. */
export function formatDisplayDate(iso: string, zone: string, locale: string): string {
  return displayFormatter("date", zone, locale)(instant(iso));
}

/** "24 November 2026, 09:30 GMT": for the updated line, where the hour matters. */
export function formatDisplayDateTime(iso: string, zone: string, locale: string): string {
  return displayFormatter("dateTime", zone, locale)(instant(iso));
}

/** A day in the site's zone, "24 November 2026", or its month, "November 2026", in the site's language. */
export function formatDay(days: number, kind: "date" | "month", zone: string, locale: string): string {
  return displayFormatter(kind, zone, locale)(startOfDay(days, zone).time);
}

/**
 * luxon's `toFormat` of a day ("yyyy", "MM", "LLLL yyyy"), as the archive's labels and paths have
 * always been written: in the language's own digits and standalone month names. Once per year or
 * month of the archive, not per briefing, so luxon stays for it.
 */
export function formatArchiveDay(days: number, pattern: string, locale: string): string {
  return DateTime.fromObject(calendarDate(days), { zone: "UTC", locale }).toFormat(pattern);
}
