import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "./measure.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function contains(file: string, text: string): boolean {
  return existsSync(file) && readFileSync(file, "utf8").includes(text);
}

/**
 * Edit-to-page time in the dev server: starts `npm start`'s script on the corpus, waits for
 * its first build and file watcher, then retitles one briefing `edits` times and measures,
 * for each save, the time until both its page and its email preview on disk show the new title.
 */
export async function devEditTimes(options: { root: string; briefingsDir: string; file: string; page: string; preview: string; output: string; edits: number }): Promise<number[]> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/dev.ts"], {
    cwd: options.root,
    env: { ...process.env, PORT: String(port), DISPATCH_BRIEFINGS: options.briefingsDir, DISPATCH_OUT: options.output },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const source = path.join(options.briefingsDir, options.file);
  const original = readFileSync(source, "utf8");
  const page = path.join(options.output, options.page);
  const preview = path.join(options.output, options.preview);
  try {
    for (const deadline = Date.now() + 600_000; !(log.includes("Watching") && existsSync(page)); ) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the dev server did not start:\n${log.slice(-2000)}`);
      await sleep(100);
    }
    const times: number[] = [];
    // Edit 0 is not timed: "Watching" is printed a little before the watcher sees saves, so it
    // saves again until the server has noticed (as an editor would).
    for (let edit = 0; edit <= options.edits; edit += 1) {
      const marker = `Bench edit ${edit} ${Date.now()}`;
      const save = () => writeFileSync(source, original.replace(/^title: .*$/m, `title: "${marker}"`));
      const started = performance.now();
      save();
      for (let polls = 1, deadline = Date.now() + 300_000; !(contains(page, marker) && contains(preview, marker)); polls += 1) {
        if (Date.now() > deadline) throw new Error(`edit ${edit} never reached ${options.page}:\n${log.slice(-2000)}`);
        if (edit === 0 && polls % 300 === 0) save();
        await sleep(10);
      }
      if (edit > 0) times.push(performance.now() - started);
      // Let the watcher settle so that the next save starts a fresh rebuild.
      await sleep(500);
    }
    return times;
  } finally {
    writeFileSync(source, original);
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on("close", resolve)));
  }
}
