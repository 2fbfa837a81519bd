import { readdirSync, readFileSync, statSync, type BigIntStats } from "node:fs";
import path from "node:path";
import { NO_CACHE, type Cache } from "../cache/store.ts";
import { calendarDate, dateProblem, parseBriefingDate, toIso, zonedDay } from "../dates.ts";
import { ContentError } from "../config/errors.ts";
import { progress } from "../progress.ts";
import { MAX_HTML_DEPTH } from "../html/depth.ts";
import { typographic } from "../markdown/render.ts";
import type { SiteSettings } from "../config/settings.ts";
import { absoluteUrl, slugify, slugProblem } from "../urls.ts";
import { FrontMatterError, splitFrontMatter, type SplitSource } from "./frontmatter.ts";
import { readLocalImage, withLocalImageSizes } from "./images.ts";
import { renderBody, typographicQuote, type RenderedBody } from "./rendered.ts";
import { describeIssue } from "./issues.ts";
import { howToRaise, type InputLimits } from "./limits.ts";
import { isPublished, scheduledBriefings, type Scheduled } from "./publish.ts";
import { frontMatterSchema, KNOWN_FIELDS, type FrontMatter } from "./schema.ts";
import { closestField } from "./spelling.ts";
import type { Author, Briefing, BriefingImage, Tag } from "./types.ts";

export interface LoadOptions {
  /** Folder of Markdown briefings (searched recursively). */
  dir: string;
  settings: SiteSettings;
  /** Folder that site paths like /images/x.jpg refer to, to learn an image's size. */
  staticDir?: string;
  now?: Date;
  /** The dev server shows drafts and future briefings; builds never do. */
  includeUnpublished?: boolean;
  /** How file names appear in messages (relative to this folder). */
  cwd?: string;
  /** Rendered bodies and analyses from earlier builds (none by default). */
  cache?: Cache;
  /** Files read by an earlier load in this process (the dev server's rebuilds), reused while unchanged. */
  memo?: BriefingMemo;
}

export interface LoadResult {
  briefings: Briefing[];
  warnings: string[];
  /** Future-dated briefings that are not drafts, soonest first (listed in `briefings` only in dev). */
  scheduled: Scheduled[];
}

const IMAGE_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

/** Names an editor may have meant as a briefing: other Markdown extensions, any case. */
const MARKDOWN_LIKE = /\.(md|markdown|mdown|mkdn?|mdwn|mdtext)$/i;

/**
 * The briefings in a folder, and a warning for each file that looks like one but is skipped:
 * a file that silently vanishes from the site is worse than a message.
 */
function listMarkdown(dir: string, show: (file: string) => string): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) {
      // A link may point outside the briefings folder, or be edited through from anywhere.
      skipped.push(`${show(file)}: skipped: it is a symbolic link, and Dispatch reads only real files; copy or move the file itself here`);
    } else if (!entry.isFile() || !MARKDOWN_LIKE.test(entry.name)) {
      continue;
    } else if (!entry.name.endsWith(".md")) {
      const renamed = entry.name.replace(MARKDOWN_LIKE, ".md");
      skipped.push(`${show(file)}: skipped: briefings must end in .md (lower case); rename it to ${renamed} to publish it`);
    } else if (entry.name.startsWith("_")) {
      skipped.push(`${show(file)}: skipped: a name starting with "_" keeps a file out of the build (notes, templates); rename it to publish it`);
    } else {
      files.push(file);
    }
  }
  return { files: files.sort(), skipped: skipped.sort() };
}

function toAuthors(value: FrontMatter["authors"]): Author[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === "string" ? { name: item } : item));
}

function toTags(value: FrontMatter["tags"]): Tag[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const seen = new Map<string, Tag>();
  for (const name of list) {
    const slug = slugify(name);
    if (slug && !seen.has(slug)) seen.set(slug, { name, slug, path: `/tags/${slug}/` });
  }
  return [...seen.values()];
}

