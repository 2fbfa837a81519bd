import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputLocation } from "../../src/build/guard.ts";
import { CommandError } from "../../src/config/errors.ts";
import { spawnSync } from "node:child_process";
import { tempProject } from "../helpers/project.ts";
import { listFiles } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

/** Names and contents of every file below a folder, and its own entries (links not followed). */
function fingerprint(dir: string): string {
  const hash = createHash("sha256").update(readdirSync(dir).sort().join("\n"));
  for (const file of listFiles(dir)) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest("hex");
}

/** A throw-away project with the sample briefings, its own test/ and .git folders to lose. */
function projectCopy(): string {
  const project = tempProject({ briefings: true });
  project.write("test/keep.test.ts", "// a test file\n");
  project.write(".git/HEAD", "ref: refs/heads/main\n");
  return project.dir;
}

/** `npm run build` as the README says, in a project folder. */
function build(project: string, env: Record<string, string>, args: string[] = []) {
  const result = spawnSync("npm", ["run", "--silent", "build", "--", ...args], { cwd: project, encoding: "utf8", env: { ...process.env, DISPATCH_BRIEFINGS: "", ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectRefused(run: { status: number | null; stderr: string }, output: RegExp): void {
  expect(run.status).toBe(1);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Output folder refused: /);
  expect(lines[0]).toMatch(output);
  expect(lines[0]).toContain("nothing was changed");
}

describe("the output folder guard, in throw-away copies of the project", () => {
  const cases: { name: string; out: string; names: RegExp; briefings?: string }[] = [
    { name: "the project folder (DISPATCH_OUT=.)", out: ".", names: /^Output folder refused: \. is the project folder \(\.\)/ },
    { name: "the content folder", out: "content", names: /content is the content folder \(content\)/ },
    { name: "the briefings folder inside content", out: "content/briefings", names: /content\/briefings is inside the content folder \(content\)/ },
    { name: "the same folder as DISPATCH_BRIEFINGS", out: "news", briefings: "news", names: /news is the briefings folder \(news\)/ },
  ];

  it.each(cases)("refuses $name and deletes nothing", ({ out, names, briefings }) => {
    const project = projectCopy();
    if (briefings) mkdirSync(path.join(project, briefings));
    if (briefings) writeFileSync(path.join(project, briefings, "keep.md"), "---\ntitle: Keep\ndate: 2026-01-01\n---\nKeep me.\n");
    const parent = path.dirname(project);
    const before = fingerprint(project);
    const siblings = readdirSync(parent).filter((name) => name.startsWith(path.basename(project)));
    const run = build(project, { DISPATCH_OUT: out, DISPATCH_BRIEFINGS: briefings ?? "" });
    expectRefused(run, names);
    expect(fingerprint(project)).toBe(before);
    expect(readdirSync(parent).filter((name) => name.startsWith(path.basename(project)))).toEqual(siblings);
  });

  it("refuses the user's home folder and a folder containing it", () => {
    const project = projectCopy();
    const home = path.join(tempFolder("dispatch-home-").dir, "home", "editor");
    mkdirSync(home, { recursive: true });
    writeFileSync(path.join(home, "notes.txt"), "my notes");
    expectRefused(build(project, { HOME: home, DISPATCH_OUT: home }), /is your home folder/);
    expectRefused(build(project, { HOME: home, DISPATCH_OUT: path.dirname(home) }), /contains your home folder/);
    expect(readdirSync(home)).toEqual(["notes.txt"]);
    expect(existsSync(path.join(project, "src"))).toBe(true);
  });

  it("refuses / without creating anything in it", () => {
    const project = projectCopy();
    const before = readdirSync("/");
    expectRefused(build(project, { DISPATCH_OUT: "/" }), /^Output folder refused: \/ is the root of the filesystem/);
    expect(readdirSync("/")).toEqual(before);
  });

  it("refuses an output that is a link to the project", () => {
    const project = projectCopy();
    const link = path.join(tempFolder("dispatch-link-").dir, "site");
    symlinkSync(project, link);
    const before = fingerprint(project);
    expectRefused(build(project, { DISPATCH_OUT: link }), /is the project folder/);
    expect(fingerprint(project)).toBe(before);
  });

  it("refuses a non-empty folder Dispatch did not make, unless --force", () => {
    const project = projectCopy();
    const folder = tempFolder("dispatch-foreign-");
    folder.write("photos/cat.jpg", "a cat");
    const refused = build(project, { DISPATCH_OUT: folder.dir });
    expectRefused(refused, /is not empty and has no \.dispatch-output file, so Dispatch did not make it; .*npm run build -- --force/);
    expect(listFiles(folder.dir)).toEqual(["photos/cat.jpg"]);

    const forced = build(project, { DISPATCH_OUT: folder.dir }, ["--force"]);
    expect(forced.stderr).not.toMatch(/refused|failed/i);
    expect(forced.status).toBe(0);
    expect(existsSync(path.join(folder.dir, "index.html"))).toBe(true);
    expect(existsSync(path.join(folder.dir, ".dispatch-output"))).toBe(true);
  });

  it("builds into an empty folder and marks it", () => {
    const project = projectCopy();
    const out = tempFolder("dispatch-empty-").dir;
    const run = build(project, { DISPATCH_OUT: out });
    expect(run.stderr).not.toMatch(/refused|failed/i);
    expect(run.status).toBe(0);
    expect(existsSync(path.join(out, ".dispatch-output"))).toBe(true);
  });

  it("guards the dev server's output too", () => {
    const project = projectCopy();
    const before = fingerprint(project);
    // Without the guard this starts a server: the timeout ends it and the test fails.
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/dev.ts"], { cwd: project, encoding: "utf8", env: { ...process.env, DISPATCH_OUT: "content", PORT: "0" }, timeout: 30_000 });
    expectRefused(run, /content is the content folder \(content\)/);
    expect(fingerprint(project)).toBe(before);
  });
});

describe("checkOutputLocation", () => {
  it("refuses every folder of a real project layout, and links to them", () => {
    const project = tempFolder("dispatch-layout-");
    for (const folder of ["src", "layouts", "pages", "test", "node_modules", ".git", "content/briefings"]) mkdirSync(path.join(project.dir, folder), { recursive: true });
    const real = { root: project.dir, content: path.join(project.dir, "content"), briefings: path.join(project.dir, "content", "briefings") };
    const link = path.join(project.dir, "dist-link");
    symlinkSync(path.join(project.dir, "layouts"), link);
    for (const [out, said] of [
      ["src", "is the source folder"],
      ["layouts/x", "is inside the layouts folder"],
      ["test", "is the tests folder"],
      ["pages", "is the pages folder"],
      ["node_modules/.cache", "is inside the installed packages folder"],
      [".git", "is the git folder"],
      ["content/briefings/2026", "is inside the content folder"],
      ["dist-link", "is the layouts folder"],
    ]) {
      expect(() => checkOutputLocation(path.join(project.dir, out), real)).toThrow(said);
    }
    expect(() => checkOutputLocation(path.join(project.dir, "dist"), real)).not.toThrow();
  });

  const root = path.join(path.sep, "srv", "newsroom");
  const paths = { root, content: path.join(root, "content"), briefings: path.join(path.sep, "data", "briefings") };

  it("allows an output inside the project or anywhere apart from the guarded folders", () => {
    for (const out of [path.join(root, "dist"), path.join(root, "public", "site"), path.join(path.sep, "var", "www", "site")]) {
      expect(() => checkOutputLocation(out, paths)).not.toThrow();
    }
  });

  it("refuses each relation with one line naming both paths", () => {
    for (const [out, said] of [
      [path.join(path.sep, "data"), "contains the briefings folder (/data/briefings)"],
      [path.join(path.sep, "data", "briefings", "2026"), "is inside the briefings folder (/data/briefings)"],
      [path.join(path.sep, "srv"), "contains the project folder (/srv/newsroom)"],
      [path.join(root, "content", "out"), "is inside the content folder"],
    ] as const) {
      expect(() => checkOutputLocation(out, paths)).toThrow(CommandError);
      expect(() => checkOutputLocation(out, paths)).toThrow(said);
    }
  });
});
