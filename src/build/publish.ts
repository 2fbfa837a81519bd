import * as nodeFs from "node:fs";
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { CommandError, describeSystemError } from "../config/errors.ts";
import { checkOutputOwner, MARKER, MARKER_TEXT, shownPath } from "./guard.ts";

/**
 * Every call that changes the disk goes through this object, so a test can fail or kill the
 * publish step at each one (test/site/publish.test.ts). Reads use node:fs directly.
 */
export interface PublishFs {
  mkdirSync(target: string, options?: { recursive?: boolean }): unknown;
  writeFileSync(target: string, data: string): void;
  copyFileSync(source: string, target: string): void;
  renameSync(from: string, to: string): void;
  symlinkSync(target: string, link: string): void;
  linkSync(existing: string, link: string): void;
  unlinkSync(target: string): void;
  rmSync(target: string, options: { recursive: true; force: true }): void;
  /** Removes a whole build folder: asynchronous, so that its thousands of files go in parallel. */
  rm(target: string, options: { recursive: true; force: true }): Promise<void>;
}

/** The real file system. */
const NODE_FS: PublishFs = { ...nodeFs, rm: nodeFs.promises.rm };

export interface PublishOptions {
  /** Replace an output folder Dispatch did not make. */
  force?: boolean;
  /** How long to wait for another build's lock before refusing (default DISPATCH_LOCK_WAIT seconds, else 600). */
  lockWaitMs?: number;
  warn?: (message: string) => void;
  fs?: PublishFs;
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno(error) === "EPERM";
  }
};

/**
 * Lock files this process is using: one with our pid that is not among them was left behind by
 * a failed clean-up (a later build in the same process takes it over).
 */
const inUse = new Set<string>();
const leftBehind = (file: string, pid: number) => (pid === process.pid ? !inUse.has(file) : !isAlive(pid));

/**
 * An exclusive lock file beside the output holding the builder's pid. Created whole with a hard
 * link (never seen empty); a lock whose pid is dead is moved aside and checked before it is
 * taken over, so two builds that find the same stale lock cannot both take it.
 */
