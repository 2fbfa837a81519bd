import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A file that TypeScript writes whole (a feed, an email), straight into the output folder at `path`. */
export interface OutputFile {
  /** Site path without the base, e.g. /feed.xml or /email/2026/paris/index.html. */
  path: string;
  body: string;
}

export interface OutputWriter {
  write(file: OutputFile): void;
  /**
   * Someone else (Eleventy) is about to write `target` (a path on disk): if it is a link to the
   * previous build's file, it is unlinked first, so that the write makes a new file instead of
   * changing the site being served.
   */
  release(target: string): void;
}

/** A buffer reused from file to file: a build compares thousands of files, and a buffer for each is garbage to collect. */
class Scratch {
  private buffer = Buffer.allocUnsafe(1 << 16);
  /** Room for `size` bytes (what it held before is overwritten by the next call). */
  room(size: number): Buffer {
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(size, 2 * this.buffer.length));
    return this.buffer.subarray(0, size);
  }
}

/** Whether `file` holds exactly `bytes`, read into `room` (its size was checked). */
function holds(file: string, bytes: Buffer, room: Buffer): boolean {
  const fd = openSync(file, "r");
  try {
    for (let read = 0; read < room.length; ) {
      const count = readSync(fd, room, read, room.length - read, null);
      if (count === 0) return false;
      read += count;
    }
  } finally {
    closeSync(fd);
  }
  return room.equals(bytes);
}

/**
 * A link to the previous build's file at the same place when its bytes are `bytes`: linking costs
 * a tenth of writing a file. Only a plain file no other name holds (one link) is shared; a link
 * the file system refuses (another device, no hard links) is a write instead.
 */
function linkUnchanged(previous: string, target: string, bytes: Buffer, scratch: Scratch): boolean {
  const old = lstatSync(previous, { throwIfNoEntry: false });
  if (!old?.isFile() || old.nlink !== 1 || old.size !== bytes.length || !holds(previous, bytes, scratch.room(bytes.length))) return false;
  try {
    linkSync(previous, target);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes output files into a folder, each only if its bytes changed: a dev rebuild then touches
 * (and live-reloads) only what an edit changed. Each folder is made once: a folder this writer
 * made holds nothing it did not write, so its files are written without looking first (a build
 * into a fresh staging folder never reads or compares).
 *
 * With `previous` (`npm run build`: the build folder being served, while this writer fills a
 * staging folder), a file whose bytes equal the previous build's at the same place is a hard
 * link to it. The previous build is never changed through such a link: a file this writer
 * writes again, or that Eleventy will write (`release`), is unlinked first.
 */
export function outputWriter(folder: string, options: { previous?: string | null } = {}): OutputWriter {
  /** Each folder written into, and whether this writer made it. */
  const made = new Map<string, boolean>();
  /** Files that are links to the previous build's. */
  const linked = new Set<string>();
  const encoded = new Scratch();
  const read = new Scratch();
  const release = (target: string) => {
    if (linked.delete(target)) unlinkSync(target);
  };
  return {
    release: (target) => release(path.resolve(target)),
    write(file) {
      const parts = file.path.split("/").filter(Boolean);
      const target = path.resolve(folder, ...parts);
      const dir = path.dirname(target);
      let fresh = made.get(dir);
      if (fresh === undefined) {
        // mkdirSync returns the first folder it made, or undefined when `dir` was already there.
        fresh = mkdirSync(dir, { recursive: true }) !== undefined;
        made.set(dir, fresh);
      }
      release(target);
      if (!fresh) {
        const existing = statSync(target, { throwIfNoEntry: false });
        if (existing?.size === Buffer.byteLength(file.body, "utf8") && readFileSync(target).equals(Buffer.from(file.body, "utf8"))) return;
      }
      if (options.previous) {
        const bytes = encoded.room(Buffer.byteLength(file.body, "utf8"));
        bytes.write(file.body, "utf8");
        if (linkUnchanged(path.join(options.previous, ...parts), target, bytes, read)) linked.add(target);
        else writeFileSync(target, bytes);
        return;
      }
      // The string as it is: Node encodes it while writing, with no Buffer to collect afterwards.
      writeFileSync(target, file.body);
    },
  };
}