function toImage(fm: FrontMatter & { image: string }, settings: SiteSettings, staticDir: string | undefined): BriefingImage {
  const src = fm.image;
  const type = IMAGE_TYPES[path.extname(new URL(src, "https://x.invalid/").pathname).toLowerCase()] ?? null;
  const file = readLocalImage(src, staticDir);
  return {
    src,
    url: absoluteUrl(src, settings.url),
    alt: fm.imageAlt ?? "",
    caption: fm.imageCaption ?? null,
    credit: fm.imageCredit ?? null,
    type,
    bytes: file?.bytes ?? null,
    width: file?.width ?? null,
    height: file?.height ?? null,
  };
}

/**
 * A briefing's text, or why it cannot be read: too large for the limit (checked before reading,
 * so a huge file costs nothing), or gone since the folder was listed.
 */
function readSource(file: string, shown: string, limits: InputLimits): string | { problem: string } {
  try {
    const bytes = statSync(file).size;
    if (bytes > limits.briefingKb * 1024) {
      return {
        problem: `${shown}: the file is ${Math.ceil(bytes / 1024)} KB, more than the ${limits.briefingKb} KB a briefing may have; split it into several briefings, or ${howToRaise("briefingKb")}`,
      };
    }
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    if (code === "ENOENT") return { problem: `${shown}: the file was moved or deleted while the build was reading it; run the build again` };
    return { problem: `${shown}: cannot be read (${code}); check that the file exists and that you may read it` };
  }
}

// Templates' extractor filters show Markdown strings the way loaded briefings are shown.
export { forDisplay } from "./rendered.ts";

/**
 * A file's front matter as parsed and its body as rendered, cleaned and analysed, from one
 * build-cache entry keyed by the file's bytes and the settings they depend on: a warm build
 * parses no YAML and renders no Markdown for a file it has read before. Broken front matter
 * throws (FrontMatterError); it and a failed extraction (whose warning shows on every build) are
 * never cached.
 */
function splitAndRender(source: string, settings: SiteSettings, cache: Cache): { split: SplitSource; body: RenderedBody } {
  const { frontMatterKb, yamlAliases } = settings.limits;
  const key = cache.key("source", source, JSON.stringify([frontMatterKb, yamlAliases, settings.embedHosts]));
  const cached = cache.get<{ split: SplitSource; body: RenderedBody }>("source", key);
  if (cached) return cached;
  const split = splitFrontMatter(source, settings.limits);
  const body = renderBody(split.body, settings.embedHosts);
  if (body.failure === null) cache.set("source", key, { split, body });
  return { split, body };
}

