import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempProject } from "../helpers/project.ts";
import { briefingSource } from "../helpers/tmp.ts";

// A real `npm start` in a project of its own, on a free loopback port (PORT=0).
const project = tempProject({ briefings: true });
const stateFile = path.join(project.dir, ".cache", "dev-server.json");
let dev: ChildProcess;
let log = "";
let base = "";

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * Eleventy prints "Watching…" before its file watcher is ready, and a save in between goes unseen
 * (on a busy machine, seconds). Save a briefing, again every 3 s as an editor would, until a rebuild
 * shows that saves are seen; then wait until the log is quiet, so the next test sees only its own rebuild.
 */
async function untilSavesAreSeen(): Promise<void> {
  const before = log.length;
  let saves = 0;
  await until("a rebuild after a save", () => {
    if (log.slice(before).includes(" files in ")) return true;
    if (saves++ % 20 === 0) project.write("content/briefings/2026/uk-france-ukraine-troops.md", briefingSource({ title: `Saved while the watcher starts ${saves}`, date: "2026-01-06T18:00:00Z" }));
    return undefined;
  });
  let length = -1;
  await until("a quiet log", async () => {
    if (log.length === length) return true;
    length = log.length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return undefined;
  });
}

/** A page as the browser gets it; status 0 when the connection drops (a file replaced as it is read). */
async function get(pathname: string): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(new URL(pathname, base));
    return { status: response.status, text: await response.text() };
  } catch {
    return { status: 0, text: "" };
  }
}

beforeAll(() => {
  dev = spawn("npm", ["start"], { cwd: project.dir, detached: true, env: { ...process.env, PORT: "0", DISPATCH_BRIEFINGS: "", DISPATCH_OUT: "" } });
  dev.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  dev.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
});

afterAll(() => {
  // The whole group: npm, the dev server and its Eleventy.
  if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
});

