import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureCopy, ROOT } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

const briefings = fixtureCopy();
const workspace = tempFolder();
// A file beside the output folder whose name starts like it: a prefix check would serve it.
const secret = workspace.write("dev-secret/secret.txt", "not for the browser");
let dev: ChildProcess;
let log = "";
let port = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `npm start`'s entry on a free port (PORT=0); `run` replaces the entry (`--eval` code). */
function startDev(output: string, run: string[] = ["src/cli/dev.ts"]) {
  const child = spawn(process.execPath, ["--import", "tsx", ...run], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", DISPATCH_BRIEFINGS: briefings.dir, DISPATCH_OUT: output },
  });
  const state = { log: "", port: 0 };
  const read = (chunk: Buffer) => {
    state.log += chunk.toString();
    state.port ||= Number(/dev server: http:\/\/localhost:(\d+)/.exec(state.log)?.[1] ?? 0);
  };
  child.stdout?.on("data", read);
  child.stderr?.on("data", read);
  return { child, state };
}

/** Process ids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // Fields after the command name, which is in parentheses and may contain spaces.
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false; // Ended while listing.
      }
    })
    .map(Number);
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); await sleep(100)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${log}`);
  }
}

async function waitFor(urlPath: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (port) {
        const response = await fetch(`http://127.0.0.1:${port}${urlPath}`);
        if (response.ok) return response;
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`dev server did not answer at ${urlPath}:\n${log}`);
    await sleep(250);
  }
}

/** `pid`'s children, grandchildren… (recorded before `pid` ends: orphans change parent). */
function descendantsOf(pid: number): number[] {
  return childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);
}

/** Sends one request exactly as written (fetch would normalise the path) and returns its status. */
function rawStatus(target: string, host: string | null = `127.0.0.1:${port}`): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.end(`GET ${target} HTTP/1.1\r\n${host === null ? "" : `Host: ${host}\r\n`}Connection: close\r\n\r\n`);
    });
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
  });
}

beforeAll(() => {
  const started = startDev(path.join(workspace.dir, "dev"));
  dev = started.child;
  const copy = () => {
    log = started.state.log;
    port = started.state.port;
  };
  dev.stdout?.on("data", copy);
  dev.stderr?.on("data", copy);
});

afterAll(() => {
  dev?.kill("SIGTERM");
});