/** Reads one file into a briefing without neighbours, or the problems that stop it. */
function readBriefing(
  file: string,
  shown: string,
  options: LoadOptions,
  warnings: string[],
): { briefing: Briefing; problems: [] } | { briefing: null; problems: string[] } {
  const { settings } = options;
  const source = readSource(file, shown, settings.limits);
  if (typeof source !== "string") return { briefing: null, problems: [source.problem] };
  let split;
  let body;
  try {
    ({ split, body } = splitAndRender(source, settings, options.cache ?? NO_CACHE));
  } catch (error) {
    if (error instanceof FrontMatterError) {
      return { briefing: null, problems: [`${shown}${error.line ? `:${error.line}` : ""}: ${error.message}`] };
    }
    throw error;
  }
  const parsed = frontMatterSchema.safeParse(split.data);
  if (!parsed.success) {
    return { briefing: null, problems: parsed.error.issues.map((issue) => `${shown}: ${describeIssue(issue, split.data)}`) };
  }
  const fm = parsed.data;
  const problems: string[] = [];
  const date = parseBriefingDate(fm.date, settings.timeZone);
  if (!date) problems.push(`${shown}: "date" ${dateProblem(fm.date, settings.timeZone)} (got ${JSON.stringify(fm.date)})`);
  const updated = fm.updated === undefined ? null : parseBriefingDate(fm.updated, settings.timeZone);
  if (fm.updated !== undefined && !updated) {
    problems.push(`${shown}: "updated" ${dateProblem(fm.updated, settings.timeZone)} (got ${JSON.stringify(fm.updated)})`);
  }
  if (date && updated && updated.time < date.time) problems.push(`${shown}: "updated" (${fm.updated}) is before "date" (${fm.date}); fix one of them`);
  if (fm.image && !fm.imageAlt) problems.push(`${shown}: "imageAlt" is required when "image" is set: describe the picture in a sentence`);
  const slug = fm.slug ?? slugify(path.basename(file, ".md"));
  if (!slug) problems.push(`${shown}: cannot make a URL from the file name; add a line like slug: paris-summit`);
  else if (!fm.slug && slugProblem(slug)) problems.push(`${shown}: the file name ${slugProblem(slug)} (or add a shorter "slug")`);
  const { analysis, failure } = body;
  const { depth } = body.facts;
  if (depth > MAX_HTML_DEPTH) {
    problems.push(
      `${shown}: the body's HTML nests ${depth} elements inside each other, more than the ${MAX_HTML_DEPTH} that email and feed tools can take; ` +
        "close the tags you opened, or remove wrapping <div>s",
    );
  }
  if (!date || problems.length > 0) return { briefing: null, problems };

  for (const field of Object.keys(split.data)) {
    if (KNOWN_FIELDS.includes(field)) continue;
    const suggestion = closestField(field, KNOWN_FIELDS);
    if (suggestion) warnings.push(`${shown}: unknown field "${field}": did you mean "${suggestion}"? (kept as it is)`);
  }
  if (body.dropped.length > 0) {
    warnings.push(`${shown}: removed from the web page's HTML: ${body.dropped.join(", ")} (allowed embeds: "embedHosts" in site.json)`);
  }

  if (failure !== null) {
    warnings.push(`${shown}: key quotes, summary and key points could not be extracted (${failure}); they are left empty, ` +
      `so set "summary" in the front matter, and please report this file`);
  }
  const briefingPath = `/briefings/${calendarDate(zonedDay(date)).year}/${slug}/`;
  const keyQuotes = fm.keyQuote ? [typographicQuote({ text: fm.keyQuote.text, speaker: fm.keyQuote.speaker ?? null }), ...analysis.keyQuotes] : analysis.keyQuotes;
  const summary = fm.summary ? typographic(fm.summary) : analysis.summary;
  return {
    problems: [],
    briefing: {
      sourcePath: shown,
      slug,
      path: briefingPath,
      url: absoluteUrl(briefingPath, settings.url),
      title: fm.title,
      date: toIso(date),
      updated: updated ? toIso(updated) : null,
      summary,
      dek: fm.summary ? summary : null,
      tags: toTags(fm.tags),
      authors: toAuthors(fm.authors),
      image: fm.image ? toImage({ ...fm, image: fm.image }, settings, options.staticDir) : null,
      draft: fm.draft ?? false,
      email: fm.email ?? true,
      allowClipped: fm.allowClipped ?? false,
      html: withLocalImageSizes(body.html, options.staticDir),
      links: { hrefs: body.facts.hrefs, images: body.facts.images },
      markdown: split.body,
      quotes: analysis.quotes,
      keyQuotes,
      keyQuote: keyQuotes[0] ?? null,
      keyPoints: analysis.keyPoints,
      wordCount: analysis.wordCount,
      readingTimeMinutes: analysis.readingTimeMinutes,
      newer: null,
      older: null,
      data: split.data,
    },
  };
}

/**
 * Reads every briefing once: checks the front matter, renders the Markdown, runs the
 * extractors, and links neighbours. All problems in all files are reported together.
 * Returns the briefings newest first, published ones only unless told otherwise.
 */
