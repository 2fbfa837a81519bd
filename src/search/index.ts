import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { ContentError } from "../config/errors.ts";

/** Where the index lives in the built site; the search page loads pagefind.js from here. */
export const SEARCH_BUNDLE_DIR = "pagefind";

/** Only briefing pages are indexed (they alone carry data-pagefind-body, too). */
const BRIEFING_PAGES = "briefings/**/index.html";

export interface SearchIndexReport {
  pages: number;
  /** Files and bytes of the index as written (what a host serves; a search loads a small part). */
  files: number;
  bytes: number;
  seconds: number;
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** Writes Pagefind's files (paths relative to its bundle folder) under `outputPath`. */
function writeIndexFiles(outputPath: string, files: readonly { path: string; content: Uint8Array }[]): void {
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
 * Indexes the briefing pages of a built site with Pagefind and writes the index into
 * <site>/pagefind/. Runs on the staging folder, before it is published: a failure keeps the
 * last good site. Titles, dek, key points, pull quote and speaker, body, tags and dates are what
 * the briefing page's data-pagefind-body holds; tags and years are its filters.
 */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw failed("could not start", errors);
    const added = await index.addDirectory({ path: siteDir, glob: BRIEFING_PAGES });
    if (added.errors.length > 0) throw failed("could not read the briefing pages", added.errors);
    const outputPath = path.join(siteDir, SEARCH_BUNDLE_DIR);
    // The index is written here, not by Pagefind's writeFiles: Pagefind 1.6 panics on a write
    // error (a full disk) and its Node API then never settles, so the build would hang or end
    // without a word; our own writes fail with the path and the reason like every other output.
    const made = await index.getFiles();
    if (made.errors.length > 0) throw failed("could not make the index", made.errors);
    writeIndexFiles(outputPath, made.files);
    return { pages: added.page_count, ...folderSize(outputPath), seconds: (performance.now() - started) / 1000 };
  } finally {
    // The service is a child process: without this the build would never exit.
    await pagefind.close();
  }
}

export function formatSearchReport(report: SearchIndexReport): string {
  const megabytes = (report.bytes / 1_000_000).toFixed(2);
  return `Search index: ${report.pages} briefing${report.pages === 1 ? "" : "s"}, ${report.files} files, ${megabytes} MB, in ${report.seconds.toFixed(2)} s`;
}
