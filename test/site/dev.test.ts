import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureCopy, ROOT } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

const port = 18_000 + (process.pid % 1000);
let dev: ChildProcess;
const briefings = fixtureCopy();
let log = "";

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`dev server did not answer at ${url}:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(() => {
  dev = spawn(process.execPath, ["--import", "tsx", "src/cli/dev.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DISPATCH_BRIEFINGS: briefings.dir, DISPATCH_OUT: path.join(tempFolder().dir, "dev") },
  });
  dev.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  dev.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
});

afterAll(() => {
  dev?.kill("SIGTERM");
});

describe("npm start", () => {
  it("serves the site with drafts and future briefings on localhost", async () => {
    const draft = await waitFor(`http://127.0.0.1:${port}/briefings/2026/draft/`, 60_000);
    expect(await draft.text()).toContain("Draft: visible in the dev server only");
    const future = await waitFor(`http://127.0.0.1:${port}/briefings/2099/future/`, 5_000);
    expect(await future.text()).toContain("Email preview");
  });

  it("rebuilds when a briefing changes", async () => {
    await waitFor(`http://127.0.0.1:${port}/briefings/2026/empty-body/`, 60_000);
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
    await waitFor(`http://127.0.0.1:${port}/`, 60_000);
    // The kernel's table of listening sockets: local address and port in hex, state 0A = LISTEN.
    const listening = ["/proc/net/tcp", "/proc/net/tcp6"]
      .flatMap((file) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(1) : []))
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === "0A" && fields[1]?.endsWith(`:${port.toString(16).toUpperCase().padStart(4, "0")}`))
      .map((fields) => fields[1]!.split(":")[0]);
    expect(listening).toEqual(["0100007F"]);
  });
});
