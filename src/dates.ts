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

/** "24 November 2026" in the site's language and time zone. */
export function formatDisplayDate(iso: string, zone: string, locale: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
}

/** "24 November 2026, 09:30 GMT": for the updated line, where the hour matters. */
export function formatDisplayDateTime(iso: string, zone: string, locale: string): string {
  return DateTime.fromISO(iso, { setZone: true })
    .setZone(zone)
    .setLocale(locale)
    .toLocaleString({ ...DateTime.DATETIME_FULL, timeZoneName: "short" });
}

/** The machine-readable form used in <time datetime>, feeds and JSON-LD: offset kept. */
export function toIso(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true }) ?? "";
}
