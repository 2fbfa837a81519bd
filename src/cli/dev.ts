import { spawn, type ChildProcess } from "node:child_process";
import { watch as watchFiles } from "@11ty/chokidar-with-glob-support";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isBriefingFile, rebuildTrigger, type DevMessage } from "../dev/child.ts";
import type { FastPathMessage, FastPathRequest } from "../dev/fastpath.ts";
import { buildingPage, failurePage } from "../dev/notices.ts";
import { LocalhostDevServer } from "../dev/server.ts";
import { DevState } from "../dev/state.ts";
import { clearDevState, writeDevState } from "../site/devstate.ts";
import { checkOutput, MARKER, MARKER_TEXT } from "../build/guard.ts";
import { CommandError } from "../config/errors.ts";
import { loadSiteSettings } from "../config/settings.ts";
import { projectPaths } from "../config/paths.ts";
import { basePath } from "../urls.ts";

/**
 * `npm start`: Eleventy rebuilds on every content change and a live-reloading server shows
 * the result on localhost only. A saved briefing's page and email edition come first, from a
 * second process that keeps every briefing in memory (src/dev/fastpath.ts); Eleventy's full
 * rebuild follows and writes the same bytes. Eleventy does not reload TypeScript modules, so a
 * change in src/ restarts both processes. Output goes to .dev/, never dist/: drafts must not
 * leak. Neither process outlives this one: both are killed on every exit path here, and exit by
 * themselves when this process's IPC channel closes (src/dev/exit-with-parent.ts).
 */

const root = process.cwd();
const output = path.resolve(root, process.env.DISPATCH_OUT || ".dev");
const port = Number(process.env.PORT ?? 8080);
// cmd.cjs is not in the package's exports: find it beside the resolved entry (src/…).
const eleventyCmd = path.join(path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")), "..", "cmd.cjs");
const exitWithParent = new URL("../dev/exit-with-parent.ts", import.meta.url).href;
const env = { ...process.env, DISPATCH_DEV: "1", DISPATCH_OUT: output };
const paths = projectPaths(env, root);
const settings = loadSiteSettings(paths.settingsFile, env);
// Eleventy writes into .dev/ as it likes: the same guard as the build's keeps it off anything else.
try {
  checkOutput(output, paths, { force: process.argv.slice(2).includes("--force"), command: "npm start" });
} catch (error) {
  if (!(error instanceof CommandError)) throw error;
  console.error(error.message);
  process.exit(1);
}
mkdirSync(output, { recursive: true });
writeFileSync(path.join(output, MARKER), MARKER_TEXT);

/** What the browser shows instead of the site (src/dev/state.ts). */
const state = new DevState();
let printed = "";
function showState(): void {
  const { problems } = state;
  server.notice = !state.built ? buildingPage() : problems ? failurePage(problems) : null;
  // The terminal says it too, once for each new set of problems, whichever process found them first.
  const now = problems ? JSON.stringify(problems) : "";
  if (problems && now !== printed) for (const problem of problems) console.error(`[dispatch] ${problem}`);
  printed = now;
}

function spawnChild(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--import", exitWithParent, ...args], { env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

let eleventy: ChildProcess | null = null;
let fast: ChildProcess | null = null;
let stopping = false;
function startChildren(): void {
  // --quiet: one summary line per build instead of one line per file written.
  eleventy = spawnChild([eleventyCmd, "--config=.eleventy.ts", `--output=${output}`, "--watch", "--quiet"]);
  fast = null;
  eleventy.on("message", (message: DevMessage) => {
    state.eleventy(message);
    if (message.type === "built") {
      // The fast path starts once Eleventy's first build is done: it then reads every briefing
      // from the build cache that build filled, instead of analysing all of them a second time at once.
      if (!fast) startFast();
      // One reload per rebuild, for every page it may have changed.
      server.reload({ files: [] });
    }
    showState();
  });
}

function startFast(): void {
  const started = spawnChild([fileURLToPath(new URL("../dev/fast-child.ts", import.meta.url))]);
  fast = started;
  started.on("exit", (code, signal) => {
    // Killed by a restart or on the way out: expected. Anything else is worth a line.
    if (fast === started && !stopping && signal !== "SIGTERM") console.error(`[dispatch] the quick update process ended (${signal ?? `exit code ${code}`}); saves now wait for the full rebuild`);
  });
  started.on("message", (message: FastPathMessage) => {
    state.fast(message);
    if (message.type === "error") console.error(`[dispatch] the quick update failed (${message.message}); the full rebuild follows`);
    else if (message.type !== "failed") {
      for (const source of message.sources) console.log(`[dispatch] ${source}: page and email preview updated in ${Math.round(message.ms)} ms; the full rebuild follows`);
      server.reload({ files: message.files });
    }
    showState();
  });
}

function tellFast(request: FastPathRequest): void {
  if (fast?.connected) fast.send(request);
}

let restartTimer: NodeJS.Timeout | undefined;
function restartChildren(): void {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    console.log("[dispatch] src/ changed: restarting Eleventy");
    eleventy?.kill();
    fast?.kill();
    startChildren();
  }, 200);
}

const server = new LocalhostDevServer("dispatch", output, {
  pathPrefix: basePath(settings.url),
  // Its "File changed: … (skips build)" line for every file Eleventy writes is noise here.
  logger: { info: console.log, log: () => {}, error: console.error },
  // The port actually bound (PORT=0 picks a free one; a busy port moves to the next).
  messageOnStart: ({ hosts }: { hosts: string[] }) => `[dispatch] dev server: ${hosts[0]} (drafts and future briefings shown; Ctrl+C stops)`,
});
// Runs on every exit, including an uncaught error (both calls are synchronous).
process.on("exit", () => {
  stopping = true;
  eleventy?.kill();
  fast?.kill();
  clearDevState(root);
});
// Answers from the first second: a page that reloads itself until the first build is done.
showState();
// Eleventy's watcher does not rebuild when a file is deleted (or renamed away): touch a file it watches.
const trigger = rebuildTrigger(root);
mkdirSync(path.dirname(trigger), { recursive: true });
writeFileSync(trigger, "");
// chokidar (Eleventy's), not fs.watch: Node 20's recursive fs.watch on Linux loses a file once an
// editor saves it by renaming a new copy over it.
const watchOptions = { ignoreInitial: true };
// A save often comes as several events (truncate, write): the fast path starts once they stop.
let savedTimer: NodeJS.Timeout | undefined;
watchFiles([paths.briefings, paths.content], watchOptions).on("all", (event: string, file: string) => {
  const absolute = path.resolve(root, file);
  if (absolute.startsWith(paths.briefings + path.sep)) {
    if (event === "unlink" || event === "unlinkDir") writeFileSync(trigger, String(Date.now()));
    if (!isBriefingFile(absolute, paths.briefings) && event !== "unlinkDir") return;
    clearTimeout(savedTimer);
    savedTimer = setTimeout(() => tellFast({ type: "saved" }), 30);
  } else {
    // Images and settings change how briefings read: the fast path reads everything again.
    tellFast({ type: "forget" });
  }
});
startChildren();
server.serve(port);
// `npm run new` reads the address to print a preview link.
void server.ready().then(() => writeDevState(root, server.getServerUrl("localhost")));
// The email templates and CSS are read once per process too (src/email/render.ts, inline.ts).
watchFiles([path.join(root, "src"), path.join(root, "layouts", "email")], watchOptions).on("all", restartChildren);

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopping = true;
    eleventy?.kill();
    fast?.kill();
    void server.close().finally(() => process.exit(0));
  });
}
