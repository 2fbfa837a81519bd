import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { CommandError } from "../config/errors.ts";

/** Written into every output folder Dispatch makes: only such a folder is replaced without --force. */
export const MARKER = ".dispatch-output";
export const MARKER_TEXT = "Made by Dispatch: each build replaces this folder's contents whole.\n";

/** The folders an output must keep clear of. */
export interface GuardedPaths {
  root: string;
  content: string;
  briefings: string;
}

/** How a protected folder and the output may relate: `apart` forbids all three (is, contains, inside). */
type Rule = "apart" | "not-containing";

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** The path with every symbolic link in its existing part resolved (the rest may not exist yet). */
function resolveLinks(target: string): string {
  const missing: string[] = [];
  let existing = target;
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    missing.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  try {
    return path.join(realpathSync.native(existing), ...missing);
  } catch {
    return target;
  }
}

/** A path as the user would type it: relative to the working folder when inside it. */
export function shownPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  if (relative === "") return ".";
  return relative.startsWith("..") || path.isAbsolute(relative) ? target : relative;
}

function relation(output: string, guarded: string, rule: Rule): string | null {
  if (output === guarded) return "is";
  if (isInside(guarded, output)) return "contains";
  if (rule === "apart" && isInside(output, guarded)) return "is inside";
  return null;
}

/**
 * Refuses an output folder that a build would destroy something in: every build replaces the
 * output whole, so it must be a folder of its own. Runs before anything is touched; throws an
 * CommandError whose message names both paths and the fix.
 */
export function checkOutputLocation(output: string, paths: GuardedPaths, setting = "DISPATCH_OUT"): void {
  const protectedFolders: [string, string, Rule][] = [
    ["the project folder", paths.root, "not-containing"],
    ["the content folder", paths.content, "apart"],
    ["the layouts folder", path.join(paths.root, "layouts"), "apart"],
    ["the pages folder", path.join(paths.root, "pages"), "apart"],
    ["the source folder", path.join(paths.root, "src"), "apart"],
    ["the tests folder", path.join(paths.root, "test"), "apart"],
    ["the installed packages folder", path.join(paths.root, "node_modules"), "apart"],
    ["the git folder", path.join(paths.root, ".git"), "apart"],
    ["the briefings folder", paths.briefings, "apart"],
    ["your home folder", homedir(), "not-containing"],
  ];
  const fix = `set ${setting} to a folder used only for the built site (such as dist) — nothing was changed`;
  const resolved = path.resolve(output);
  if (path.parse(resolved).root === resolved || path.parse(resolveLinks(resolved)).root === resolveLinks(resolved)) {
    throw new CommandError(`Output folder refused: ${shownPath(resolved)} is the root of the filesystem, and each build replaces the output folder whole; ${fix}.`);
  }
  // Both as written and with links resolved: a link can make two different paths one folder.
  for (const candidate of new Set([resolved, resolveLinks(resolved)])) {
    for (const [name, folder, rule] of protectedFolders) {
      for (const guarded of new Set([path.resolve(folder), resolveLinks(path.resolve(folder))])) {
        const how = relation(candidate, guarded, rule);
        if (how) {
          throw new CommandError(
            `Output folder refused: ${shownPath(resolved)} ${how} ${name} (${shownPath(guarded)}), and each build replaces the output folder whole; ${fix}.`,
          );
        }
      }
    }
  }
}

/** Both checks, before anything is touched. */
export function checkOutput(output: string, paths: GuardedPaths, options: { force?: boolean; command?: string } = {}): void {
  checkOutputLocation(output, paths);
  checkOutputOwner(output, options.force ?? false, options.command);
}

/** True when a folder is missing, empty, or carries Dispatch's marker. */
export function isDispatchFolder(folder: string): boolean {
  try {
    return readdirSync(folder).length === 0 || statSync(path.join(folder, MARKER)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return !existsSync(folder);
    throw error;
  }
}

/**
 * Refuses to replace what Dispatch did not make: a non-empty folder without the marker, or a
 * file, needs --force. For a link, the folder that would be written is its target.
 */
export function checkOutputOwner(output: string, force: boolean, command = "npm run build"): void {
  if (force) return;
  const resolved = path.resolve(output);
  let stats;
  try {
    stats = lstatSync(resolved);
  } catch {
    return;
  }
  const folder = stats.isSymbolicLink() ? resolveLinks(resolved) : resolved;
  const where = stats.isSymbolicLink() ? `${shownPath(resolved)} (a link to ${shownPath(folder)})` : shownPath(resolved);
  if (stats.isSymbolicLink()) {
    try {
      stats = statSync(folder);
    } catch {
      return;
    }
  }
  if (!stats.isDirectory()) {
    throw new CommandError(
      `Output folder refused: ${where} is a file, not a folder Dispatch made; move it away, set DISPATCH_OUT to another folder, or run \`${command} -- --force\` to replace it — nothing was changed.`,
    );
  }
  if (!isDispatchFolder(folder)) {
    throw new CommandError(
      `Output folder refused: ${where} is not empty and has no ${MARKER} file, so Dispatch did not make it; empty it, set DISPATCH_OUT to another folder, or run \`${command} -- --force\` to replace its contents — nothing was changed.`,
    );
  }
}
