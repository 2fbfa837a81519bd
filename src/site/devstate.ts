import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The running dev server leaves its address in a small file, so that other commands
 * (`npm run new`) can print a link to what they made. Removed when the server stops.
 */
function stateFile(root: string): string {
  return path.join(root, ".cache", "dev-server.json");
}

export function writeDevState(root: string, url: string): void {
  mkdirSync(path.dirname(stateFile(root)), { recursive: true });
  writeFileSync(stateFile(root), JSON.stringify({ pid: process.pid, url }));
}

export function clearDevState(root: string): void {
  rmSync(stateFile(root), { force: true });
}

/** The running dev server's base URL, or null when none runs (a stale file is ignored). */
export function readDevState(root: string): string | null {
  let state: { pid?: unknown; url?: unknown };
  try {
    state = JSON.parse(readFileSync(stateFile(root), "utf8")) as typeof state;
  } catch {
    return null;
  }
  if (typeof state.pid !== "number" || typeof state.url !== "string") return null;
  try {
    process.kill(state.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return state.url;
}
