import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A file that TypeScript writes whole (a feed, an email), straight into the output folder at `path`. */
export interface OutputFile {
  /** Site path without the base, e.g. /feed.xml or /email/2026/paris/index.html. */
  path: string;
  body: string;
}

/**
 * Writes output files into a folder, each only if its bytes changed: a dev rebuild then touches
 * (and live-reloads) only what an edit changed. Each folder is made once: a folder this writer
 * made holds nothing it did not write, so its files are written without looking first (a build
 * into a fresh staging folder never reads or compares).
 */
export function outputWriter(folder: string): { write: (file: OutputFile) => void } {
  /** Each folder written into, and whether this writer made it. */
  const made = new Map<string, boolean>();
  return {
    write(file) {
      const target = path.join(folder, ...file.path.split("/").filter(Boolean));
      const dir = path.dirname(target);
      let fresh = made.get(dir);
      if (fresh === undefined) {
        // mkdirSync returns the first folder it made, or undefined when `dir` was already there.
        fresh = mkdirSync(dir, { recursive: true }) !== undefined;
        made.set(dir, fresh);
      }
      if (!fresh) {
        const existing = statSync(target, { throwIfNoEntry: false });
        if (existing?.size === Buffer.byteLength(file.body, "utf8") && readFileSync(target).equals(Buffer.from(file.body, "utf8"))) return;
      }
      // The string as it is: Node encodes it while writing, with no Buffer to collect afterwards.
      writeFileSync(target, file.body);
    },
  };
}
