import { DateTime, IANAZone } from "luxon";

/** ISO 8601 with an offset, or a date alone. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const OFFSET = /([+-])(\d{2}):?(\d{2})$/;
/** Real UTC offsets run from -12:00 (Baker Island) to +14:00 (Kiribati); anything else is a typo. */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;
/** Four-digit years only: archive URLs are /archive/<yyyy>/, and year 0 is nobody's news. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The written offset, when it is one the world uses ("+25:00" and "+05:75" are not). */
function offsetIsReal(text: string): boolean {
  const offset = OFFSET.exec(text);
  if (!offset) return true; // "Z"
  const [, sign, hours, minutes] = offset;
  const total = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  return Number(minutes) < 60 && total >= MIN_OFFSET && total <= MAX_OFFSET;
}

function read(text: string, zone: string): DateTime | null {
  if (DATE_ONLY.test(text)) return DateTime.fromISO(text, { zone });
  if (WITH_OFFSET.test(text) && offsetIsReal(text)) return DateTime.fromISO(text.replace(" ", "T"), { setZone: true }).setZone(zone);
  return null;
}

/**
 * Reads a front-matter date. A date alone means midnight in the site's time zone;
 * a date-time must carry its offset so that no reader's machine can shift it.
 * Returns null when the value is not such a date (`dateProblem` words why).
 */
export function parseBriefingDate(value: string, zone: string): DateTime | null {
  const date = read(value.trim(), zone);
  return date?.isValid && date.year >= MIN_YEAR && date.year <= MAX_YEAR ? date : null;
}

/** Why `parseBriefingDate` refused a value, for the editor: after the field's name. */
export function dateProblem(value: string, zone: string): string {
  const text = value.trim();
  if (WITH_OFFSET.test(text) && !offsetIsReal(text)) {
    return `has the offset ${OFFSET.exec(text)![0]}, but offsets run from -12:00 to +14:00; write the time with its real offset, like 2026-01-06T09:30:00+01:00`;
  }
  const date = read(text, zone);
  if (date?.isValid) return `must be in the years ${MIN_YEAR} to ${MAX_YEAR} in the site's time zone`;
  return "must be a date like 2026-01-06 or 2026-01-06T09:30:00+01:00";
}

/** luxon's DATE_FULL and DATETIME_FULL (with a short zone name), as Intl options. */
const DISPLAY_FORMATS = {
  date: { year: "numeric", month: "long", day: "numeric" },
  dateTime: { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "numeric", timeZoneName: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * One Intl formatter per format, zone and language: pages show thousands of dates, and making a
 * formatter (or a luxon DateTime in a zone) for each costs far more than formatting with it.
 * Only the formatters are remembered, never a date's text.
 */
const formatters = new Map<string, (time: number) => string>();

/**
 * luxon takes "UTC" and "GMT" (any case) for a fixed offset, not a zone: it then formats in UTC
 * through formatToParts, which keeps the narrow no-break space before "AM" that format() turns
 * into a space, and names the zone "UTC". The same here, so dates read exactly as they did.
 */
const UNIVERSAL = /^(utc|gmt)$/i;

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

/** The instant an ISO 8601 date with an offset (as `toIso` writes) names. */
function instant(iso: string): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`dates: "${iso}" is not an ISO 8601 date with an offset`);
  return time;
}

/** "24 November 2026" in the site's language and time zone. */
export function formatDisplayDate(iso: string, zone: string, locale: string): string {
  return displayFormatter("date", zone, locale)(instant(iso));
}

/** "24 November 2026, 09:30 GMT": for the updated line, where the hour matters. */
export function formatDisplayDateTime(iso: string, zone: string, locale: string): string {
  return displayFormatter("dateTime", zone, locale)(instant(iso));
}

/** The machine-readable form used in <time datetime>, feeds and JSON-LD: offset kept. */
export function toIso(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true }) ?? "";
}
