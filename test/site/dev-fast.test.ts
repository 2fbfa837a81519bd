import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FastPath, type FastPathMessage } from "../../src/dev/fastpath.ts";
import { fixtureCopy, listFiles, ROOT } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

const eleventyCmd = path.join(path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")), "..", "cmd.cjs");

/** One dev-server build (drafts shown, preview links) of `briefings` into `output`, as `npm start`'s Eleventy makes it. */
function devBuild(briefings: string, output: string): void {
  const run = spawnSync(process.execPath, ["--import", "tsx", eleventyCmd, "--config=.eleventy.ts", `--output=${output}`, "--quiet"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DISPATCH_DEV: "1", DISPATCH_BRIEFINGS: briefings, DISPATCH_OUT: output, DISPATCH_CACHE: "off" },
  });
  expect(run.status, run.stderr).toBe(0);
}

/** The files below a page's or email edition's folder (site path), with their bytes. */
function filesOf(output: string, sitePath: string): Record<string, string> {
  const dir = path.join(output, sitePath);
  return Object.fromEntries(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), "utf8")]));
}

describe("the dev server's fast path (src/dev/fastpath.ts)", () => {
  it("writes a saved briefing's page, email edition and neighbours' pages with the bytes a fresh dev build writes", async () => {
    const briefings = fixtureCopy();
    const work = tempFolder();
    const output = path.join(work.dir, "dev");
    devBuild(briefings.dir, output);
    const fast = new FastPath({ env: { ...process.env, DISPATCH_BRIEFINGS: briefings.dir, DISPATCH_CACHE: "off" }, root: ROOT, output });
    const messages: FastPathMessage[] = [];
    await fast.update((message) => messages.push(message));
    // The first call only reads.
    expect(messages).toEqual([]);

    // A new title, date and tag: the page, the email, the old and new neighbours' previous/next links
    // and the related links of the briefings tagged Europe change.
    const file = path.join(briefings.dir, "2026/empty-body.md");
    writeFileSync(file, "---\ntitle: Retitled & redated\ndate: 2026-01-09T08:00:00Z\ntags: [Europe]\n---\n\nA body at last.\n");
    await fast.update((message) => messages.push(message));
    const [saved, touched] = messages;
    expect(saved).toMatchObject({ type: "written", sources: [path.relative(ROOT, file)] });
    expect(saved?.type === "written" && saved.files.sort()).toEqual(["/briefings/2026/empty-body/", "/email/2026/empty-body/"]);
    const neighbours = touched?.type === "written" ? touched.files : [];
    expect(neighbours).toEqual(expect.arrayContaining(["/briefings/2026/older/", "/briefings/2026/uk-france-ukraine-troops/"]));
    expect(readFileSync(path.join(output, "briefings/2026/empty-body/index.html"), "utf8")).toContain("<h1>Retitled &amp; redated</h1>");

    const fresh = path.join(work.dir, "fresh");
    devBuild(briefings.dir, fresh);
    for (const sitePath of [...(saved?.type === "written" ? saved.files : []), ...neighbours]) {
      expect(filesOf(output, sitePath), sitePath).toEqual(filesOf(fresh, sitePath));
    }
  });

  it("reports a broken save, naming the file, and writes the fixed one; a draft keeps its banner", async () => {
    const briefings = fixtureCopy();
    const output = path.join(tempFolder().dir, "dev");
    const fast = new FastPath({ env: { ...process.env, DISPATCH_BRIEFINGS: briefings.dir, DISPATCH_CACHE: "off" }, root: ROOT, output });
    await fast.update(() => {});
    const messages: FastPathMessage[] = [];
    const file = path.join(briefings.dir, "2026/draft.md");
    const draft = readFileSync(file, "utf8");
    writeFileSync(file, '---\ntitle: "Unclosed\ndate: 2026-01-07\n---\nText.\n');
    await fast.update((message) => messages.push(message));
    expect(messages).toEqual([{ type: "failed", problems: [expect.stringMatching(/2026\/draft\.md:\d+: front matter is not valid YAML/)] }]);

    writeFileSync(file, draft.replace(/^title: .*$/m, "title: Still a draft"));
    messages.length = 0;
    await fast.update((message) => messages.push(message));
    expect(messages[0]).toMatchObject({ type: "written", files: expect.arrayContaining(["/briefings/2026/draft/"]) });
    const page = readFileSync(path.join(output, "briefings/2026/draft/index.html"), "utf8");
    expect(page).toContain("<h1>Still a draft</h1>");
    expect(page).toContain("Draft: visible in the dev server only");
  });

  it("renders nothing after forget() until it has read everything again (images or settings changed)", async () => {
    const briefings = fixtureCopy();
    const output = path.join(tempFolder().dir, "dev");
    const fast = new FastPath({ env: { ...process.env, DISPATCH_BRIEFINGS: briefings.dir, DISPATCH_CACHE: "off" }, root: ROOT, output });
    await fast.update(() => {});
    fast.forget();
    const messages: FastPathMessage[] = [];
    briefings.write("2026/empty-body.md", "---\ntitle: After forget\ndate: 2026-01-05T12:00:00Z\n---\n");
    await fast.update((message) => messages.push(message));
    expect(messages).toEqual([]);
    briefings.write("2026/empty-body.md", "---\ntitle: After forget, again\ndate: 2026-01-05T12:00:00Z\n---\n");
    await fast.update((message) => messages.push(message));
    expect(messages[0]).toMatchObject({ type: "written", files: expect.arrayContaining(["/briefings/2026/empty-body/"]) });
  });
});
