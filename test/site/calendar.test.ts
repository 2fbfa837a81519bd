import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { DateTime, IANAZone, Settings } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { createDraft } from "../../src/content/draft.ts";
import type { Briefing } from "../../src/content/types.ts";
import { buildDigests } from "../../src/digest/index.ts";
import { digestPeriods } from "../../src/digest/periods.ts";
import { OffsetDate } from "../../src/feeds/dates.ts";
import { archivePeriods } from "../../src/site/listings.ts";
import { WEEKDAYS } from "../../src/config/settings.ts";
import {
  calendarDate,
  dateProblem,
  dayNumber,
  formatDisplayDate,
  isoDate,
  isoWeek,
  isoWeekday,
  localDay,
  parseBriefingDate,
  toIso,
} from "../../src/dates.ts";
import { makeSettings } from "../email/fixtures.ts";
import { tempFolder } from "../helpers/tmp.ts";

/*
 * Dates used to be luxon DateTimes at every step; now they are read once and the calendar work is
 * integer arithmetic. luxon stays the reference: the functions below are the code the site ran on
 * before, and every property compares today's functions with them over many instants and zones.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Zones far from UTC, with half-hour and 45-minute offsets, DST of 30 minutes or backwards, midnight skipped or repeated. */
const ZONES = [
  "UTC",
  "utc",
  "GMT",
  "Etc/UTC",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Paris",
  "America/New_York",
  "America/Adak",
  "America/St_Johns",
  "America/Santiago",
  "America/Havana",
  "America/Asuncion",
  "Asia/Beirut",
  "Asia/Tehran",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "Pacific/Apia",
  "Africa/Casablanca",
  "Antarctica/Troll",
  "Etc/GMT+12",
];
const LOCALES = ["en-GB", "en-US", "de", "es", "ru", "ar-EG", "fa-IR", "ja", "th-TH", "hi-IN"];

// The reference: the luxon code this replaced.

const OLD_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const OLD_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
function oldOffsetIsReal(text: string): boolean {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!offset) return true;
  const total = (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return Number(offset[3]) < 60 && total >= -720 && total <= 840;
}
function oldRead(text: string, zone: string): DateTime | null {
  if (OLD_DATE_ONLY.test(text)) return DateTime.fromISO(text, { zone });
  if (OLD_WITH_OFFSET.test(text) && oldOffsetIsReal(text)) return DateTime.fromISO(text.replace(" ", "T"), { setZone: true }).setZone(zone);
  return null;
}
function oldParse(value: string, zone: string): string | null {
  const date = oldRead(value.trim(), zone);
  return date?.isValid && date.year >= 1000 && date.year <= 9999 ? date.toISO({ suppressMilliseconds: true }) : null;
}
function oldPeriod(iso: string, zone: string, period: "week" | "month", weekStartsOn: (typeof WEEKDAYS)[number]) {
  const date = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  if (period === "month") {
    const start = date.startOf("month");
    return { key: start.toFormat("yyyy-MM"), start, end: start.endOf("month").startOf("day") };
  }
  const start = date.startOf("day").minus({ days: (date.weekday - (WEEKDAYS.indexOf(weekStartsOn) + 1) + 7) % 7 });
  const middle = start.plus({ days: 3 });
  return { key: `${middle.weekYear}-w${String(middle.weekNumber).padStart(2, "0")}`, start, end: start.plus({ days: 6 }) };
}
function oldArchive(dates: string[], zone: string, locale: string) {
  const local = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(zone).setLocale(locale);
  const group = (items: string[], key: (iso: string) => string) => {
    const groups = new Map<string, string[]>();
    for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
    return [...groups];
  };
  return group(dates, (iso) => local(iso).toFormat("yyyy")).map(([year, items]) => ({
    label: year,
    path: `/archive/${year}/`,
    items,
    months: group(items, (iso) => local(iso).toFormat("MM")).map(([month, monthItems]) => ({
      label: local(monthItems[0]!).toFormat("LLLL yyyy"),
      path: `/archive/${year}/${month}/`,
      items: monthItems,
    })),
  }));
}

