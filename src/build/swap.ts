import { existsSync, renameSync, rmSync } from "node:fs";

/** A fresh folder beside the output, on the same disk so the final rename is atomic. */
export function stagingDir(output: string): string {
  return `${output}.staging-${process.pid}`;
}

/**
 * Puts a finished build in place of the old output. Until this runs the old output is
 * untouched, so a failed build never leaves a half-written site.
 */
export function swapIn(staging: string, output: string): void {
  const previous = `${output}.previous-${process.pid}`;
  if (existsSync(output)) renameSync(output, previous);
  renameSync(staging, output);
  rmSync(previous, { recursive: true, force: true });
}

export function discard(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
