import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setImmediate } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import * as pagefind from "pagefind";
import { openCache, type Cache } from "../cache/store.ts";
import { ContentError, findContentError } from "../config/errors.ts";
import { withoutIgnored } from "./ignored.ts";

/** Where the index lives in the built site: one Pagefind bundle per year, `pagefind/<year>/`. */
export const SEARCH_BUNDLE_DIR = "pagefind";

/** The shards' years, newest first, that the search page (content/assets/search.js) reads. */
const SHARD_LIST = "shards.json";

/** Only briefing pages are indexed (they alone carry data-pagefind-body, too), by the year in their URL. */
const BRIEFINGS_DIR = "briefings";
const YEAR = /^\d{4}$/;

/** Pagefind's UI bundles: the search page has its own, so they are not written. */
const UI_FILE = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/** Build cache kind of a shard: its files as the index would write them. */
const CACHE_KIND = "search-shard";

interface ShardFile {
  path: string;
  content: Uint8Array;
}

interface Shard {
  pages: number;
  files: ShardFile[];
}

export interface SearchIndexReport {
  pages: number;
  /** Shards (years) made by Pagefind in this build, and written from the build cache. */
  indexed: number;
  cached: number;
  /** Files and bytes of the index as written (what a host serves; a search loads a small part). */
  files: number;
  bytes: number;
  seconds: number;
}

let version: string | undefined;

/** Pagefind's version: a shard made by another one is not served from the cache. */
function pagefindVersion(): string {
  const manifest = path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "..", "package.json");
  return (version ??= (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version);
}

/** The staged briefing pages (`briefings/<year>/…/index.html`, relative to the site, sorted) by year, newest first. */
function briefingPagesByYear(siteDir: string): [string, string[]][] {
  const root = path.join(siteDir, BRIEFINGS_DIR);
  if (!statSync(root, { throwIfNoEntry: false })) return [];
  const years = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory() && YEAR.test(entry.name));
  return years
    .map((year): [string, string[]] => {
      const pages = readdirSync(path.join(root, year.name), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name === "index.html")
        .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
        .sort();
      return [year.name, pages];
    })
    .filter(([, pages]) => pages.length > 0)
    .sort(([a], [b]) => b.localeCompare(a));
}

/** A page as Pagefind is given it: its URL and its HTML without what Pagefind ignores. */
interface IndexedPage {
  url: string;
  html: string;
}

/** Pages sent to Pagefind before the first is answered: enough to keep it busy, few in memory. */
const PAGES_IN_FLIGHT = 32;

function indexedPage(siteDir: string, page: string): IndexedPage {
  return { url: `/${page.slice(0, -"index.html".length)}`, html: withoutIgnored(readFileSync(path.join(siteDir, page), "utf8")) };
}

/** Pages hashed between two turns of the thread's event loop, so that Pagefind is fed meanwhile. */
const PAGES_PER_TURN = 16;

/**
 * A hash of exactly what Pagefind is given of a year's pages. They are read one at a time, each
 * dropped once hashed: a warm build reads every page, and holding a year's pages at once raised
 * its peak memory with the size of the archive.
 */
async function shardHash(siteDir: string, pages: string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const [n, file] of pages.entries()) {
    if (n % PAGES_PER_TURN === PAGES_PER_TURN - 1) await setImmediate();
    const page = indexedPage(siteDir, file);
    hash.update(`${page.url}\0${page.html.length}\0`).update(page.html);
  }
  return hash.digest("hex");
}

/** Writes Pagefind's files (paths relative to its bundle folder) under `outputPath`. */
function writeIndexFiles(outputPath: string, files: readonly ShardFile[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(outputPath, file.path);
    const dir = path.dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(target, file.content);
  }
}

function failed(what: string, errors: string[]): ContentError {
  return new ContentError([
    `search index: Pagefind ${what} (${errors.join("; ") || "no reason given"}); run npm ci so that its binary for this platform is installed`,
  ]);
}

