import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDisplayDate, formatDisplayDateTime, parseBriefingDate, toIso } from "../../src/dates.ts";

describe("parseBriefingDate", () => {
  it("reads a date alone as midnight in the site's time zone", () => {
    const date = parseBriefingDate("2026-01-06", "Europe/Paris");
    expect(date && toIso(date)).toBe("2026-01-06T00:00:00+01:00");
  });

  it("keeps the instant of a date-time with an offset and shows it in the site's zone", () => {
    const date = parseBriefingDate("2026-07-01T23:30:00-04:00", "Europe/London");
    expect(date && toIso(date)).toBe("2026-07-02T04:30:00+01:00");
  });

  it("accepts Z and a space between date and time", () => {
    expect(toIso(parseBriefingDate("2026-03-29 00:30Z", "UTC")!)).toBe("2026-03-29T00:30:00Z");
  });

  it.each(["next tuesday", "2026-02-30", "2026-13-01", "2026-01-06T09:30:00", "06/01/2026", ""])("rejects %j", (value) => {
    expect(parseBriefingDate(value, "UTC")).toBeNull();
  });
});

describe("display dates", () => {
  it("shows midnight in another zone on the right calendar day", () => {
    // Midnight in Tokyo is still the previous day in London.
    expect(formatDisplayDate("2026-01-06T00:00:00+09:00", "Europe/London", "en-GB")).toBe("5 January 2026");
    expect(formatDisplayDate("2026-01-06T00:00:00+09:00", "Asia/Tokyo", "en-GB")).toBe("6 January 2026");
  });

  it("follows daylight saving time", () => {
    expect(formatDisplayDateTime("2026-07-01T12:00:00Z", "Europe/London", "en-GB")).toMatch(/13:00.*BST/);
    expect(formatDisplayDateTime("2026-01-01T12:00:00Z", "Europe/London", "en-GB")).toMatch(/12:00.*GMT/);
  });

  it("reads exactly as luxon's DATE_FULL and DATETIME_FULL did, in every zone and language (UTC's narrow space before AM included)", () => {
    const luxon = (iso: string, zone: string, locale: string, format: Intl.DateTimeFormatOptions) =>
      DateTime.fromISO(iso, { setZone: true }).setZone(zone).setLocale(locale).toLocaleString(format);
    const zones = ["Europe/London", "UTC", "gmt", "Etc/GMT+5", "Asia/Kolkata", "America/St_Johns", "Pacific/Kiritimati"];
    const locales = ["en-GB", "en-US", "de", "ar-EG", "hi-IN", "ja", "th-TH", "fa-IR"];
    let compared = 0;
    for (let time = Date.UTC(1999, 0, 1); time < Date.UTC(2031, 0, 1); time += 86_400_000 * 293.3) {
      const iso = DateTime.fromMillis(Math.round(time)).setZone("UTC+5:30").toISO({ suppressMilliseconds: true })!;
      for (const zone of zones) {
        for (const locale of locales) {
          expect(formatDisplayDate(iso, zone, locale)).toBe(luxon(iso, zone, locale, DateTime.DATE_FULL));
          expect(formatDisplayDateTime(iso, zone, locale)).toBe(luxon(iso, zone, locale, { ...DateTime.DATETIME_FULL, timeZoneName: "short" }));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