/** luxon read a midnight that happens twice by the offset in force *now*: the reference, run in January and in July. */
const realNow = Settings.now;
afterAll(() => {
  Settings.now = realNow;
});
function oldParseAnySeason(value: string, zone: string): string[] {
  return [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)].map((now) => {
    Settings.now = () => now;
    return oldParse(value, zone) ?? "null";
  });
}

/** An instant written in some offset, as a briefing's date might be. */
function written(time: number, offsetMinutes: number): string {
  return DateTime.fromMillis(time, { zone: offsetMinutes === 0 ? "UTC" : `UTC${offsetMinutes > 0 ? "+" : "-"}${Math.floor(Math.abs(offsetMinutes) / 60)}:${String(Math.abs(offsetMinutes) % 60).padStart(2, "0")}` }).toISO({ suppressMilliseconds: true })!;
}

/** Every offset change of a zone between two years, to the millisecond (a day's step finds it, halving pins it down). */
function transitions(zone: string, fromYear: number, toYear: number): number[] {
  const iana = IANAZone.create(zone);
  const found: number[] = [];
  let before = iana.offset(Date.UTC(fromYear, 0, 1));
  for (let time = Date.UTC(fromYear, 0, 1); time < Date.UTC(toYear, 0, 1); time += DAY) {
    const after = iana.offset(time + DAY);
    if (before === after) continue;
    before = after;
    let [low, high] = [time, time + DAY];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (iana.offset(middle) === iana.offset(low)) low = middle;
      else high = middle;
    }
    found.push(high);
  }
  return found;
}
const CHANGES = ZONES.filter((zone) => !/^(utc|gmt)$/i.test(zone)).flatMap((zone) => transitions(zone, 2020, 2028).map((time) => ({ zone, time })));

/** Instants near offset changes (where a day's wall clock is skipped or repeated), and anywhere from 1996 to 2040. */
const instant = fc.oneof(
  fc.record({ change: fc.constantFrom(...CHANGES), shift: fc.constantFrom(0, -1, 1, -30 * 60_000, 30 * 60_000, -HOUR, HOUR, -DAY, DAY, -2 * HOUR, 2 * HOUR) }).map(({ change, shift }) => change.time + shift),
  fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2040, 0, 1) }),
);
const offsetMinutes = fc.constantFrom(0, 60, -60, 330, 345, -210, 840, -720, 525, -600, 765, 600);
const zone = fc.constantFrom(...ZONES);

/** Settings are checked with zod when made: once per combination, not per run. */
const settingsMemo = new Map<string, ReturnType<typeof makeSettings>>();
function siteSettings(overrides: Record<string, unknown>): ReturnType<typeof makeSettings> {
  const key = JSON.stringify(overrides);
  if (!settingsMemo.has(key)) settingsMemo.set(key, makeSettings(overrides));
  return settingsMemo.get(key)!;
}