async function acquireLock(lock: string, waitMs: number, fs: PublishFs, shown: string): Promise<() => void> {
  // Unique even within one process; the pid lets a later build see it was left by a dead one.
  const mine = `${lock}.${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  inUse.add(mine);
  fs.writeFileSync(mine, `${process.pid}\n`);
  const deadline = Date.now() + waitMs;
  let told = false;
  try {
    for (;;) {
      try {
        fs.linkSync(mine, lock);
        inUse.add(lock);
        return () => {
          inUse.delete(lock);
          fs.unlinkSync(lock);
        };
      } catch (error) {
        if (errno(error) !== "EEXIST") throw error;
      }
      const holder = Number.parseInt(readText(lock), 10);
      if (holder > 0 && leftBehind(lock, holder)) {
        takeOverStale(lock, holder, fs);
        continue;
      }
      if (Date.now() >= deadline) {
        throw new CommandError(
          `Build refused: another build (pid ${holder || "unknown"}) is writing ${shown}/ and still held ${shownPath(lock)} after ${Math.round(waitMs / 1000)} s; wait for it to finish (or raise DISPATCH_LOCK_WAIT), and if no build is running delete ${shownPath(lock)} — ${shown}/ was not changed.`,
        );
      }
      if (!told) console.error(`[dispatch] waiting for the build with pid ${holder || "unknown"} to finish writing ${shown}/ (lock ${shownPath(lock)})`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    inUse.delete(mine);
    try {
      fs.unlinkSync(mine);
    } catch {
      // Left behind: the next build removes it (cleanLeftovers).
    }
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function takeOverStale(lock: string, holder: number, fs: PublishFs): void {
  const aside = `${lock}.${process.pid}-stale`;
  try {
    fs.renameSync(lock, aside);
  } catch (error) {
    if (errno(error) === "ENOENT") return;
    throw error;
  }
  // Another build may have taken the stale lock over between our read and the rename: put it back.
  if (Number.parseInt(readText(aside), 10) !== holder) {
    try {
      fs.linkSync(aside, lock);
    } catch (error) {
      if (errno(error) !== "EEXIST") throw error;
    }
  }
  fs.unlinkSync(aside);
}

function hasMarker(folder: string): boolean {
  try {
    return statSync(path.join(folder, MARKER)).isFile();
  } catch {
    return false;
  }
}

function isEmptyFolder(folder: string): boolean {
  try {
    return readdirSync(folder).length === 0;
  } catch {
    return false;
  }
}

type Leftover = "staging" | "site" | "previous" | "link" | "lock";

/** Names that only Dispatch gives the folders, links and lock files beside an output. */
function leftoverKind(output: string, name: string): Leftover | null {
  const base = path.basename(output);
  if (!name.startsWith(`${base}.`)) return null;
  const rest = name.slice(base.length + 1);
  const lockFile = /^lock\.(\d+)-[a-z0-9-]+$/.exec(rest);
  if (lockFile) return leftBehind(path.join(path.dirname(output), name), Number(lockFile[1])) ? "lock" : null;
  const match = /^(staging|site|previous|link)-[a-z0-9-]+$/.exec(rest);
  return (match?.[1] as Leftover | undefined) ?? null;
}

/** Our generation folder a link at the output points to, or null for any other link. */
function ownTarget(output: string): string | null {
  let target: string;
  try {
    target = readlinkSync(output);
  } catch {
    return null;
  }
  return leftoverKind(output, target) === "site" ? path.join(path.dirname(output), target) : null;
}

/**
 * Removes what killed or failed builds left beside the output: staging and old build folders
 * that hold the marker (or are empty) and half-made links. Anything else is only reported.
 */
function cleanLeftovers(output: string, fs: PublishFs, warn: (message: string) => void): void {
  const parent = path.dirname(output);
  const live = ownTarget(output);
  for (const name of readdirSync(parent)) {
    const kind = leftoverKind(output, name);
    const full = path.join(parent, name);
    if (!kind || full === live) continue;
    const stats = lstatSync(full);
    const ours = kind === "link" ? stats.isSymbolicLink() : kind === "lock" ? stats.isFile() : stats.isDirectory() && (hasMarker(full) || isEmptyFolder(full));
    if (ours) {
      try {
        fs.rmSync(full, { recursive: true, force: true });
      } catch (error) {
        warn(`could not remove ${shownPath(full)}, left by an earlier build (${describeSystemError(error) ?? String(error)}); delete it yourself`);
      }
    } else {
      warn(`left ${shownPath(full)} alone: it has no ${MARKER} file (an older Dispatch or someone else made it); delete it if you do not need it`);
    }
  }
}

interface Tree {
  dirs: string[];
  files: string[];
}

/** Folders (parents first) and files below a folder, relative, without following links. */
function walk(root: string): Tree {
  const tree: Tree = { dirs: [], files: [] };
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? path.join(relative, entry.name) : entry.name;
      if (entry.isDirectory()) {
        tree.dirs.push(child);
        visit(child);
      } else {
        tree.files.push(child);
      }
    }
  };
  visit("");
  return tree;
}

function sameContents(a: string, b: string): boolean {
  try {
    const left = statSync(a);
    const right = lstatSync(b);
    return right.isFile() && left.size === right.size && readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

/**
 * Updates a folder that cannot be swapped (a mount point, a link's target, a folder made before
 * Dispatch published through a link) in place: new files, then changed ones, each written beside
 * its place and renamed over it so no reader sees half a file; old files go last.
 */
function syncInPlace(staging: string, target: string, fs: PublishFs, progress: { written: number; deleting: boolean }): void {
  const next = walk(staging);
  const current = walk(target);
  const currentDirs = new Set(current.dirs);
  const currentFiles = new Set(current.files);
  const put = (file: string) => {
    const temporary = path.join(target, path.dirname(file), `.${path.basename(file)}.dispatch-${process.pid}`);
    try {
      fs.copyFileSync(path.join(staging, file), temporary);
      fs.renameSync(temporary, path.join(target, file));
      progress.written += 1;
    } catch (error) {
      fs.rmSync(temporary, { recursive: true, force: true });
      throw error;
    }
  };
  // A file where a folder must go (or the reverse) can only be replaced after deleting it: last.
  const clashes = [...next.dirs.filter((dir) => currentFiles.has(dir)), ...next.files.filter((file) => currentDirs.has(file))];
  const clashed = (entry: string) => clashes.some((clash) => entry === clash || entry.startsWith(`${clash}${path.sep}`));
  for (const dir of next.dirs) if (!currentDirs.has(dir) && !clashed(dir)) fs.mkdirSync(path.join(target, dir));
  for (const file of next.files) if (!currentFiles.has(file) && !currentDirs.has(file) && !clashed(file)) put(file);
  for (const file of next.files) if (currentFiles.has(file) && !clashed(file) && !sameContents(path.join(staging, file), path.join(target, file))) put(file);
  progress.deleting = true;
  const keepDirs = new Set(next.dirs.filter((dir) => !clashed(dir)));
  const keepFiles = new Set(next.files.filter((file) => !clashed(file)));
  for (const file of current.files) if (!keepFiles.has(file)) fs.rmSync(path.join(target, file), { recursive: true, force: true });
  for (const dir of current.dirs.reverse()) if (!keepDirs.has(dir)) fs.rmSync(path.join(target, dir), { recursive: true, force: true });
  for (const dir of next.dirs) if (clashed(dir)) fs.mkdirSync(path.join(target, dir), { recursive: true });
  for (const file of next.files) if (clashed(file)) put(file);
}

function lockWait(): number {
  const seconds = Number(process.env.DISPATCH_LOCK_WAIT);
  return Number.isFinite(seconds) && seconds >= 0 && process.env.DISPATCH_LOCK_WAIT !== "" ? seconds * 1000 : 600_000;
}

/**
 * Builds into a fresh staging folder beside the output and publishes it so that a complete site
 * is at the output path at every instant:
 * - normally the output is a link to a build folder beside it (`dist` → `dist.site-…`), and
 *   publishing renames a new link over it: one atomic step, the old site or the new, never none;
 * - a real folder (a mount point, a folder you made, or a `dist/` from before links) and a link
 *   you made are updated in place (syncInPlace): every file whole, old files removed last.
 * A lock beside the output makes concurrent builds wait their turn. Staging is always removed on
 * failure; errors say what state the output was left in.
 */
export async function publish<T>(outputPath: string, build: (staging: string, previous: string | null) => Promise<T>, options: PublishOptions = {}): Promise<T> {
  const fs = options.fs ?? NODE_FS;
  const warn = options.warn ?? ((message: string) => console.error(`[dispatch] warning: ${message}`));
  const output = path.resolve(outputPath);
  const shown = shownPath(output);
  const unchanged = `${shown}/ was not changed`;
  const staging = `${output}.staging-${process.pid}`;
  const fail: Fail = (what, error, state) => {
    if (error instanceof CommandError) throw error;
    const described = describeSystemError(error, what === "Building" ? `${shownPath(staging)}/` : undefined);
    // What the build itself throws (a briefing's problems, a template error) is reported by the caller.
    if (!described && what === "Building") throw error;
    if (process.env.DEBUG) console.error(error);
    throw new CommandError(`${what} failed: ${described ?? (error instanceof Error ? error.message : String(error))} — ${state}.`);
  };

  let release: () => void = () => {};
  try {
    release = await acquireLock(`${output}.lock`, options.lockWaitMs ?? lockWait(), fs, shown);
  } catch (error) {
    fail("Taking the build lock", error, unchanged);
  }
  let state = unchanged;
  try {
    // Checked again under the lock: the folder may have changed while we waited.
    checkOutputOwner(output, options.force ?? false);
    try {
      cleanLeftovers(output, fs, warn);
      fs.mkdirSync(staging);
      fs.writeFileSync(path.join(staging, MARKER), MARKER_TEXT);
    } catch (error) {
      fail(`Preparing ${shownPath(staging)}`, error, unchanged);
    }
    let result: T;
    try {
      result = await build(staging, ownTarget(output));
    } catch (error) {
      // Eleventy rejects on its first failed write while others are still under way and may
      // recreate the folder after it was removed: remove it once more when the process ends.
      process.once("exit", () => nodeFs.rmSync(staging, { recursive: true, force: true }));
      fail("Building", error, unchanged);
    }
    const replaced = swapIn(staging, output, fs, fail);
    state = `${shown}/ now holds the new build`;
    if (replaced) await removeQuietly(replaced, fs, warn, `${state}, but`);
    return result!;
  } catch (error) {
    try {
      fs.rmSync(staging, { recursive: true, force: true });
    } catch (cleanup) {
      warn(`could not remove ${shownPath(staging)} (${describeSystemError(cleanup) ?? String(cleanup)}); the next build removes it`);
    }
    throw error;
  } finally {
    try {
      release();
    } catch (error) {
      warn(`${state}, but the lock ${shownPath(`${output}.lock`)} could not be removed (${describeSystemError(error) ?? String(error)}); the next build takes it over`);
    }
  }
}

type Fail = (what: string, error: unknown, state: string) => never;

/** Puts the staged build at the output; returns the folder it replaced (to remove), if any. */
function swapIn(staging: string, output: string, fs: PublishFs, fail: Fail): string | null {
  const shown = shownPath(output);
  let stats: nodeFs.Stats | null = null;
  try {
    stats = lstatSync(output);
  } catch (error) {
    if (errno(error) !== "ENOENT") fail(`Reading ${shown}`, error, `${shown}/ was not changed`);
  }
  const previous = stats?.isSymbolicLink() ? ownTarget(output) : null;
  if (stats && (stats.isDirectory() || (stats.isSymbolicLink() && !previous))) {
    let target = output;
    if (stats.isSymbolicLink()) {
      // A link you made: its target gets the new files, the link stays.
      target = path.resolve(path.dirname(output), readlinkSync(output));
      try {
        if (!nodeFs.existsSync(target)) fs.mkdirSync(target, { recursive: true });
        target = realpathSync(target);
      } catch (error) {
        fail(`Creating ${shownPath(target)}`, error, `${shown}/ was not changed`);
      }
    }
    const progress = { written: 0, deleting: false };
    try {
      syncInPlace(staging, target, fs, progress);
    } catch (error) {
      const state = progress.deleting
        ? `${shown}/ holds the new build, but some files of the previous one were not removed; build again`
        : progress.written > 0
          ? `${shown}/ holds a mix of the previous and the new build (every file whole, none removed); build again`
          : `${shown}/ was not changed`;
      fail(`Updating ${shown}/ in place`, error, state);
    }
    return staging;
  }
  const site = `${output}.site-${Date.now().toString(36)}-${process.pid}`;
  const link = `${output}.link-${process.pid}`;
  try {
    fs.renameSync(staging, site);
    fs.symlinkSync(path.basename(site), link);
    // The one step that publishes: rename() replaces the old link (or file) atomically.
    fs.renameSync(link, output);
  } catch (error) {
    for (const leftover of [site, link]) {
      try {
        fs.rmSync(leftover, { recursive: true, force: true });
      } catch {
        // The next build's cleanup removes it (it holds the marker).
      }
    }
    fail(`Publishing into ${shown}/`, error, `${shown}/ was not changed`);
  }
  return previous;
}

/**
 * Removing a folder after the new build is in place: a failure is a warning, not a failed build.
 * Its files are unlinked in parallel (fs.promises.rm): one by one, a previous build of thousands
 * of files took seconds of waiting on the disk.
 */
async function removeQuietly(folder: string, fs: PublishFs, warn: (message: string) => void, prefix: string): Promise<void> {
  try {
    await fs.rm(folder, { recursive: true, force: true });
  } catch (error) {
    warn(`${prefix} ${shownPath(folder)} could not be removed (${describeSystemError(error) ?? String(error)}); the next build removes it`);
  }
}
