import { describe, expect, it } from "vitest";
import { tempProject } from "../helpers/project.ts";
import { briefingSource } from "../helpers/tmp.ts";

/** What every command promises on bad input: exit ≠ 0, few lines naming the file, never a stack. */
function expectClearError(run: { status: number | null; stderr: string }, ...mentions: string[]): void {
  expect(run.status).not.toBe(0);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr.trim().split("\n").length).toBeLessThanOrEqual(2);
  for (const mention of mentions) expect(run.stderr).toContain(mention);
}

describe("errors are one clear sentence with the file and the fix", () => {
  const project = tempProject({ own: ["pages"] });

  it("analyze: a folder, a missing file, broken front matter", () => {
    expectClearError(project.run("analyze", ["content"]), "analyze: cannot read content: it is a folder, not a file; give a .md briefing");
    expectClearError(project.run("analyze", ["missing.md"]), "analyze: cannot read missing.md: no such file");
    project.write("broken.md", "---\ntitle: [unclosed\n---\nText.\n");
    expectClearError(project.run("analyze", ["broken.md"]), "analyze: broken.md:");
  });

  it("eval: a missing corpus, a file that is not JSON, JSON without cases", () => {
    expectClearError(project.run("eval", ["missing.json"]), "eval: missing.json: cannot read the corpus file; check the path");
    project.write("bad.json", "{");
    expectClearError(project.run("eval", ["bad.json"]), "eval: bad.json: not JSON");
    project.write("empty.json", "{}");
    expectClearError(project.run("eval", ["empty.json"]), 'eval: empty.json: a .json corpus needs a "cases" list');
  });

  it("email and build: a broken briefing names the file and the field", () => {
    const other = tempProject();
    other.write("content/briefings/2026/bad.md", briefingSource({ title: "Bad", date: "next tuesday" }));
    const fix = '"date" must be a date like 2026-01-06';
    expectClearError(other.run("email", ["bad"]), "content/briefings/2026/bad.md", fix);
    expectClearError(other.run("build"), "content/briefings/2026/bad.md", fix);
  });

  it("build: a cache limit that is not a number of days", () => {
    const run = project.run("build", [], { DISPATCH_CACHE_DAYS: "a month" });
    expectClearError(run, 'DISPATCH_CACHE_DAYS must be a number of days above 0 (got "a month")');
  });

  it("build: a broken page template names the template and the line, without a stack", () => {
    project.write("pages/broken.njk", "---\npermalink: /broken/\n---\n{% if %}\n");
    const run = project.run("build");
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).toContain("pages/broken.njk) [Line 1, Column 7] unexpected token: %} (run again with DEBUG=1 to see where)");
    const debug = project.run("build", [], { DEBUG: "1" });
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});
