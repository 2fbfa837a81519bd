import { spawn, spawnSync } from "node:child_process";
import { chownSync, chmodSync, existsSync, lstatSync, readdirSync, readlinkSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_BRIEFINGS, ROOT, runBuild } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

const BUILD = `${JSON.stringify(process.execPath)} --import tsx src/cli/build.ts`;

/**
 * Runs a shell script as root in a mount namespace of its own (unshare -m), so that a tmpfs it
 * mounts is real to the build and gone when the script ends.
 */
function inMountNamespace(script: string, env: Record<string, string>) {
  return spawnSync("unshare", ["-m", "sh", "-c", script], { cwd: ROOT, encoding: "utf8", env: { ...process.env, DISPATCH_BRIEFINGS: FIXTURE_BRIEFINGS, ...env } });
}

describe("npm run build against real disks", () => {
  it("a full disk (ENOSPC): one line naming the path and the fix, no stack unless DEBUG, nothing left behind", () => {
    const parent = tempFolder("dispatch-full-").dir;
    const run = inMountNamespace(
      `mount -t tmpfs -o size=64k tmpfs "$P" && ${BUILD}; echo "exit $?"; ls -A "$P"; echo "--- debug"; DEBUG=1 ${BUILD} 2>&1 | grep -c '^    at '`,
      { P: parent, DISPATCH_OUT: path.join(parent, "dist") },
    );
    const [plain, debug] = run.stdout.split("--- debug\n");
    expect(plain.trim().split("\n").filter((line) => !line.startsWith("[11ty]"))).toEqual(["exit 1"]);
    const lines = run.stderr.split("\n").filter((line) => line && !line.startsWith("[dispatch] warning"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Building failed: the disk is full \\(ENOSPC\\) writing ${parent}/dist\\.staging-\\d+/.*; free some space and build again — ${parent}/dist/ was not changed\\.$`));
    expect(Number(debug.trim())).toBeGreaterThan(0);
  });

  it("an output that is a mount point is updated in place, build after build", () => {
    const parent = tempFolder("dispatch-mount-").dir;
    const out = path.join(parent, "dist");
    const run = inMountNamespace(
      `mkdir "$O" && mount -t tmpfs tmpfs "$O" && ${BUILD} && ${BUILD} && mountpoint -q "$O" && test -f "$O/index.html" && test -f "$O/.dispatch-output" && ls -A "$P"`,
      { P: parent, O: out, DISPATCH_OUT: out },
    );
    expect(run.stderr).not.toMatch(/failed|EBUSY/);
    expect(run.status).toBe(0);
    expect(run.stdout.match(/Built \d+ files/g)).toHaveLength(2);
    expect(run.stdout.trim().split("\n").at(-1)).toBe("dist");
  });

  it("a read-only output folder parent (EACCES): one line, and the last site stays", () => {
    const parent = tempFolder("dispatch-readonly-").dir;
    const out = path.join(parent, "dist");
    expect(runBuild(FIXTURE_BRIEFINGS, out).status).toBe(0);
    const site = readlinkSync(out);
    // Root writes anywhere: the folder belongs to another user and the build runs without the
    // capability that overrides permissions.
    chownSync(parent, 65534, 65534);
    chmodSync(parent, 0o755);
    const run = spawnSync("setpriv", ["--bounding-set=-dac_override,-dac_read_search", "sh", "-c", BUILD], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DISPATCH_BRIEFINGS: FIXTURE_BRIEFINGS, DISPATCH_OUT: out },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n").filter((line) => line && !line.startsWith("[dispatch] warning"));
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^Taking the build lock failed: no permission \\(EACCES\\) to open ${parent}/dist\\.lock\\..*; make that folder writable .* — ${parent}/dist/ was not changed\\.$`))]);
    expect(readlinkSync(out)).toBe(site);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
    chownSync(parent, 0, 0);
  });

  it("two builds at once wait for the build holding the lock, then publish one after the other; a whole site is there throughout", async () => {
    const parent = tempFolder("dispatch-twice-").dir;
    const out = path.join(parent, "dist");
    expect(runBuild(FIXTURE_BRIEFINGS, out).status).toBe(0);
    // This test holds the lock as a build would (its pid is alive), so that both builds must wait
    // whatever the machine's load, and then race each other for it once it is let go.
    const lock = path.join(parent, "dist.lock");
    writeFileSync(lock, `${process.pid}\n`);
    const start = () => {
      const run = { status: null as number | null, stderr: "", done: false };
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/build.ts"], { cwd: ROOT, env: { ...process.env, DISPATCH_BRIEFINGS: FIXTURE_BRIEFINGS, DISPATCH_OUT: out } });
      child.stderr.on("data", (chunk) => (run.stderr += chunk));
      const closed = new Promise<void>((resolve) => child.on("close", (status) => resolve(void Object.assign(run, { status, done: true }))));
      return { run, closed };
    };
    const builds = [start(), start()];
    const waiting = () => builds.every(({ run }) => run.stderr.includes(`[dispatch] waiting for the build with pid ${process.pid}`));
    let checks = 0;
    const siteIsWhole = () => existsSync(path.join(out, "index.html")) && existsSync(path.join(out, ".dispatch-output"));
    for (let tries = 0; !waiting() && !builds.some(({ run }) => run.done) && tries < 24_000; tries++) {
      expect(siteIsWhole()).toBe(true);
      checks += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(builds.map(({ run }) => run.done)).toEqual([false, false]);
    expect(waiting()).toBe(true);
    unlinkSync(lock);
    while (!builds.every(({ run }) => run.done)) {
      expect(siteIsWhole()).toBe(true);
      checks += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(builds.map(({ closed }) => closed));
    expect(builds.map(({ run }) => run.status)).toEqual([0, 0]);
    expect(checks).toBeGreaterThan(10);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readdirSync(parent).sort()).toEqual(["dist", readlinkSync(out)].sort());
  });
});