describe("npm start", () => {
  it("serves the site with drafts and future briefings on localhost", async () => {
    const draft = await waitFor("/briefings/2026/draft/", 60_000);
    expect(await draft.text()).toContain("Draft: visible in the dev server only");
    const future = await waitFor("/briefings/2099/future/", 5_000);
    expect(await future.text()).toContain("Email preview");
  });

  it("rebuilds when a briefing changes", async () => {
    await waitFor("/briefings/2026/empty-body/", 60_000);
    // An edit saved before Eleventy's file watcher is ready goes unseen: wait for it.
    for (const deadline = Date.now() + 30_000; !log.includes("Watching") && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const edit = () => briefings.write("2026/empty-body.md", "---\ntitle: Edited while serving\ndate: 2026-01-05T12:00:00Z\n---\n");
    edit();
    const deadline = Date.now() + 30_000;
    let html = "";
    for (let polls = 1; !html.includes("<h1>Edited while serving</h1>") && Date.now() < deadline; polls += 1) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      html = await (await fetch(`http://127.0.0.1:${port}/briefings/2026/empty-body/`)).text();
      // As an editor would, save again if the first save raced the watcher's start.
      if (polls % 20 === 0) edit();
    }
    expect(html).toContain("<h1>Edited while serving</h1>");
  });

  it("listens on the loopback address only", async () => {
    await waitFor("/", 60_000);
    // The kernel's table of listening sockets: local address and port in hex, state 0A = LISTEN.
    const listening = ["/proc/net/tcp", "/proc/net/tcp6"]
      .flatMap((file) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(1) : []))
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === "0A" && fields[1]?.endsWith(`:${port.toString(16).toUpperCase().padStart(4, "0")}`))
      .map((fields) => fields[1]!.split(":")[0]);
    expect(listening).toEqual(["0100007F"]);
  });

  it("answers malformed and escaping paths with 400 and stays up", async () => {
    await waitFor("/", 60_000);
    expect(await rawStatus("/%")).toBe(400);
    expect(await rawStatus("/..%2f..%2fetc/passwd")).toBe(400);
    expect(await rawStatus(`/..%2f${path.basename(path.dirname(secret))}/secret.txt`)).toBe(400);
    expect(await rawStatus("/%E0%A4%A")).toBe(400);
    expect(await rawStatus("/a%5c..%5c..%5csecret")).toBe(400);
    expect(await rawStatus("/briefings/%00")).toBe(400);
    expect(await rawStatus("http://127.0.0.1/")).toBe(400);
    expect(await rawStatus("/briefings/2026/draft/")).toBe(200);
    expect(dev.exitCode).toBeNull();
  });

  it("refuses requests naming another host (DNS rebinding), the live-reload socket too", async () => {
    await waitFor("/", 60_000);
    for (const host of [`localhost:${port}`, "localhost", `127.0.0.1:${port}`, `[::1]:${port}`, "LOCALHOST"]) {
      expect(await rawStatus("/", host), host).toBe(200);
    }
    for (const host of ["evil.example", `evil.example:${port}`, "localhost.evil.example", "127.0.0.1.nip.io", ""]) {
      expect(await rawStatus("/", host), host).toBe(403);
    }
    // Node's HTTP parser itself refuses an HTTP/1.1 request without a Host header.
    expect(await rawStatus("/", null)).toBe(400);
    const upgrade = (host: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, "127.0.0.1", () =>
          socket.write(
            `GET / HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
          ),
        );
        socket.once("data", (chunk: Buffer) => {
          resolve(chunk.toString("latin1").split("\r\n")[0]!);
          socket.destroy();
        });
        socket.on("error", reject);
      });
    expect(await upgrade("evil.example")).toMatch(/^HTTP\/1\.1 403/);
    expect(await upgrade(`localhost:${port}`)).toMatch(/^HTTP\/1\.1 101/);
    expect(dev.exitCode).toBeNull();
  });

  // Last: it ends the shared server.
  it("leaves no process behind when killed with SIGKILL", async () => {
    await waitFor("/", 60_000);
    const descendants = descendantsOf(dev.pid!);
    expect(descendants.length).toBeGreaterThan(0);
    dev.kill("SIGKILL");
    await waitUntil(() => !descendants.some(alive), 10_000, `processes ${descendants.join(", ")} to end`);
  });
});

describe("npm start ending any other way", () => {
  const cases: Array<[string, string[], (child: ChildProcess) => void]> = [
    ["SIGTERM", ["src/cli/dev.ts"], (child) => child.kill("SIGTERM")],
    ["SIGINT", ["src/cli/dev.ts"], (child) => child.kill("SIGINT")],
    // An error nothing catches, thrown in the dev server's own process once Eleventy runs.
    ["an uncaught error", ["--input-type=module", "--eval", 'await import("./src/cli/dev.ts"); process.on("SIGUSR2", () => { throw new Error("boom"); });'], (child) => child.kill("SIGUSR2")],
  ];
  it.each(cases)("kills Eleventy on %s", async (_name, run, end) => {
    const { child, state } = startDev(path.join(workspace.dir, `dev-${_name.replace(/\W/g, "")}`), run);
    try {
      await waitUntil(() => state.port > 0 && childrenOf(child.pid!).length > 0, 30_000, "the dev server to start");
      const descendants = descendantsOf(child.pid!);
      end(child);
      await waitUntil(() => child.exitCode !== null || child.signalCode !== null, 10_000, "the dev server to exit");
      await waitUntil(() => !descendants.some(alive), 10_000, `processes ${descendants.join(", ")} to end:\n${state.log}`);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