describe("reading dates, against luxon", () => {
  it("reads every date-time with an offset as luxon did, in every zone", () => {
    fc.assert(
      fc.property(instant, offsetMinutes, zone, fc.boolean(), (time, offset, site, space) => {
        const value = space ? written(time, offset).replace("T", " ") : written(time, offset);
        const date = parseBriefingDate(value, site);
        expect(date && toIso(date)).toBe(oldParse(value, site));
      }),
      { numRuns: 1000, seed: 8 },
    );
  });

  it("reads a date alone as that day's first moment in the zone, as luxon did (and the first of a midnight that happens twice)", () => {
    fc.assert(
      fc.property(instant, zone, (time, site) => {
        const value = DateTime.fromMillis(time, { zone: site }).toISODate()!;
        const date = parseBriefingDate(value, site);
        const seasons = oldParseAnySeason(value, site);
        const earlier = seasons.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
        expect(date ? toIso(date) : "null").toBe(earlier);
      }),
      { numRuns: 1000, seed: 8 },
    );
  });

  it("refuses, and explains, exactly what luxon refused", () => {
    const oldProblem = (value: string, zone: string) => {
      const text = value.trim();
      if (OLD_WITH_OFFSET.test(text) && !oldOffsetIsReal(text)) return "offset";
      return oldRead(text, zone)?.isValid ? "years" : "form";
    };
    const problem = (value: string, zone: string) => {
      const words = dateProblem(value, zone);
      return words.startsWith("has the offset") ? "offset" : words.startsWith("must be in the years") ? "years" : "form";
    };
    const field = (digits: number, max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(digits, "0"));
    const value = fc
      .tuple(
        fc.constantFrom("0000", "0050", "0999", "1000", "1582", "2026", "2028", "2100", "9999"),
        field(2, 13),
        field(2, 32),
        fc.constantFrom("T", " ", ""),
        field(2, 25),
        field(2, 60),
        fc.constantFrom("", ":00", ":59", ":60", ":00.5", ":00.0000000000000000000000000000001", ":07.123456789"),
        fc.constantFrom("Z", "+00:00", "-00:30", "+14:00", "+14:01", "-12:00", "-12:30", "+0530", "+05:75", "+25:00", ""),
      )
      .map(([year, month, day, separator, hour, minute, second, offset]) =>
        separator === "" ? `${year}-${month}-${day}` : `${year}-${month}-${day}${separator}${hour}:${minute}${second}${offset}`,
      );
    fc.assert(
      fc.property(value, zone, (text, site) => {
        const date = parseBriefingDate(text, site);
        const old = oldParseAnySeason(text, site).sort()[0]!;
        expect(date === null).toBe(old === "null");
        if (date === null) expect(problem(text, site)).toBe(oldProblem(text, site));
      }),
      { numRuns: 1500, seed: 8 },
    );
  });
});

