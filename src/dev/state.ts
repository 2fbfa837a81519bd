import type { DevMessage } from "./child.ts";
import type { FastPathMessage } from "./fastpath.ts";

/**
 * What `npm start` shows instead of the site, from the two processes that read the briefings:
 * "Building…" until Eleventy's first build, then the problems of the newest save as either
 * process read it. Each process reads a save at its own time (the fast path 30 ms after the last
 * file event, Eleventy once the file has been still for 150 ms), so a report is kept only while no
 * later read replaced it:
 * - an Eleventy build that began before the fast path's last success read an older save: its
 *   problems are ignored;
 * - an Eleventy build that began after the fast path's last failure read that save or a newer
 *   one: its result replaces the fast path's problems. (A save caught half written gives the fast
 *   path a file without front matter, and the file system may not report the rest of the write.)
 */
export class DevState {
  /** Eleventy's first build is done. */
  built = false;
  private fastProblems: string[] | null = null;
  private eleventyProblems: string[] | null = null;
  /** Eleventy's running build began after the fast path's last success. */
  private eleventyCurrent = true;
  /** Eleventy's running build began after the fast path's last failure. */
  private fastSuperseded = false;

  /** The problems to show, or null for the site. */
  get problems(): string[] | null {
    return this.fastProblems ?? this.eleventyProblems;
  }

  eleventy(message: DevMessage): void {
    if (message.type === "started") {
      this.eleventyCurrent = true;
      this.fastSuperseded = this.fastProblems !== null;
      return;
    }
    if (this.fastSuperseded) this.fastProblems = null;
    if (message.type === "built") {
      this.built = true;
      this.eleventyProblems = null;
    } else if (this.eleventyCurrent) {
      this.eleventyProblems = message.problems;
    }
  }

  fast(message: FastPathMessage): void {
    if (message.type === "error") return;
    if (message.type === "failed") {
      this.fastProblems = message.problems;
      this.fastSuperseded = false;
      return;
    }
    this.fastProblems = null;
    this.eleventyProblems = null;
    this.eleventyCurrent = false;
  }
}
