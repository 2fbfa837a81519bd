import { DateTime, IANAZone } from "luxon";

/** ISO 8601 with an offset, or a date alone. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Reads a front-matter date. A date alone means midnight in the site's time zone;
 * a date-time must carry its offset so that no reader's machine can shift it.
 * Returns null when the value is not such a date (the caller words the error).
 */
export function parseBriefingDate(value: string, zone: string): DateTime | null {
  const text = value.trim();
  if (DATE_ONLY.test(text)) {
    const date = DateTime.fromISO(text, { zone });
    return date.isValid ? date : null;
  }
  if (WITH_OFFSET.test(text)) {
    const date = DateTime.fromISO(text.replace(" ", "T"), { setZone: true });
    return date.isValid ? date.setZone(zone) : null;
  }
  return null;
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
