import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync, writevSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { fileURLToPath } from "node:url";

/**
 * A content-addressed cache on disk for per-briefing work (rendered body and analysis, email
 * edition). An entry's key hashes everything that made it: the caller's inputs (the briefing's
 * bytes, the settings) and the code stamp below, so an edit to any of them is a miss, never a
 * stale hit. `.cache/dispatch/` by default; `DISPATCH_CACHE=<dir>` moves it, `=off` disables it.
 */
export interface Cache {
  get<T>(kind: string, key: string): T | undefined;
  set(kind: string, key: string, value: unknown): void;
  /** A key for these inputs, bound to the code that produces the entry. */
  key(...inputs: string[]): string;
}

/**
 * The first bytes of every entry: a file from another program or format is not ours, hence a
 * miss. Entries hold the value as V8 serializes it (node:v8), several times cheaper to write and
 * read back than JSON with its UTF-8 text; the code stamp covers Node's version, hence V8's format.
 */
const FORMAT = "dispatch-cache/2\n";
const MAGIC = Buffer.from(FORMAT, "latin1");
/** Keys are sha256 in hex. */
const KEY_BYTES = 64;

/** The code that produces cached entries: Dispatch's own folder, whatever the working folder. */
const CODE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

function hashFolder(hash: ReturnType<typeof createHash>, dir: string): void {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${path.relative(CODE_ROOT, file)}\0`).update(readFileSync(file)).update("\0");
}

let stamp: string | undefined;

/**
 * A hash of the code and templates that make cached entries (src/, layouts/, the installed
 * package versions in package-lock.json) and of Node's version: computed once per process
 * (about 200 files), so changing any of them starts the cache afresh.
 */
export function codeStamp(): string {
  if (stamp === undefined) {
    const hash = createHash("sha256").update(`${FORMAT}\0${process.version}\0`);
    hashFolder(hash, path.join(CODE_ROOT, "src"));
    hashFolder(hash, path.join(CODE_ROOT, "layouts"));
    hash.update(readFileSync(path.join(CODE_ROOT, "package-lock.json")));
    stamp = hash.digest("hex");
  }
  return stamp;
}

const keyOf = (code: string, inputs: string[]): string => {
  const hash = createHash("sha256").update(code);
  for (const input of inputs) hash.update(`\0${input.length}\0`).update(input);
  return hash.digest("hex");
};

/** No cache (DISPATCH_CACHE=off): every look-up misses and nothing is written. */
export const NO_CACHE: Cache = {
  get: () => undefined,
  set: () => undefined,
  key: (...inputs) => keyOf("", inputs),
};

class DiskCache implements Cache {
  private readonly made = new Set<string>();
  private writable = true;
  constructor(
    private readonly dir: string,
    private readonly code: string,
  ) {}

  key(...inputs: string[]): string {
    return keyOf(this.code, inputs);
  }

  /** One folder per kind: a few thousand files each, which a file system handles without fanning out. */
  private file(kind: string, key: string): string {
    return path.join(this.dir, kind, `${key}.v8`);
  }

  get<T>(kind: string, key: string): T | undefined {
    const file = this.file(kind, key);
    // Not cached yet: a cold build asks thousands of times, and a failed read's exception costs more than a stat.
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined; // Gone meanwhile (the cache folder deleted), or not readable.
    }
    // A corrupt, truncated or foreign file is a miss; the next set() replaces it.
    const body = MAGIC.length + KEY_BYTES;
    if (bytes.length <= body || !bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes.toString("latin1", MAGIC.length, body) !== key) return undefined;
    let value: T;
    try {
      value = deserialize(bytes.subarray(body)) as T;
    } catch {
      return undefined;
    }
    markUsed(file, stats.mtimeMs);
    return value;
  }

  set(kind: string, key: string, value: unknown): void {
    if (!this.writable) return;
    const file = this.file(kind, key);
    const dir = path.dirname(file);
    try {
      if (!this.made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.made.add(dir);
      }
      // Write then rename: a build killed half-way, or two builds at once, leave no torn entry.
      const temporary = `${file}.${process.pid}.tmp`;
      const fd = openSync(temporary, "w");
      try {
        writevSync(fd, [MAGIC, Buffer.from(key, "latin1"), serialize(value)]);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    } catch (error) {
      // A read-only or full disk slows builds down but must not fail them: say so once.
      this.writable = false;
      console.warn(`[dispatch] warning: cannot write the build cache in ${this.dir} (${(error as Error).message}); building without it. Set DISPATCH_CACHE=off or another folder.`);
    }
  }
}

const DAY_MS = 86_400_000;

/**
 * An entry's modification time is when it was last used: pruneCache removes those unused for
 * longer than its limit. Moved forward at most once a day, so that a build reads its entries
 * without writing to them.
 */
function markUsed(file: string, mtimeMs: number, now = Date.now()): void {
  if (now - mtimeMs < DAY_MS) return;
  try {
    const time = new Date(now);
    utimesSync(file, time, time);
  } catch {
    // A cache we may read but not write (or an entry gone meanwhile): it ages, and is made again if pruned.
  }
}

/** The file beside the kinds whose modification time says when the cache was last pruned. */
const PRUNED = "pruned";
/** Entries that another build may be writing or about to use (a torn write's leftover, a manifest just saved) are older than this before they go. */
const IN_USE_MS = 3_600_000;

export interface PruneReport {
  removed: number;
  bytes: number;
}

/**
 * Removes the entries of the cache in `dir` that no build has used for `maxAgeDays` (a hit moves
 * an entry's modification time forward, markUsed), the build manifests but the newest two
 * (src/cache/manifest.ts: the other build folders are gone), and what killed builds left half
 * written. Runs at most once a day, from the day after the first call (`force` runs it now):
 * walking every entry costs a stat each.
 * Only files named as entries are removed, in the kinds' folders: nothing else in `dir`.
 */
export function pruneCache(dir: string, options: { maxAgeDays: number; now?: number; force?: boolean }): PruneReport {
  const now = options.now ?? Date.now();
  const report: PruneReport = { removed: 0, bytes: 0 };
  if (!existsSync(dir)) return report;
  const stamp = path.join(dir, PRUNED);
  const last = statSync(stamp, { throwIfNoEntry: false });
  // The first time (a new cache, or one from before pruning) only starts the clock: a cold build walks nothing.
  if (!options.force && (!last || now - last.mtimeMs < DAY_MS)) {
    if (!last) writeFileSync(stamp, `${new Date(now).toISOString()}\n`);
    return report;
  }
  const oldest = now - options.maxAgeDays * DAY_MS;
  const kinds = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const kind of kinds) {
    const folder = path.join(dir, kind.name);
    const entries = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && ENTRY_NAME.test(entry.name))
      .map((entry) => {
        const file = path.join(folder, entry.name);
        const stats = statSync(file, { throwIfNoEntry: false });
        return { file, size: stats?.size ?? 0, mtimeMs: stats?.mtimeMs ?? now, torn: entry.name.endsWith(".tmp") };
      });
    // Newest first: the manifests kept are the last builds'.
    entries.sort((a, b) => b.mtimeMs - a.mtimeMs);
    let manifests = 0;
    for (const entry of entries) {
      let stale: boolean;
      if (entry.torn) stale = entry.mtimeMs < now - IN_USE_MS;
      else if (kind.name === "manifest") stale = (manifests += 1) > 2 && entry.mtimeMs < now - IN_USE_MS;
      else stale = entry.mtimeMs < oldest;
      if (!stale) continue;
      try {
        unlinkSync(entry.file);
        report.removed += 1;
        report.bytes += entry.size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
  writeFileSync(stamp, `${new Date(now).toISOString()}\n`);
  return report;
}

/** An entry (`<key>.v8`) or one being written (`<key>.v8.<pid>.tmp`). */
const ENTRY_NAME = /^[0-9a-f]{64}\.v8(\.\d+\.tmp)?$/;

/** The cache in `dir` (ProjectPaths.cache: DISPATCH_CACHE or .cache/dispatch), or none when it is null (off); `code` is the code stamp (tests vary it). */
export function openCache(dir: string | null, code: string = codeStamp()): Cache {
  return dir === null ? NO_CACHE : new DiskCache(dir, code);
}
