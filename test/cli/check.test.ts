import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runBuild } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

function runCheck(briefings: string, output: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/check.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DISPATCH_BRIEFINGS: briefings, DISPATCH_OUT: output },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run check", () => {
  const briefings = tempFolder();
  briefings.write("2026/good.md", briefingSource({ title: "A good briefing", date: "2026-01-05" }, "## Background\n\nWhat happened, and why."));
  briefings.write(
    "2026/broken.md",
    briefingSource(
      { title: "A broken briefing", date: "2026-01-06" },
      [
        "See [the good one](/briefings/2026/good/), [a lost one](/briefings/2026/lost/) and [its background](/briefings/2026/good/#no-such-heading).",
        "",
        "![A map](/images/missing-map.png)",
        "",
        '<img src="/images/sample-ocean-horizon.png">',
        "",
        '<div id="twice">One</div><div id="twice">Two</div>',
      ].join("\n"),
    ),
  );
  briefings.write("2026/draft.md", briefingSource({ title: "A draft", date: "2026-01-04", draft: "true" }));
  briefings.write("2099/later.md", briefingSource({ title: "Later", date: "2099-01-01" }));
  const output = path.join(tempFolder().dir, "site");
  const build = runBuild(briefings.dir, output);
  const broken = path.relative(ROOT, path.join(briefings.dir, "2026", "broken.md"));

  it("the build itself warns about the missing image and the broken link, naming the file", () => {
    expect(build.status).toBe(0);
    expect(build.stderr).toContain(`${broken}: image /images/missing-map.png does not exist; add the file to content/images/ or fix the path`);
    expect(build.stderr).toContain(`${broken}: link to /briefings/2026/lost/ leads to no page of this site`);
    expect(build.stderr).not.toContain("/briefings/2026/good/ leads");
  });

  it("reports each problem on one line with the file, what and the fix, and exits 1", () => {
    const run = runCheck(briefings.dir, output);
    expect(run.status).toBe(1);
    const page = `${path.relative(ROOT, output)}/briefings/2026/broken/index.html`;
    const lines = run.stderr.trim().split("\n");
    const expected = [
      `${page}: link to /briefings/2026/lost/ leads to no page; fix or remove the link in ${broken}`,
      `${page}: link to /briefings/2026/good/#no-such-heading: no element has the id "no-such-heading"; fix the #anchor in ${broken}`,
      `${page}: image /images/missing-map.png does not exist; add the file to content/images/ or fix the path in ${broken}`,
      `${page}: image /images/sample-ocean-horizon.png has no alt text; describe it (alt="…"), or alt="" if it is decoration in ${broken}`,
    ];
    for (const line of expected) expect(lines).toContain(line);
    expect(lines.some((line) => line.startsWith(`${page}: line `) && line.includes("(html-validate no-dup-id)"))).toBe(true);
    // The good page, the draft and the scheduled briefing cause nothing.
    expect(run.stderr).not.toMatch(/good\/index\.html|draft|later/);
    expect(run.stdout).toMatch(/^Checked \d+ pages, \d+ feeds and \d+ emails in .*: \d+ errors, 0 warnings\.$/m);
  });

  it("finds a leaked draft, a feed that does not parse or misses a briefing, and a clipped email", () => {
    const tampered = path.join(tempFolder().dir, "site");
    cpSync(output, tampered, { recursive: true });
    cpSync(path.join(tampered, "briefings/2026/good"), path.join(tampered, "briefings/2026/draft"), { recursive: true });
    writeFileSync(path.join(tampered, "feed.json"), "{");
    const atom = path.join(tampered, "atom.xml");
    writeFileSync(atom, readFileSync(atom, "utf8").replace(/<entry>(?:(?!<\/entry>)[\s\S])*good\/<\/id>[\s\S]*?<\/entry>/, ""));
    appendFileSync(path.join(tampered, "email/2026/good/index.html"), `<!-- ${"x".repeat(110_000)} -->`);
    const run = runCheck(briefings.dir, tampered);
    expect(run.status).toBe(1);
    const shown = path.relative(ROOT, tampered);
    expect(run.stderr).toContain(`${shown}/briefings/2026/draft/index.html: ${path.relative(ROOT, path.join(briefings.dir, "2026", "draft.md"))} is a draft but its page is published`);
    expect(run.stderr).toContain(`${shown}/feed.json: the feed does not parse`);
    expect(run.stderr).toContain(`${shown}/atom.xml: does not list the published briefing https://dispatch.example.org/briefings/2026/good/`);
    expect(run.stderr).toMatch(new RegExp(`${shown}/email/2026/good/index\\.html: [\\d.]+ KB: Gmail will clip this email`));
  });

  it("passes a clean build", () => {
    const clean = tempFolder();
    clean.write("2026/good.md", briefingSource({ title: "A good briefing", date: "2026-01-05" }));
    const out = path.join(tempFolder().dir, "site");
    expect(runBuild(clean.dir, out).status).toBe(0);
    const run = runCheck(clean.dir, out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("no errors, 0 warnings.");
  });

  it("says to build first when there is nothing to check", () => {
    const run = runCheck(briefings.dir, path.join(tempFolder().dir, "nothing"));
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^check: .*nothing\/ holds no built site; run npm run build first$/);
  });
});