describe("calendar arithmetic, against luxon", () => {
  it("numbers days, weekdays and ISO weeks as luxon counts them, in every year from 1000 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1000, 1, 1), max: dayNumber(9999, 12, 31) }), (days) => {
        const luxon = DateTime.fromMillis(days * DAY, { zone: "UTC" });
        expect(calendarDate(days)).toEqual({ year: luxon.year, month: luxon.month, day: luxon.day });
        expect(dayNumber(luxon.year, luxon.month, luxon.day)).toBe(days);
        expect(isoWeekday(days)).toBe(luxon.weekday);
        expect(isoWeek(days)).toEqual({ weekYear: luxon.weekYear, week: luxon.weekNumber });
        expect(isoDate(days)).toBe(luxon.toISODate());
      }),
      { numRuns: 2000, seed: 8 },
    );
  });

  it("puts every briefing in the digest period luxon put it in: weeks from any day, months, in every zone", () => {
    const base = { title: "t", slug: "s" } as Briefing;
    fc.assert(
      fc.property(instant, offsetMinutes, zone, fc.constantFrom("month" as const, ...WEEKDAYS), (time, offset, site, kind) => {
        const iso = written(time, offset);
        const settings = siteSettings({ timeZone: site, digest: kind === "month" ? { period: "month" } : { weekStartsOn: kind } });
        const [period] = digestPeriods([{ ...base, date: iso }], settings);
        const old = oldPeriod(iso, site, kind === "month" ? "month" : "week", kind === "month" ? "monday" : kind);
        expect([period!.key, isoDate(period!.start), isoDate(period!.end)]).toEqual([old.key, old.start.toISODate(), old.end.toISODate()]);
        const local = DateTime.fromISO(iso).setZone(site);
        expect(localDay(iso, site)).toBe(dayNumber(local.year, local.month, local.day));
      }),
      { numRuns: 1000, seed: 8 },
    );
  });

  it("writes each digest's dates and titles as before, in every zone and language", () => {
    const base = { title: "t", slug: "s", draft: false, updated: null } as Briefing;
    fc.assert(
      fc.property(instant, zone, fc.constantFrom(...LOCALES), fc.constantFrom("month" as const, "saturday" as const, "sunday" as const), (time, site, locale, kind) => {
        const iso = written(time, 0);
        const settings = siteSettings({
          timeZone: site,
          language: locale,
          digest: { ...(kind === "month" ? { period: "month" } : { weekStartsOn: kind }), title: "{start} to {end} ({period})" },
        });
        const [digest] = buildDigests([{ ...base, date: iso }], settings, new Date(Date.UTC(2041, 0, 1)));
        const old = oldPeriod(iso, site, kind === "month" ? "month" : "week", kind === "month" ? "monday" : kind);
        const show = (date: DateTime) => formatDisplayDate(date.toISO({ suppressMilliseconds: true })!, site, locale);
        const label = kind === "month" ? old.start.setLocale(locale).toLocaleString({ month: "long", year: "numeric" }) : `week ${Number(old.key.slice(-2))}, ${old.key.slice(0, 4)}`;
        expect([digest!.start, digest!.end, digest!.title]).toEqual([old.start.toISODate(), old.end.toISODate(), `${show(old.start)} to ${show(old.end)} (${label})`]);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it("groups the archive into the same years and months, with the same labels and paths, in every zone and language", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, offsetMinutes), { minLength: 1, maxLength: 40 }), zone, fc.constantFrom(...LOCALES), (moments, site, locale) => {
        const dates = moments.sort(([a], [b]) => b - a).map(([time, offset]) => written(time, offset));
        const settings = siteSettings({ timeZone: site, language: locale });
        const periods = archivePeriods(dates.map((date) => ({ date }) as Briefing), settings);
        const ours = periods.map((year) => ({
          label: year.label,
          path: year.path,
          items: year.items.map((briefing) => briefing.date),
          months: year.months.map((month) => ({ label: month.label, path: month.path, items: month.items.map((briefing) => briefing.date) })),
        }));
        expect(ours).toEqual(oldArchive(dates, site, locale));
      }),
      { numRuns: 150, seed: 8 },
    );
  });

  it("prints feed dates in the offset they were written with, as luxon did", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(0, 60, -60, 330, 345, -210, 840, -720, -30), fc.integer({ min: 0, max: 999 }), (time, offset, ms) => {
        const iso = written(time - (time % 1000) + (ms % 3 === 0 ? ms : 0), offset);
        const luxon = DateTime.fromISO(iso, { setZone: true });
        const date = new OffsetDate(iso);
        expect([date.getTime(), date.toISOString(), date.toUTCString()]).toEqual([luxon.toMillis(), luxon.toISO({ suppressMilliseconds: true }), luxon.toRFC2822()]);
      }),
      { numRuns: 1000, seed: 8 },
    );
  });
});

