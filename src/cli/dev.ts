import EleventyDevServer from "@11ty/eleventy-dev-server";
import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { clearDevState, writeDevState } from "../site/devstate.ts";
import { loadSiteSettings } from "../site/settings.ts";
import { projectPaths } from "../site/project.ts";
import { basePath } from "../urls.ts";

/**
 * `npm start`: Eleventy rebuilds on every content change and a live-reloading server shows
 * the result on localhost only. Eleventy does not reload TypeScript modules, so a change in
 * src/ restarts its process. Output goes to .dev/, never dist/: drafts must not leak.
 */
class LocalhostDevServer extends EleventyDevServer {
  override _serverListen(port: number): void {
    this.server.listen({ port, host: "127.0.0.1" });
  }
}

const root = process.cwd();
const output = path.resolve(root, process.env.DISPATCH_OUT || ".dev");
const port = Number(process.env.PORT ?? 8080);
// cmd.cjs is not in the package's exports: find it beside the resolved entry (src/…).
const eleventyCmd = path.join(path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")), "..", "cmd.cjs");
const env = { ...process.env, DISPATCH_DEV: "1", DISPATCH_OUT: output };
const settings = loadSiteSettings(projectPaths(env, root).settingsFile, env);

let eleventy: ChildProcess | null = null;
function startEleventy(): void {
  eleventy = spawn(process.execPath, ["--import", "tsx", eleventyCmd, "--config=.eleventy.ts", `--output=${output}`, "--watch"], { env, stdio: "inherit" });
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
  watch: [path.join(output, "**/*")],
});
startEleventy();
server.serve(port);
// `npm run new` reads the address to print a preview link.
void server.ready().then(() => writeDevState(root, server.getServerUrl("localhost")));
console.log(`[dispatch] dev server: http://localhost:${port}${basePath(settings.url)} (drafts and future briefings shown; Ctrl+C stops)`);
watch(path.join(root, "src"), { recursive: true }, restartEleventy);
// The email templates and CSS are read once per process too (src/email/render.ts, inline.ts).
watch(path.join(root, "layouts", "email"), { recursive: true }, restartEleventy);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    eleventy?.kill();
    clearDevState(root);
    void server.close().finally(() => process.exit(0));
  });
}
