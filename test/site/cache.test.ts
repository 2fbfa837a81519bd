import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureCopy, listFiles, ROOT, runBuild } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

/** Every file of an output folder with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file))]));
}

function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  const differing = [...expected].filter(([file, bytes]) => !actual.get(file)!.equals(bytes)).map(([file]) => file);
  expect(differing).toEqual([]);
}

function cacheFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the build cache (DISPATCH_CACHE)", () => {
  const briefings = fixtureCopy();
  const work = tempFolder();
  const cache = path.join(work.dir, "cache");
  const build = (output: string, env: Record<string, string> = {}) => {
    const run = runBuild(briefings.dir, path.join(work.dir, output), { DISPATCH_CACHE: cache, ...env });
    expect(run.stderr).not.toMatch(/Error|Build failed/);
    expect(run.status).toBe(0);
    return snapshot(path.join(work.dir, output));
  };

  it("a warm build writes the same bytes as a cold one, and a corrupt cache changes nothing", () => {
    const cold = build("cold");
    expect(cacheFiles(cache).length).toBeGreaterThan(0);
    expectSameFiles(build("warm"), cold);
    for (const file of cacheFiles(cache)) writeFileSync(file, "{ not json");
    expectSameFiles(build("corrupt"), cold);
  });

  it("a warm build after one briefing is edited and one added writes what a cold build of the same briefings writes", () => {
    const own = fixtureCopy();
    const ownCache = path.join(work.dir, "edit-cache");
    const buildOwn = (output: string, cacheDir: string) => {
      const run = runBuild(own.dir, path.join(work.dir, output), { DISPATCH_CACHE: cacheDir });
      expect(run.stderr).not.toMatch(/Error|Build failed/);
      expect(run.status).toBe(0);
      return snapshot(path.join(work.dir, output));
    };
    const before = buildOwn("edit-before", ownCache);
    const file = path.join(own.dir, "2025/older.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n---\n/, "\n---\n\nA new first sentence, written after the first build.\n"));
    own.write("2026/added.md", '---\ntitle: "A briefing added after the first build"\ndate: 2026-01-02\ntags: [Defence]\n---\n\nIt was added later, and it shares a tag.\n');
    const warm = buildOwn("edit-warm", ownCache);
    expectSameFiles(warm, buildOwn("edit-cold", path.join(work.dir, "edit-cold-cache")));
    // The edit and the addition reached the pages (the added briefing is a neighbour and related to others).
    const older = [...warm.keys()].find((name) => /^briefings\/\d{4}\/older\/index\.html$/.test(name))!;
    expect(warm.get(older)!.toString()).toContain("A new first sentence");
    expect(before.get(older)!.toString()).not.toContain("A new first sentence");
    expect(warm.has("briefings/2026/added/index.html")).toBe(true);
    const changed = [...warm.keys()].filter((name) => name.startsWith("briefings/") && before.has(name) && !before.get(name)!.equals(warm.get(name)!));
    expect(changed.length).toBeGreaterThan(1);
  });

  it("never serves a stale body, analysis or email after an edit or a settings change", () => {
    build("before");
    const file = path.join(briefings.dir, "2026/uk-france-ukraine-troops.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Prime Minister Keir Starmer has declared", "Prime Minister Keir Starmer has firmly declared"));
    const edited = build("edited");
    const page = edited.get("briefings/2026/uk-france-ukraine-troops/index.html")!.toString();
    expect(page).toContain("has firmly declared");
    for (const part of ["index.html", "fragment.html", "email.txt"]) {
      expect(edited.get(`email/2026/uk-france-ukraine-troops/${part}`)!.toString()).toContain("firmly declared");
    }
    const moved = build("moved", { SITE_URL: "https://elsewhere.example/news/" });
    expect(moved.get("email/2026/uk-france-ukraine-troops/index.html")!.toString()).toContain("https://elsewhere.example/news/briefings/2026/uk-france-ukraine-troops/");
    const older = [...moved.keys()].find((file) => /^email\/\d{4}\/older\/index\.html$/.test(file))!;
    expect(moved.get(older)!.toString()).not.toContain("dispatch.example.org");
  });

  it("a dev rebuild writes the same bytes as the dev server's first build", { timeout: 180_000 }, async () => {
    const output = path.join(work.dir, "dev");
    const dev = spawn(process.execPath, ["--import", "tsx", "src/cli/dev.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", DISPATCH_BRIEFINGS: briefings.dir, DISPATCH_OUT: output, DISPATCH_CACHE: path.join(work.dir, "dev-cache") },
    });
    let log = "";
    dev.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
    dev.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    // Eleventy says "Wrote N files" at the end of each build.
    const builds = () => log.match(/Wrote \d+ files/g)?.length ?? 0;
    const waitFor = async (ready: () => boolean, what: string) => {
      for (const deadline = Date.now() + 90_000; !ready(); await new Promise((resolve) => setTimeout(resolve, 100))) {
        if (Date.now() > deadline) throw new Error(`${what}:\n${log}`);
      }
    };
    try {
      await waitFor(() => builds() >= 1 && log.includes("Watching"), "no first build");
      const first = snapshot(output);
      const file = path.join(briefings.dir, "2025/older.md");
      const text = readFileSync(file, "utf8");
      // Saved unchanged, as an editor's save-without-edit: a full rebuild from the cache.
      for (let saves = 0; builds() < 2; saves += 1) {
        if (saves % 50 === 0) writeFileSync(file, text);
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (saves > 900) throw new Error(`no rebuild:\n${log}`);
      }
      expectSameFiles(snapshot(output), first);
    } finally {
      dev.kill("SIGTERM");
    }
  });
});