/**
 * Indexes one year's briefing pages in the Pagefind service: its own bundle, UI files left out.
 * The pages are handed over in path order (the service adds them in the order they arrive, and
 * their order is in the index's bytes), not read by Pagefind from the folder, whose listing order
 * is the file system's.
 */
async function indexShard(year: string, siteDir: string, pages: string[]): Promise<Shard> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw failed("could not start", errors);
  try {
    // A few pages in flight keep the service busy; a whole year at once would all be in memory.
    // They are sent in path order, and the service adds them in the order they arrive.
    const problems: string[] = [];
    const inFlight: Promise<{ errors: string[] } | { failure: unknown }>[] = [];
    const settleOldest = async () => {
      const added = await inFlight.shift()!;
      if ("failure" in added) throw added.failure;
      problems.push(...added.errors);
    };
    for (const file of pages) {
      const page = indexedPage(siteDir, file);
      inFlight.push(index.addHTMLFile({ url: page.url, content: page.html }).then(({ errors }) => ({ errors }), (failure: unknown) => ({ failure })));
      if (inFlight.length >= PAGES_IN_FLIGHT) await settleOldest();
    }
    while (inFlight.length > 0) await settleOldest();
    if (problems.length > 0) throw failed(`could not read the briefing pages of ${year}`, problems);
    // The index is written by us, not by Pagefind's writeFiles: Pagefind 1.6 panics on a write
    // error (a full disk) and its Node API then never settles, so the build would hang or end
    // without a word; our own writes fail with the path and the reason like every other output.
    const made = await index.getFiles();
    if (made.errors.length > 0) throw failed(`could not make the index of ${year}`, made.errors);
    const files = made.files.filter((file) => !UI_FILE.test(file.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { pages: pages.length, files: files.map((file) => ({ path: file.path, content: file.content })) };
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Indexes the briefing pages of a built site with Pagefind, one bundle per year of the briefings'
 * URLs (`<site>/pagefind/<year>/`), and lists the years, newest first, in `pagefind/shards.json`
 * for the search page, which merges them. A year whose pages (without what Pagefind ignores, such
 * as the related briefings) are byte for byte those of an earlier build, with the same Pagefind and
 * code, is written from the build cache, so an edit re-indexes its year alone. Runs on the staging
 * folder, before it is published: a failure keeps the last good site.
 * Titles, dek, key points, pull quote and speaker, body, tags and dates are what the briefing
 * page's data-pagefind-body holds; tags and years are its filters.
 */
export async function buildSearchIndex(siteDir: string, cache: Cache): Promise<SearchIndexReport> {
  const started = performance.now();
  const outputPath = path.join(siteDir, SEARCH_BUNDLE_DIR);
  const years = briefingPagesByYear(siteDir);
  const report = { pages: 0, indexed: 0, files: 0, bytes: 0 };
  const write = (year: string, shard: Shard) => {
    writeIndexFiles(path.join(outputPath, year), shard.files);
    report.pages += shard.pages;
    report.files += shard.files.length;
    report.bytes += shard.files.reduce((sum, file) => sum + file.content.byteLength, 0);
  };
  // Each year is hashed in turn: one the cache has is written at once, one it lacks is indexed
  // while the next are hashed. One year at a time in the service: it indexes one page at a time
  // whatever it is sent, and a year's pages alone are in memory.
  let indexing = Promise.resolve();
  let serviceStarted = false;
  try {
    for (const [year, pages] of years) {
      const key = cache.key(pagefindVersion(), year, await shardHash(siteDir, pages));
      const cached = cache.get<Shard>(CACHE_KIND, key);
      if (cached) {
        write(year, cached);
        continue;
      }
      serviceStarted = true;
      indexing = indexing.then(async () => {
        const made = await indexShard(year, siteDir, pages);
        cache.set(CACHE_KIND, key, made);
        write(year, made);
        report.indexed += 1;
      });
      // Awaited below; a failure meanwhile is not an unhandled rejection.
      indexing.catch(() => {});
    }
    await indexing;
  } finally {
    // Nothing is written once this has failed; the service is a child process: without closing
    // it the build would never exit.
    await indexing.catch(() => {});
    if (serviceStarted) await pagefind.close();
  }
  const list = `${JSON.stringify({ shards: years.map(([year]) => year) })}\n`;
  mkdirSync(outputPath, { recursive: true });
  writeFileSync(path.join(outputPath, SHARD_LIST), list);
  return {
    pages: report.pages,
    indexed: report.indexed,
    cached: years.length - report.indexed,
    files: report.files + 1,
    bytes: report.bytes + Buffer.byteLength(list),
    seconds: (performance.now() - started) / 1000,
  };
}

/** The search index being made on its own thread (startSearchIndex). */
export interface SearchIndexing {
  /** Indexes the staged briefing pages (once; later calls give the same answer). */
  index(): Promise<SearchIndexReport>;
  /** Ends the thread: an index under way is let finish first, so that nothing is written afterwards. */
  stop(): Promise<void>;
}

/** What the thread (worker.mjs) is started with. */
export interface SearchThreadData {
  siteDir: string;
  /** The build cache's folder (null: none) and code stamp: the thread opens the cache the build has. */
  cacheDir: string | null;
  code: string;
}

/** What the thread answers: the report, an editor's problems (a ContentError's), or the code's error. */
export type SearchThreadAnswer = { report: SearchIndexReport } | { problems: string[] } | { error: unknown };

/** The thread's work (worker.mjs): a ContentError is not an Error class once it crosses threads, so its problems do. */
export async function searchThreadAnswer(data: SearchThreadData): Promise<SearchThreadAnswer> {
  try {
    return { report: await buildSearchIndex(data.siteDir, openCache(data.cacheDir, data.code)) };
  } catch (error) {
    const content = findContentError(error);
    return content ? { problems: content.problems } : { error };
  }
}

/**
 * Starts the thread that will index `siteDir` (worker.mjs → buildSearchIndex) when index() is
 * called. On this thread Eleventy keeps the event loop busy for seconds at a time, and an index
 * driven from here got Pagefind's answers and the staged pages only when Eleventy paused: most
 * of it ran after Eleventy had finished. The thread has an event loop of its own; it is started
 * early so that loading its code costs the build nothing. `data.cacheDir` and `data.code` open
 * the build's cache in the thread.
 */
export function startSearchIndex(data: SearchThreadData): SearchIndexing {
  const thread = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: data });
  let answer: Promise<SearchIndexReport> | undefined;
  const ended = new Promise<SearchThreadAnswer>((resolve) => {
    thread.once("message", resolve);
    thread.once("error", (error) => resolve({ error }));
    thread.once("exit", (code) => resolve({ error: new Error(`the search index thread ended (exit code ${code}) before its index was made`) }));
  });
  return {
    index() {
      if (!answer) {
        thread.postMessage("index");
        answer = ended.then((result) => {
          if ("report" in result) return result.report;
          throw "problems" in result ? new ContentError(result.problems) : result.error;
        });
      }
      return answer;
    },
    async stop() {
      if (answer) await answer.catch(() => {});
      await thread.terminate();
    },
  };
}

export function formatSearchReport(report: SearchIndexReport): string {
  const megabytes = (report.bytes / 1_000_000).toFixed(2);
  const shards = report.indexed + report.cached;
  return (
    `Search index: ${report.pages} briefing${report.pages === 1 ? "" : "s"} in ${shards} shard${shards === 1 ? "" : "s"} ` +
    `(${report.indexed} indexed, ${report.cached} from the cache), ${report.files} files, ${megabytes} MB, in ${report.seconds.toFixed(2)} s`
  );
}
