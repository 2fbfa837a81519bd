import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { calendarDate, parseBriefingDate, toIso, zonedDay, zonedTime, type ZonedTime } from "../dates.ts";
import { CommandError } from "../config/errors.ts";
import { slugify } from "../urls.ts";

/** Long titles make long URLs: the slug stops at a word boundary near this length. */
const MAX_SLUG = 60;

export interface DraftRequest {
  title: string;
  tags: string[];
  /** As typed after --date; the current time (to the minute) when absent. */
  date?: string;
  /** Briefings folder: the draft goes into <dir>/<year>/<slug>.md. */
  dir: string;
  timeZone: string;
  now?: Date;
}

export interface Draft {
  file: string;
  slug: string;
  /** The briefing's site path, /briefings/<year>/<slug>/. */
  path: string;
  /** True when the title's slug was taken and a number was added. */
  renumbered: boolean;
}

/** The title's slug, cut at a hyphen so that URLs stay readable. */
export function draftSlug(title: string): string {
  // "Kyiv's" reads better as kyivs than kyiv-s.
  const slug = slugify(title.replace(/(?<=\p{L})['’](?=\p{L})/gu, ""));
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const hyphen = cut.lastIndexOf("-");
  return hyphen > 0 ? cut.slice(0, hyphen) : cut.slice(0, MAX_SLUG);
}

/** Front matter as the README documents it; JSON strings are valid YAML double-quoted strings. */
export function draftSource(title: string, date: string, tags: string[]): string {
  const lines = ["---", `title: ${JSON.stringify(title)}`, `date: ${date}`];
  if (tags.length > 0) lines.push(`tags: [${tags.map((tag) => JSON.stringify(tag)).join(", ")}]`);
  lines.push("draft: true", "---", "", "");
  return lines.join("\n");
}

/** Writes a new draft briefing, never over an existing file: a taken slug gets -2, -3… */
export function createDraft(request: DraftRequest): Draft {
  const title = request.title.replace(/\s+/g, " ").trim();
  if (!title) throw new CommandError('the title is empty: give one, e.g. npm run new -- "Paris summit agrees a ceasefire plan"');
  const base = draftSlug(title);
  if (!base) throw new CommandError(`the title "${title}" has no letters or digits to make a URL from: add a word to it`);
  let date: ZonedTime;
  let dateText: string;
  if (request.date === undefined) {
    // To the minute: today's offsets are whole minutes, so the instant's minute is the wall clock's.
    date = zonedTime(Math.floor((request.now ?? new Date()).getTime() / 60_000) * 60_000, request.timeZone);
    dateText = toIso(date);
  } else {
    const parsed = parseBriefingDate(request.date, request.timeZone);
    if (!parsed) throw new CommandError(`--date must be a date like 2026-01-06 or 2026-01-06T09:30:00+01:00 (got "${request.date}")`);
    date = parsed;
    dateText = request.date.trim();
  }
  const year = String(calendarDate(zonedDay(date)).year);
  const folder = path.join(request.dir, year);
  mkdirSync(folder, { recursive: true });
  const source = draftSource(title, dateText, request.tags);
  for (let n = 1; n < 1000; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const file = path.join(folder, `${slug}.md`);
    try {
      // "wx": fails if the file exists, even if it appeared a moment ago.
      writeFileSync(file, source, { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw new CommandError(`cannot write ${file}: ${(error as Error).message}`);
    }
    return { file, slug, path: `/briefings/${year}/${slug}/`, renumbered: n > 1 };
  }
  throw new CommandError(`${folder} already has 999 briefings named ${base}: choose another title`);
}
