import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, watch, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { rebuildTrigger, type DevMessage } from "../dev/child.ts";
import { buildingPage, failurePage } from "../dev/notices.ts";
import { LocalhostDevServer } from "../dev/server.ts";
import { clearDevState, writeDevState } from "../site/devstate.ts";
import { checkOutput, MARKER, MARKER_TEXT } from "../build/guard.ts";
import { CommandError } from "../errors.ts";
import { loadSiteSettings } from "../site/settings.ts";
import { projectPaths } from "../site/project.ts";
import { basePath } from "../urls.ts";

/**
 * `npm start`: Eleventy rebuilds on every content change and a live-reloading server shows
 * the result on localhost only. Eleventy does not reload TypeScript modules, so a change in
 * src/ restarts its process. Output goes to .dev/, never dist/: drafts must not leak.
 * Eleventy never outlives this process: it is killed on every exit path here, and exits by
 * itself when this process's IPC channel closes (src/dev/exit-with-parent.ts).
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

let eleventy: ChildProcess | null = null;
function startEleventy(): void {
  // --quiet: one summary line per build instead of one line per file written.
  eleventy = spawn(process.execPath, ["--import", "tsx", "--import", exitWithParent, eleventyCmd, "--config=.eleventy.ts", `--output=${output}`, "--watch", "--quiet"], {
    env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  eleventy.on("message", (message: DevMessage) => {
    server.notice = message.type === "failed" ? failurePage(message.problems) : null;
  });
}

let restartTimer: NodeJS.Timeout | undefined;
function restartEleventy(): void {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    console.log("[dispatch] src/ changed: restarting Eleventy");
    eleventy?.kill();
    startEleventy();
  }, 200);
}

const server = new LocalhostDevServer("dispatch", output, {
  pathPrefix: basePath(settings.url),
  // Its "File changed: … (skips build)" line for every file Eleventy writes is noise here.
  logger: { info: console.log, log: () => {}, error: console.error },
  watch: [path.join(output, "**/*")],
  // The port actually bound (PORT=0 picks a free one; a busy port moves to the next).
  messageOnStart: ({ hosts }: { hosts: string[] }) => `[dispatch] dev server: ${hosts[0]} (drafts and future briefings shown; Ctrl+C stops)`,
});
// Runs on every exit, including an uncaught error (both calls are synchronous).
process.on("exit", () => {
  eleventy?.kill();
  clearDevState(root);
});
// Answers from the first second: a page that reloads itself until the first build is done.
server.notice = buildingPage();
// Eleventy's watcher does not rebuild when a file is deleted (or renamed away): touch a file it watches.
const trigger = rebuildTrigger(root);
mkdirSync(path.dirname(trigger), { recursive: true });
writeFileSync(trigger, "");
if (existsSync(paths.briefings)) {
  watch(paths.briefings, { recursive: true }, (event, name) => {
    if (event === "rename" && name && !existsSync(path.join(paths.briefings, name))) writeFileSync(trigger, String(Date.now()));
  });
}
startEleventy();
server.serve(port);
// `npm run new` reads the address to print a preview link.
void server.ready().then(() => writeDevState(root, server.getServerUrl("localhost")));
watch(path.join(root, "src"), { recursive: true }, restartEleventy);
// The email templates and CSS are read once per process too (src/email/render.ts, inline.ts).
watch(path.join(root, "layouts", "email"), { recursive: true }, restartEleventy);

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    eleventy?.kill();
    void server.close().finally(() => process.exit(0));
  });
}
