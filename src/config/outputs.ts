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
 * (and live-reloads) only what an edit changed. Returns how many files it wrote.
 */
export function outputWriter(folder: string): { write: (file: OutputFile) => void; written: () => number } {
  const made = new Set<string>();
  let count = 0;
  return {
    write(file) {
      const target = path.join(folder, ...file.path.split("/").filter(Boolean));
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const bytes = Buffer.from(file.body, "utf8");
      const existing = statSync(target, { throwIfNoEntry: false });
      if (existing?.size === bytes.length && readFileSync(target).equals(bytes)) return;
      writeFileSync(target, bytes);
      count += 1;
    },
    written: () => count,
  };
}