describe("npm start for an editor", () => {
  it("answers from the first second with a page that reloads until the first build is done", async () => {
    base = await until("the server's address", () => (existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, "utf8")) as { url: string }).url : undefined));
    const first = await get("/");
    expect(first.status).toBe(503);
    expect(first.text).toContain("<h1>Building…</h1>");
    expect(first.text).toContain('http-equiv="refresh"');
    const home = await until("the first build", async () => ((await get("/")).status === 200 ? true : undefined));
    expect(home).toBe(true);
    await until("the watcher", () => (log.includes("Watching") ? true : undefined));
    await untilSavesAreSeen();
    // The first build, the watcher and a rebuild: on a busy machine more than the usual minute.
  }, 180_000);

  it("prints a few lines per rebuild, with the page, email preview and analysis of the saved briefing", async () => {
    const before = log.length;
    project.write("content/briefings/2026/uk-france-ukraine-troops.md", briefingSource({ title: "Edited in the dev server", date: "2026-01-06T18:00:00Z" }));
    await until("the rebuild", () => (log.slice(before).includes(" files in ") ? true : undefined));
    const printed = log.slice(before);
    expect(printed).toContain(`page      ${base}briefings/2026/uk-france-ukraine-troops/`);
    expect(printed).toContain(`email     ${base}email/2026/uk-france-ukraine-troops/preview/`);
    expect(printed).toContain("analysis  npm run --silent analyze -- content/briefings/2026/uk-france-ukraine-troops.md");
    expect(printed.trim().split("\n").length).toBeLessThan(12);
    expect((await get("/briefings/2026/uk-france-ukraine-troops/")).text).toContain("Edited in the dev server");
  });

  it("reloads the browser on a save, and once the rebuild settles serves the bytes a fresh dev build writes", async () => {
    // The live-reload socket, opened as the page's script opens it; the server's frames are unmasked text.
    let frames = "";
    const { port } = new URL(base);
    const socket = connect(Number(port), "127.0.0.1", () =>
      socket.write(`GET / HTTP/1.1\r\nHost: localhost:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`),
    );
    socket.on("data", (chunk: Buffer) => (frames += chunk.toString("latin1")));
    try {
      await until("the live-reload socket", () => (frames.startsWith("HTTP/1.1 101") ? true : undefined));
      const before = log.length;
      project.write("content/briefings/2026/uk-france-ukraine-troops.md", briefingSource({ title: "Edited again, then settled", date: "2026-01-06T18:00:00Z" }));
      await until("a reload message", () => (frames.includes('"eleventy.reload"') ? true : undefined));
      await until("the rebuild", () => (log.slice(before).includes(" files in ") ? true : undefined));
    } finally {
      socket.destroy();
    }
    const fresh = path.join(project.dir, "fresh-dev-build");
    const eleventyCmd = path.join(project.dir, "node_modules", "@11ty", "eleventy", "cmd.cjs");
    const build = spawnSync(process.execPath, ["--import", "tsx", eleventyCmd, "--config=.eleventy.ts", `--output=${fresh}`, "--quiet"], {
      cwd: project.dir,
      encoding: "utf8",
      env: { ...process.env, DISPATCH_DEV: "1", DISPATCH_BRIEFINGS: "", DISPATCH_OUT: fresh },
    });
    expect(build.status, build.stderr).toBe(0);
    for (const file of ["briefings/2026/uk-france-ukraine-troops/index.html", "email/2026/uk-france-ukraine-troops/preview/index.html", "email/2026/uk-france-ukraine-troops/index.html", "index.html"]) {
      const served = readFileSync(path.join(project.dir, ".dev", file), "utf8");
      expect(served, file).toBe(readFileSync(path.join(fresh, file), "utf8"));
    }
    expect(readFileSync(path.join(fresh, "briefings/2026/uk-france-ukraine-troops/index.html"), "utf8")).toContain("Edited again, then settled");
    rmSync(fresh, { recursive: true, force: true });
  });

  it("shows a broken briefing's error in the browser and the terminal, and recovers when it is fixed", async () => {
    const file = "content/briefings/2026/broken.md";
    project.write(file, '---\ntitle: "Unclosed\ndate: 2026-01-07\n---\nText.\n');
    const failed = await until("the error page", async () => {
      const page = await get("/");
      return page.status === 503 && page.text.includes("Build failed") ? page.text : undefined;
    });
    expect(failed).toMatch(/<pre>content\/briefings\/2026\/broken\.md:\d+: front matter is not valid YAML/);
    expect(log).toMatch(/\[dispatch\] content\/briefings\/2026\/broken\.md:\d+: front matter is not valid YAML/);
    project.write(file, briefingSource({ title: "Fixed and a draft", date: "2026-01-07", draft: "true" }));
    const fixed = await until("the fixed page", async () => {
      const page = await get("/briefings/2026/broken/");
      return page.status === 200 ? page.text : undefined;
    });
    // Drafts are marked on the page.
    expect(fixed).toContain("Draft: visible in the dev server only");
    expect((await get("/")).status).toBe(200);
  });

  it("rebuilds when a briefing is deleted: gone from the home page, its page 404", async () => {
    expect((await get("/")).text).toContain("/briefings/2026/sample-climate-report/");
    rmSync(path.join(project.dir, "content/briefings/2026/sample-climate-report.md"));
    await until("the home page without it", async () => (!(await get("/")).text.includes("sample-climate-report") ? true : undefined), 20_000);
    await until("its page gone", async () => ((await get("/briefings/2026/sample-climate-report/")).status === 404 ? true : undefined), 20_000);
  });

  it("npm run new prints the draft's preview address while it runs", async () => {
    const run = spawnSync("npm", ["run", "--silent", "new", "--", "Written while serving", "--date", "2026-01-08"], { cwd: project.dir, encoding: "utf8" });
    expect(run.stdout).toContain(`Preview: ${base}briefings/2026/written-while-serving/`);
    await until("the new draft's page", async () => ((await get("/briefings/2026/written-while-serving/")).status === 200 ? true : undefined), 20_000);
  });
});
