import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync as renameReal, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MARKER } from "../../src/build/guard.ts";
import { publish, type PublishFs } from "../../src/build/publish.ts";
import { CommandError } from "../../src/config/errors.ts";
import { listFiles, ROOT } from "../helpers/site.ts";
import { SITES, type SiteId, systemError, watchedFs, writeSite } from "../helpers/sites.ts";
import { tempFolder } from "../helpers/tmp.ts";

/**
 * What is at the output: "A" or "B" exactly, or "mix" (every file whole and from A or B, and
 * every page of A there or all of B). Throws when no complete site is there.
 */
export function siteAt(output: string): SiteId | "mix" {
  if (!existsSync(path.join(output, MARKER))) throw new Error(`no ${MARKER} in ${output}`);
  // A file being written in place is renamed over its old version: until then it is a hidden temporary file.
  const files = Object.fromEntries(listFiles(output).filter((file) => file !== MARKER && !TEMPORARY.test(file)).map((file) => [file, readFileSync(path.join(output, file), "utf8")]));
  const same = (site: Record<string, string>) => JSON.stringify(Object.entries(site).sort()) === JSON.stringify(Object.entries(files).sort());
  for (const id of ["A", "B"] as const) if (same(SITES[id])) return id;
  const versions = (file: string) => [SITES.A, SITES.B].map((site) => (site as Record<string, string>)[file]);
  for (const [file, text] of Object.entries(files)) {
    if (!versions(file).includes(text)) throw new Error(`${file} is neither build's (${JSON.stringify(text)})`);
  }
  // In place, every page of the old build stays (in either version) until all of the new one is written.
  const everyPath = Object.keys(SITES.A).every((file) => file in files);
  const wholeNew = Object.entries(SITES.B).every(([file, text]) => files[file] === text);
  if (everyPath || wholeNew) return "mix";
  throw new Error(`neither build is complete at ${output}: ${Object.keys(files).join(", ")}`);
}

const TEMPORARY = /(^|\/)\.[^/]+\.dispatch-\d+$/;
const quiet = { warn: () => {} };

/** An output holding site A: a Dispatch link (`link`) or a real folder Dispatch marked (`folder`). */
async function outputWithA(kind: "link" | "folder"): Promise<{ parent: string; out: string }> {
  const parent = tempFolder("dispatch-publish-").dir;
  const out = path.join(parent, "dist");
  if (kind === "folder") mkdirSync(out);
  await publish(out, writeSite("A"), quiet);
  expect(lstatSync(out).isSymbolicLink()).toBe(kind === "link");
  expect(siteAt(out)).toBe("A");
  return { parent, out };
}

/** Nothing beside the output but the output (and, for a link, the folder it points to). */
function expectNoLeftovers(parent: string, out: string): void {
  const own = lstatSync(out).isSymbolicLink() && !path.isAbsolute(readlinkSync(out));
  const expected = own ? ["dist", readlinkSync(out)] : ["dist"];
  expect(readdirSync(parent).sort()).toEqual(expected.sort());
}

interface Attempt {
  message: string | null;
  warnings: string[];
  /** What was at the output before each change to the disk. */
  seen: string[];
  /** How many changes the publish made (less than the step when the fault was never reached). */
  calls: number;
}

/** Publishes B with `fault` thrown at the step-th change to the disk, watching the output before each one. */
async function publishWithFault(out: string, step: number, fault: (name: string, target: string) => Error | null, extra: Partial<PublishFs> = {}): Promise<Attempt> {
  const attempt: Attempt = { message: null, warnings: [], seen: [], calls: 0 };
  const fs = {
    ...watchedFs((call, name, target) => {
      attempt.calls = call;
      attempt.seen.push(siteAt(out));
      const error = call === step ? fault(name, target) : null;
      if (error) throw error;
    }),
    ...extra,
  };
  try {
    await publish(out, writeSite("B"), { fs, warn: (message) => attempt.warnings.push(message) });
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    attempt.message = error.message;
  }
  return attempt;
}

const eio = (name: string, target: string) => systemError("EIO", name.replace(/Sync$/, ""), target);

