import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { BriefingMemo } from "../content/load.ts";
import type { Briefing } from "../content/types.ts";
import type { OutputFile } from "../config/outputs.ts";
import { emailPath } from "../email/index.ts";
import { readDevState } from "../site/devstate.ts";

/** What the Eleventy process of `npm start` tells the server process as each build starts and ends. */
export type DevMessage = { type: "started" } | { type: "built" } | { type: "failed"; problems: string[] };

/** A file npm start touches when a briefing is deleted or renamed: Eleventy's watcher does not rebuild on deletions. */
export function rebuildTrigger(root: string): string {
  return path.join(root, ".cache", "dev-rebuild");
}

/** True for a briefing's source: a Markdown file in the briefings folder (`file` absolute). */
export function isBriefingFile(file: string, briefings: string): boolean {
  return file.endsWith(".md") && file.startsWith(briefings + path.sep);
}

export function tellServer(message: DevMessage): void {
  process.send?.(message);
}

/**
 * Removes pages and emails of briefings that are gone (deleted, renamed, re-dated) from the dev
 * output: Eleventy never deletes what it wrote before. Only <output>/briefings/<year>/<slug>/
 * and <output>/email/<year>/<slug>/ folders that this build did not write are removed.
 */
export function pruneGone(output: string, written: Set<string>): void {
  for (const section of ["briefings", "email"]) {
    const dir = path.join(output, section);
    let years: string[];
    try {
      years = readdirSync(dir).filter((name) => /^\d{4}$/.test(name));
    } catch {
      continue;
    }
    for (const year of years) {
      for (const slug of readdirSync(path.join(dir, year))) {
        const sitePath = `/${section}/${year}/${slug}/`;
        if (!written.has(sitePath)) rmSync(path.join(dir, year, slug), { recursive: true, force: true });
      }
    }
  }
}

/**
 * `write`, except for the page and email files of briefings saved again since this rebuild read
 * them: the fast path (src/dev/fastpath.ts) already wrote those from the newer text, and the
 * rebuild that the save queued writes them again. Without this, a long rebuild would put a page
 * back to what it said a save ago.
 */
export function skipSavedSince(write: (file: OutputFile) => void, briefings: Briefing[], memo: BriefingMemo, root: string): (file: OutputFile) => void {
  const sources = new Map<string, string>();
  for (const briefing of briefings) {
    const source = path.resolve(root, briefing.sourcePath);
    sources.set(briefing.path, source);
    sources.set(emailPath(briefing), source);
  }
  return (file) => {
    // /briefings/<year>/<slug>/… or /email/<year>/<slug>/…
    const source = sources.get(file.path.split("/").slice(0, 4).join("/") + "/");
    if (source === undefined || !memo.changed(source)) write(file);
  };
}

/** The lines printed when a briefing is saved: where to see it, its email and its analysis. */
export function savedLines(changed: string[], briefings: Briefing[], root: string): string[] {
  const base = readDevState(root) ?? "/";
  const lines: string[] = [];
  for (const file of new Set(changed.map((name) => path.resolve(root, name)))) {
    const briefing = briefings.find((candidate) => path.resolve(root, candidate.sourcePath) === file);
    if (!briefing) continue;
    lines.push(
      `[dispatch] ${briefing.sourcePath} saved:`,
      `  page      ${new URL(briefing.path.slice(1), base).href}`,
      `  email     ${new URL(`${emailPath(briefing).slice(1)}preview/`, base).href}`,
      `  analysis  npm run --silent analyze -- ${briefing.sourcePath}`,
    );
  }
  return lines;
}