describe("dates that must stay right", () => {
  const settings = (timeZone: string, digest: Record<string, unknown> = {}) => siteSettings({ timeZone, digest });
  const keyOf = (date: string, timeZone: string, digest: Record<string, unknown> = {}) => {
    const [period] = digestPeriods([{ date } as Briefing], settings(timeZone, digest));
    return [period!.key, isoDate(period!.start), isoDate(period!.end)];
  };
  const iso = (value: string, zone: string) => {
    const date = parseBriefingDate(value, zone);
    return date && toIso(date);
  };

  it("00:30 on the night the clocks change, and a midnight that never happens or happens twice", () => {
    // London springs forward at 01:00 on 29 March 2026: 00:30 is still GMT, 01:30 is 02:30 BST.
    expect(iso("2026-03-29T00:30:00+00:00", "Europe/London")).toBe("2026-03-29T00:30:00+00:00");
    expect(iso("2026-03-29T01:30:00+00:00", "Europe/London")).toBe("2026-03-29T02:30:00+01:00");
    expect(keyOf("2026-03-29T00:30:00+00:00", "Europe/London")).toEqual(["2026-w13", "2026-03-23", "2026-03-29"]);
    expect(keyOf("2026-03-30T00:30:00+01:00", "Europe/London")).toEqual(["2026-w14", "2026-03-30", "2026-04-05"]);
    // Chile skips from 00:00 to 01:00 on 6 September 2026: a date alone starts at 01:00.
    expect(iso("2026-09-06", "America/Santiago")).toBe("2026-09-06T01:00:00-03:00");
    // Cuba goes back from 01:00 to 00:00 on 1 November 2026: midnight happens twice, the first counts
    // (luxon chose by the season of the build).
    expect(iso("2026-11-01", "America/Havana")).toBe("2026-11-01T00:00:00-04:00");
    expect(iso("2026-11-02", "America/Havana")).toBe("2026-11-02T00:00:00-05:00");
  });

  it("zones far from UTC: Kiritimati (+14) and Adak (−10/−9) put the same instant on different days", () => {
    // Sunday 4 January 23:30 at −10:00 is Monday 5 January 23:30 in Kiritimati.
    expect(iso("2026-01-04T23:30:00-10:00", "Pacific/Kiritimati")).toBe("2026-01-05T23:30:00+14:00");
    expect(keyOf("2026-01-04T23:30:00-10:00", "Pacific/Kiritimati")).toEqual(["2026-w02", "2026-01-05", "2026-01-11"]);
    expect(keyOf("2026-01-04T23:30:00-10:00", "America/Adak")).toEqual(["2026-w01", "2025-12-29", "2026-01-04"]);
    // New Year's morning in UTC is still 31 December in Adak: December's digest.
    expect(keyOf("2026-01-01T09:00:00Z", "America/Adak", { period: "month" })).toEqual(["2025-12", "2025-12-01", "2025-12-31"]);
    expect(iso("2026-07-01T09:00:00Z", "America/Adak")).toBe("2026-07-01T00:00:00-09:00");
  });

  it('"UTC" and "GMT" settings write Z, as luxon did, where a zone at +00:00 writes +00:00', () => {
    expect(iso("2026-01-06", "utc")).toBe("2026-01-06T00:00:00Z");
    expect(iso("2026-01-06T09:30:00+01:00", "GMT")).toBe("2026-01-06T08:30:00Z");
    expect(iso("2026-01-06", "Etc/UTC")).toBe("2026-01-06T00:00:00+00:00");
    expect(iso("2026-01-06", "Europe/London")).toBe("2026-01-06T00:00:00+00:00");
    expect(new OffsetDate("2026-01-06T00:00:00+00:00").toISOString()).toBe("2026-01-06T00:00:00Z");
    expect(new OffsetDate("2026-01-06T00:00:00+00:00").toUTCString()).toBe("Tue, 06 Jan 2026 00:00:00 +0000");
  });

  it("weeks from Monday, Sunday or Saturday across a year's end with an ISO week 53 (week-year ≠ calendar year)", () => {
    // 2026 has 53 ISO weeks: week 53 runs from Monday 28 December 2026 to Sunday 3 January 2027.
    expect(keyOf("2027-01-02T12:00:00Z", "UTC")).toEqual(["2026-w53", "2026-12-28", "2027-01-03"]);
    expect(keyOf("2027-01-02T12:00:00Z", "UTC", { weekStartsOn: "sunday" })).toEqual(["2026-w53", "2026-12-27", "2027-01-02"]);
    expect(keyOf("2027-01-02T12:00:00Z", "UTC", { weekStartsOn: "saturday" })).toEqual(["2027-w01", "2027-01-02", "2027-01-08"]);
    expect(keyOf("2027-01-01T12:00:00Z", "UTC", { weekStartsOn: "saturday" })).toEqual(["2026-w53", "2026-12-26", "2027-01-01"]);
    expect(keyOf("2027-01-04T00:00:00Z", "UTC")).toEqual(["2027-w01", "2027-01-04", "2027-01-10"]);
    // And the other way: 29 December 2025 is already in 2026's first week.
    expect(keyOf("2025-12-29T00:00:00Z", "UTC")).toEqual(["2026-w01", "2025-12-29", "2026-01-04"]);
  });

  it("months: their first and last day, leap years included", () => {
    expect(keyOf("2028-02-29T23:00:00Z", "UTC", { period: "month" })).toEqual(["2028-02", "2028-02-01", "2028-02-29"]);
    expect(keyOf("2100-02-15T12:00:00Z", "UTC", { period: "month" })).toEqual(["2100-02", "2100-02-01", "2100-02-28"]);
    expect(keyOf("2026-12-31T12:00:00Z", "UTC", { period: "month" })).toEqual(["2026-12", "2026-12-01", "2026-12-31"]);
    // 23:30 in New York on 31 January is February in London.
    expect(keyOf("2026-01-31T23:30:00-05:00", "Europe/London", { period: "month" })).toEqual(["2026-02", "2026-02-01", "2026-02-28"]);
  });

  it("years and offsets at the edges: 1000 to 9999 in the site's zone, offsets to the second before 1900", () => {
    // 05:00 on New Year's Day of 1000 at +14:00 is still 999 in UTC, but 1000 in Tokyo (9:18:59 ahead, its local mean time).
    expect(iso("1000-01-01T05:00:00+14:00", "Asia/Tokyo")).toBe("1000-01-01T00:18:59+09:18");
    expect(iso("1000-01-01T05:00:00+14:00", "UTC")).toBeNull();
    expect(dateProblem("1000-01-01T05:00:00+14:00", "UTC")).toMatch(/years 1000 to 9999/);
    expect(iso("9999-12-31T23:00:00+14:00", "Pacific/Kiritimati")).toBe("9999-12-31T23:00:00+14:00");
    // London's local mean time was 1 minute 15 seconds behind Greenwich: luxon wrote the whole minutes.
    expect(iso("1800-01-01", "Europe/London")).toBe("1800-01-01T00:00:00-00:01");
    expect(iso("2026-01-06T24:00:00+01:00", "Europe/Paris")).toBe("2026-01-07T00:00:00+01:00");
    expect(iso("2026-01-06T09:30:00.1234+01:00", "Europe/Paris")).toBe("2026-01-06T09:30:00.123+01:00");
  });
});

describe("a new draft's date", () => {
  it("is now to the minute in the site's zone, in the folder of the year there", () => {
    const folder = tempFolder("dispatch-draft-");
    const draft = (timeZone: string, now: string) => {
      const made = createDraft({ title: `Draft in ${timeZone}`, tags: [], dir: folder.dir, timeZone, now: new Date(now) });
      return [path.relative(folder.dir, made.file), /^date: (.*)$/m.exec(readFileSync(made.file, "utf8"))![1]];
    };
    // 10:30 on New Year's Eve in UTC is already 00:30 on New Year's Day in Kiritimati.
    expect(draft("Pacific/Kiritimati", "2026-12-31T10:30:45.500Z")).toEqual(["2027/draft-in-pacific-kiritimati.md", "2027-01-01T00:30:00+14:00"]);
    expect(draft("America/Adak", "2027-01-01T09:59:59Z")).toEqual(["2026/draft-in-america-adak.md", "2026-12-31T23:59:00-10:00"]);
    expect(draft("utc", "2026-06-01T12:00:59Z")).toEqual(["2026/draft-in-utc.md", "2026-06-01T12:00:00Z"]);
  });
});
