import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tempFolder } from "./tmp.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURE_BRIEFINGS = path.join(ROOT, "test/fixtures/site/briefings");

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real build command, as an editor would, on any briefings folder. */
export function runBuild(briefings: string, output: string, env: Record<string, string> = {}): BuildRun {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/build.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DISPATCH_BRIEFINGS: briefings, DISPATCH_OUT: output, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A writable copy of the fixture briefings, to add or break files in. */
export function fixtureCopy() {
  const folder = tempFolder("dispatch-briefings-");
  cpSync(FIXTURE_BRIEFINGS, folder.dir, { recursive: true });
  return folder;
}

/** Every file below a folder, as paths relative to it with "/" separators, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** A fingerprint of a whole output folder: names and contents. */
export function fingerprint(dir: string): string {
  const hash = createHash("sha256");
  for (const file of listFiles(dir)) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest("hex");
}