export function loadBriefings(options: LoadOptions): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const warnings: string[] = [];
  const problems: string[] = [];
  const byPath = new Map<string, string>();
  const briefings: Briefing[] = [];

  const show = (file: string) => path.relative(cwd, file) || file;
  let files: string[];
  try {
    const listing = listMarkdown(options.dir, show);
    files = listing.files;
    warnings.push(...listing.skipped);
  } catch {
    throw new ContentError([`${path.relative(cwd, options.dir) || options.dir}: cannot read the briefings folder; check DISPATCH_BRIEFINGS`]);
  }
  options.memo?.use(JSON.stringify([options.settings, options.staticDir, cwd]), files);
  const counter = progress("reading briefings", files.length);
  for (const file of files) {
    const shown = show(file);
    const read = (into: string[]) => readBriefing(file, shown, options, into);
    const result = options.memo ? options.memo.read(file, read, warnings) : read(warnings);
    counter.tick();
    if (!result.briefing) {
      problems.push(...result.problems);
      continue;
    }
    const clash = byPath.get(result.briefing.path);
    if (clash) {
      problems.push(`${clash} and ${shown} both have the URL ${result.briefing.path}; give one of them another "slug"`);
      continue;
    }
    byPath.set(result.briefing.path, shown);
    briefings.push(result.briefing);
  }
  counter.done();
  if (problems.length > 0) throw new ContentError(problems);

  const visible = briefings
    .filter((briefing) => options.includeUnpublished || isPublished(briefing, now))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.slug.localeCompare(b.slug));
  visible.forEach((briefing, index) => {
    const newer = visible[index - 1];
    const older = visible[index + 1];
    briefing.newer = newer ? { title: newer.title, path: newer.path } : null;
    briefing.older = older ? { title: older.title, path: older.path } : null;
  });
  return { briefings: visible, warnings, scheduled: scheduledBriefings(briefings, now) };
}

type ReadResult = ReturnType<typeof readBriefing>;

const stampOf = (stats: BigIntStats): string => `${stats.size}:${stats.mtimeNs}:${stats.ino}`;

/**
 * What each briefing file gave when it was last read, so that a dev server rebuild reads again
 * only the files saved since (same size, modification time and inode: the same bytes). A
 * briefing also depends on the settings and on the images it shows: a load under other settings
 * starts afresh by itself, and whoever sees an image change calls clear().
 */
export class BriefingMemo {
  private context = "";
  private readonly entries = new Map<string, { stamp: string; result: ReadResult; warnings: string[] }>();

  /** Starts a load of `files`: keeps what was read of them under the same `context`, forgets the rest. */
  use(context: string, files: string[]): void {
    if (context !== this.context) this.clear();
    this.context = context;
    const listed = new Set(files);
    for (const file of this.entries.keys()) if (!listed.has(file)) this.entries.delete(file);
  }

  clear(): void {
    this.entries.clear();
  }

  /** True when `file` changed (or went) since it was last read. */
  changed(file: string): boolean {
    const stats = statSync(file, { throwIfNoEntry: false, bigint: true });
    return !stats || this.entries.get(file)?.stamp !== stampOf(stats);
  }

  /** `file`'s result, its warnings added to `warnings`; `read` runs only when the file changed. */
  read(file: string, read: (warnings: string[]) => ReadResult, warnings: string[]): ReadResult {
    const stats = statSync(file, { throwIfNoEntry: false, bigint: true });
    // Gone since the folder was listed: read() words the problem, and nothing is kept.
    if (!stats) return read(warnings);
    const stamp = stampOf(stats);
    let entry = this.entries.get(file);
    if (entry?.stamp !== stamp) {
      const own: string[] = [];
      entry = { stamp, result: read(own), warnings: own };
      this.entries.set(file, entry);
    }
    warnings.push(...entry.warnings);
    return entry.result;
  }
}
