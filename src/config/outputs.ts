import { closeSync, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, statSync, unlinkSync, writeFileSync, writeSync, type Stats } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

/** A file that TypeScript writes whole (a feed, an email), straight into the output folder at `path`. */
export interface OutputFile {
  /** Site path without the base, e.g. /feed.xml or /email/2026/paris/index.html. */
  path: string;
  body: string;
  /**
   * The build-cache key its bytes were made from (everything they depend on, code included), and
   * what its maker needs again when the next build links it instead (reuse): recorded in the
   * build's manifest.
   */
  made?: { key: string; note?: unknown };
}

/** A file linked from the previous build instead of made (OutputWriter.reuse): in place, nothing to write. */
export interface ReusedFile {
  path: string;
  reused: true;
}

/**
 * What a build wrote from cache keys, by site path: the key, the file as it was left (inode, size,
 * modification time: `stampOf`) and its maker's note. The next build links a file whose key is
 * the same, when the file is still as recorded, without making or reading its bytes.
 */
export type Manifest = Map<string, { key: string; stamp: string; note?: unknown }>;

/** Where manifests are kept between builds (src/cache/manifest.ts): by build folder. */
export interface ManifestStore {
  /** The manifest recorded for `folder`, or undefined (none, unreadable, or another folder now stands there). */
  load(folder: string): Manifest | undefined;
  save(folder: string, manifest: Manifest): void;
}

/** A file as it is on disk: a hand edit, a copy or a replacement changes one of these. */
const stampOf = (stats: Stats): string => `${stats.ino}:${stats.size}:${stats.mtimeMs}`;

export interface OutputWriter {
  write(file: OutputFile): void;
  /**
   * Links the previous build's files at `paths` when its manifest says they were made from `key`
   * and each is still the file it recorded (a plain file, one name, same inode, size and
   * modification time). Returns the note recorded with the first of them, or null when any is
   * not so (then nothing is linked: write them).
   */
  reuse(paths: string[], key: string): { note: unknown } | null;
  /** Records this build's manifest (after its keyed files are written). */
  finish(): void;
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
function linkUnchanged(previous: string, target: string, bytes: Buffer, scratch: Scratch): Stats | null {
  const old = lstatSync(previous, { throwIfNoEntry: false });
  if (!old?.isFile() || old.nlink !== 1 || old.size !== bytes.length || !holds(previous, bytes, scratch.room(bytes.length))) return null;
  return link(previous, target) ? old : null;
}

/** A hard link, or false where the file system refuses one (another device, no hard links). */
function link(previous: string, target: string): boolean {
  try {
    linkSync(previous, target);
    return true;
  } catch {
    return false;
  }
}

/** Writes `bytes` to a new file; returns it as written. */
function writeNew(target: string, bytes: Buffer): Stats {
  const fd = openSync(target, "w");
  try {
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}

const partsOf = (sitePath: string): string[] => sitePath.split("/").filter(Boolean);

/**
 * Makes the folders at `sitePaths` (/briefings/2026/paris/) inside `folder`, a folder just made
 * and empty, all at once on libuv's threads: a large build's thousands of folders are then made
 * while the main thread does other work (Eleventy starting). Resolves to the folders, for
 * outputWriter's `made` (they hold nothing it did not write).
 */
export async function makeFolders(folder: string, sitePaths: Iterable<string>): Promise<string[]> {
  const dirs = [...new Set([...sitePaths].map((sitePath) => path.resolve(folder, ...partsOf(sitePath))))];
  await Promise.all(dirs.map((dir) => mkdir(dir, { recursive: true })));
  return dirs;
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
 *
 * With `manifests` as well, the writer records which key made each keyed file (OutputFile.made)
 * and, from the previous build's record, links a file whose key is unchanged without its bytes
 * being made, read back or compared (`reuse`); a file whose key changed is written without
 * comparing. A file without a key, or without a record, is compared as above.
 */
export function outputWriter(folder: string, options: { previous?: string | null; manifests?: ManifestStore; made?: Iterable<string> } = {}): OutputWriter {
  const { previous, manifests } = options;
  /** Each folder written into, and whether this writer made it (`made`: folders made for it by makeFolders). */
  const made = new Map<string, boolean>();
  for (const dir of options.made ?? []) made.set(dir, true);
  /** Files that are links to the previous build's, with their site paths. */
  const linked = new Map<string, string>();
  const before = previous && manifests ? manifests.load(previous) : undefined;
  const after: Manifest | null = manifests ? new Map() : null;
  const encoded = new Scratch();
  const read = new Scratch();
  const release = (target: string) => {
    const sitePath = linked.get(target);
    if (sitePath === undefined) return;
    linked.delete(target);
    after?.delete(sitePath);
    unlinkSync(target);
  };
  const place = (sitePath: string) => {
    const parts = partsOf(sitePath);
    const target = path.resolve(folder, ...parts);
    const dir = path.dirname(target);
    let fresh = made.get(dir);
    if (fresh === undefined) {
      // mkdirSync returns the first folder it made, or undefined when `dir` was already there.
      fresh = mkdirSync(dir, { recursive: true }) !== undefined;
      made.set(dir, fresh);
    }
    release(target);
    return { parts, target, fresh };
  };
  const record = (file: OutputFile, stats: Stats) => {
    if (after && file.made) after.set(file.path, { key: file.made.key, stamp: stampOf(stats), note: file.made.note });
  };
  return {
    release: (target) => release(path.resolve(target)),
    reuse(paths, key) {
      if (!before || !previous) return null;
      const found: { sitePath: string; source: string; stamp: string }[] = [];
      for (const sitePath of paths) {
        const entry = before.get(sitePath);
        if (entry?.key !== key) return null;
        const source = path.join(previous, ...partsOf(sitePath));
        const stats = lstatSync(source, { throwIfNoEntry: false });
        if (!stats?.isFile() || stats.nlink !== 1 || stampOf(stats) !== entry.stamp) return null;
        found.push({ sitePath, source, stamp: entry.stamp });
      }
      for (const { sitePath, source, stamp } of found) {
        const { target } = place(sitePath);
        // Refused (another file system): those linked so far are released when they are written.
        if (!link(source, target)) return null;
        linked.set(target, sitePath);
        after?.set(sitePath, { key, stamp, note: before.get(sitePath)!.note });
      }
      return { note: before.get(paths[0]!)?.note };
    },
    write(file) {
      const { parts, target, fresh } = place(file.path);
      if (!fresh) {
        const existing = statSync(target, { throwIfNoEntry: false });
        if (existing?.size === Buffer.byteLength(file.body, "utf8") && readFileSync(target).equals(Buffer.from(file.body, "utf8"))) {
          record(file, existing);
          return;
        }
      }
      if (previous || (after && file.made)) {
        const bytes = encoded.room(Buffer.byteLength(file.body, "utf8"));
        bytes.write(file.body, "utf8");
        let old: Stats | null = null;
        // A key the previous build recorded other bytes under: changed, nothing to compare.
        const changed = file.made !== undefined && before?.has(file.path) === true && before.get(file.path)!.key !== file.made.key;
        if (previous && !changed) old = linkUnchanged(path.join(previous, ...parts), target, bytes, read);
        if (old) linked.set(target, file.path);
        record(file, old ?? writeNew(target, bytes));
        return;
      }
      // The string as it is: Node encodes it while writing, with no Buffer to collect afterwards.
      writeFileSync(target, file.body);
    },
    finish() {
      if (after) manifests!.save(folder, after);
    },
  };
}