describe("publishing through a link (the default)", () => {
  it("an I/O error at each step leaves the old site or the new one, says which, and the next build cleans up", async () => {
    let steps = 0;
    for (let step = 1; ; step += 1) {
      const { parent, out } = await outputWithA("link");
      const attempt = await publishWithFault(out, step, eio);
      // A whole site, and only ever A or B, before every change to the disk.
      for (const seen of attempt.seen) expect(["A", "B"]).toContain(seen);
      const now = siteAt(out);
      if (attempt.message) {
        expect(attempt.message).not.toContain("\n");
        expect(attempt.message).toMatch(/failed: .*\(EIO: injected.*— .*dist\/ was not changed\.$/);
        expect(now).toBe("A");
      } else {
        expect(now).toBe("B");
        for (const warning of attempt.warnings) expect(warning).toContain("dist/ now holds the new build");
      }
      await publish(out, writeSite("A"), quiet);
      expect(siteAt(out)).toBe("A");
      expectNoLeftovers(parent, out);
      if (attempt.calls < step) break;
      steps = step;
    }
    // lock (3 changes), staging (2), swap (3), old build and lock removed (2).
    expect(steps).toBeGreaterThanOrEqual(10);
  });

  it("a build killed at each step leaves a whole site, and the next build takes the lock over and cleans up", { timeout: 180_000 }, async () => {
    let killed = 0;
    for (let step = 1; step < 30; step += 1) {
      const parent = tempFolder("dispatch-kill-").dir;
      const out = path.join(parent, "dist");
      await publish(out, writeSite("A"), quiet);
      const child = spawnSync(process.execPath, ["--import", "tsx", "test/helpers/publish-child.ts", out, "B", String(step)], { cwd: ROOT, encoding: "utf8" });
      if (child.status === 0) break;
      expect(child.signal).toBe("SIGKILL");
      killed += 1;
      expect(["A", "B"]).toContain(siteAt(out));
      await publish(out, writeSite("A"), quiet);
      expect(siteAt(out)).toBe("A");
      expectNoLeftovers(parent, out);
    }
    expect(killed).toBeGreaterThanOrEqual(10);
  });

  it("a failure to delete the old build after the swap is a warning, not a failed build", async () => {
    const { parent, out } = await outputWithA("link");
    const old = readlinkSync(out);
    const attempt = await publishWithFault(out, Number.POSITIVE_INFINITY, eio, {
      rm: async (target) => {
        if (path.basename(target) === old) throw systemError("EACCES", "rm", target);
      },
    });
    expect(attempt.message).toBeNull();
    expect(siteAt(out)).toBe("B");
    expect(attempt.warnings).toEqual([expect.stringMatching(/dist\/ now holds the new build, but .*dist\.site-.* could not be removed \(no permission \(EACCES\)/)]);
    await publish(out, writeSite("A"), quiet);
    expectNoLeftovers(parent, out);
  });

  it("removes what killed builds left (marked), and leaves alone what it did not make", async () => {
    const { parent, out } = await outputWithA("link");
    for (const name of ["dist.staging-4242", "dist.site-zz-4242"]) {
      mkdirSync(path.join(parent, name));
      writeFileSync(path.join(parent, name, MARKER), "");
    }
    mkdirSync(path.join(parent, "dist.staging-4243"));
    symlinkSync("dist.site-zz-4242", path.join(parent, "dist.link-4242"));
    writeFileSync(path.join(parent, "dist.lock.999999999-abc"), "999999999\n");
    mkdirSync(path.join(parent, "dist.previous-77"));
    writeFileSync(path.join(parent, "dist.previous-77", "index.html"), "an older Dispatch's site");
    const warnings: string[] = [];
    await publish(out, writeSite("B"), { warn: (message) => warnings.push(message) });
    expect(readdirSync(parent).sort()).toEqual(["dist", "dist.previous-77", readlinkSync(out)].sort());
    expect(warnings).toEqual([expect.stringMatching(/left .*dist\.previous-77 alone: it has no \.dispatch-output file/)]);
  });
});

describe("publishing in place (a real folder: a mount point, or one made before links)", () => {
  it("an I/O error at each step leaves every file whole, says what state the folder is in, and the next build completes it", async () => {
    let steps = 0;
    for (let step = 1; ; step += 1) {
      const { parent, out } = await outputWithA("folder");
      const attempt = await publishWithFault(out, step, eio);
      // siteAt throws unless every file is whole and one build's files are all there.
      expect(attempt.seen.length).toBeGreaterThan(0);
      const now = siteAt(out);
      expect(listFiles(out).filter((file) => TEMPORARY.test(file))).toEqual([]);
      if (attempt.message) {
        expect(attempt.message).not.toContain("\n");
        const state = /— (.*)\.$/.exec(attempt.message)?.[1] ?? "";
        if (state.endsWith("dist/ was not changed")) expect(now).toBe("A");
        else if (state.includes("holds a mix")) expect(now).not.toBe("B");
        else expect(state).toMatch(/dist\/ holds the new build, but some files of the previous one were not removed; build again/);
      } else {
        expect(now).toBe("B");
      }
      await publish(out, writeSite("B"), quiet);
      expect(siteAt(out)).toBe("B");
      expect(lstatSync(out).isDirectory()).toBe(true);
      expectNoLeftovers(parent, out);
      if (attempt.calls < step) break;
      steps = step;
    }
    expect(steps).toBeGreaterThanOrEqual(12);
  });

  it("never renames the output itself, so a mount point (rename gives EBUSY) is updated in place", async () => {
    const { parent, out } = await outputWithA("folder");
    const attempt = await publishWithFault(out, 0, eio, {
      renameSync: (from, to) => {
        if (from === out || to === out) throw systemError("EBUSY", "rename", from);
        renameReal(from, to);
      },
    });
    expect(attempt.message ?? "").toBe("");
    expect(siteAt(out)).toBe("B");
    expect(lstatSync(out).isDirectory()).toBe(true);
    expectNoLeftovers(parent, out);
  });

  it("updates a link you made in its target and keeps the link", async () => {
    const parent = tempFolder("dispatch-userlink-").dir;
    const target = path.join(tempFolder("dispatch-target-").dir, "www");
    mkdirSync(target);
    const out = path.join(parent, "dist");
    symlinkSync(target, out);
    for (const id of ["A", "B"] as const) {
      await publish(out, writeSite(id), quiet);
      expect(readlinkSync(out)).toBe(target);
      expect(siteAt(target)).toBe(id);
    }
    expectNoLeftovers(parent, out);
  });
});

describe("disk errors", () => {
  for (const [code, said] of [
    ["ENOSPC", /the disk is full \(ENOSPC\) writing .*; free some space and build again/],
    ["EACCES", /no permission \(EACCES\) to .*; make that folder writable for this user, or set DISPATCH_OUT/],
  ] as const) {
    it(`${code} while building or preparing: one line, the path and the fix, staging removed, output unchanged`, async () => {
      const { parent, out } = await outputWithA("link");
      // Preparing: the lock file cannot be written (a read-only parent folder).
      const early = await publishWithFault(out, 1, (name, target) => systemError(code, name.replace(/Sync$/, ""), target));
      expect(early.message).toMatch(said);
      expect(early.message).toMatch(/dist\/ was not changed\.$/);
      // Building: the site generator's write fails.
      let message = "";
      await publish(out, async (staging) => {
        throw systemError(code, "open", path.join(staging, "index.html"));
      }, quiet).catch((error: Error) => (message = error.message));
      expect(message).toMatch(said);
      expect(message).toMatch(/staging-\d+\/index\.html.*— .*dist\/ was not changed\.$/);
      expect(siteAt(out)).toBe("A");
      expectNoLeftovers(parent, out);
    });
  }
});

describe("two builds at once", () => {
  it("take turns through the lock, each publishing a whole site", async () => {
    const { parent, out } = await outputWithA("link");
    const slow = (id: SiteId) => async (staging: string) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return writeSite(id)(staging);
    };
    const results = await Promise.all([publish(out, slow("B"), quiet), publish(out, slow("A"), quiet)]);
    expect(results).toEqual(["B", "A"]);
    expect(siteAt(out)).toBe("A");
    expectNoLeftovers(parent, out);
  });

  it("refuses clearly when the other build holds the lock past the wait", async () => {
    const { out } = await outputWithA("link");
    writeFileSync(`${out}.lock`, `${process.ppid}\n`);
    const error = await publish(out, writeSite("B"), { ...quiet, lockWaitMs: 200 }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as Error).message).toMatch(new RegExp(`another build \\(pid ${process.ppid}\\) is writing .*dist/ and still held .*dist\\.lock after 0 s; .* — .*dist/ was not changed\\.$`));
    expect(siteAt(out)).toBe("A");
    expect(existsSync(`${out}.lock`)).toBe(true);
  });
});

