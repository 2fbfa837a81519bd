import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, symlinkSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./site.ts";
import { tempFolder } from "./tmp.ts";

export interface CommandRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A project of its own in a temporary folder, as a newcomer's clone: its own content/ (a copy
 * of the sample's settings and assets, no briefings) and links to this checkout's code.
 */
export function tempProject(options: { briefings?: boolean; /** Copied, to change in a test, instead of linked. */ own?: string[] } = {}) {
  const folder = tempFolder("dispatch-project-");
  for (const file of [".eleventy.ts", "package.json"]) copyFileSync(path.join(ROOT, file), path.join(folder.dir, file));
  for (const dir of ["src", "layouts", "pages", "node_modules"]) {
    if (options.own?.includes(dir)) cpSync(path.join(ROOT, dir), path.join(folder.dir, dir), { recursive: true });
    else symlinkSync(path.join(ROOT, dir), path.join(folder.dir, dir));
  }
  for (const dir of ["_data", "assets", ...(options.briefings ? ["briefings"] : [])]) {
    cpSync(path.join(ROOT, "content", dir), path.join(folder.dir, "content", dir), { recursive: true });
  }
  return {
    ...folder,
    /** Runs an npm script the way the README says (`npm run --silent NAME -- ARGS`). */
    run(script: string, args: string[] = [], env: Record<string, string> = {}): CommandRun {
      const result = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
        cwd: folder.dir,
        encoding: "utf8",
        env: { ...process.env, DISPATCH_BRIEFINGS: "", DISPATCH_OUT: "", ...env },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}
