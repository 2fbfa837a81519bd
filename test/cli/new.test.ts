import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempProject } from "../helpers/project.ts";

function settingsWith(project: ReturnType<typeof tempProject>, changes: Record<string, unknown>): void {
  const file = path.join(project.dir, "content", "_data", "site.json");
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), ...changes }));
}

describe("npm run new", () => {
  it("writes a draft with valid front matter at content/briefings/<year>/<slug>.md", () => {
    const project = tempProject();
    const run = project.run("new", ["Paris summit: Kyiv's allies agree a plan", "--tags", "Ukraine, Defence", "--date", "2026-01-06"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const relative = "content/briefings/2026/paris-summit-kyivs-allies-agree-a-plan.md";
    expect(run.stdout).toContain(`Wrote ${relative}`);
    expect(readFileSync(path.join(project.dir, relative), "utf8")).toBe(
      '---\ntitle: "Paris summit: Kyiv\'s allies agree a plan"\ndate: 2026-01-06\ntags: ["Ukraine", "Defence"]\ndraft: true\n---\n\n',
    );
    // The build reads it as a valid briefing and keeps it out (a draft); the email command, which
    // includes drafts, renders it with its title.
    const build = project.run("build");
    expect(build.status).toBe(0);
    expect(existsSync(path.join(project.dir, "dist", "briefings", "2026", "paris-summit-kyivs-allies-agree-a-plan"))).toBe(false);
    const email = project.run("email", ["paris-summit-kyivs-allies-agree-a-plan"]);
    expect(email.status).toBe(0);
    expect(email.stdout).toMatch(/<h1[^>]*>Paris summit: Kyiv(&#39;|')s allies agree a plan<\/h1>/);
  });

  it("makes slugs from titles in any script, and dates the draft now in the site's time zone", () => {
    const project = tempProject();
    settingsWith(project, { timeZone: "Pacific/Kiritimati" });
    const run = project.run("new", ["Київ і Львів: «Übung» 2026"]);
    expect(run.status).toBe(0);
    // UTC+14 all year: the year folder is the year there, which may differ from UTC's.
    const year = new Date(Date.now() + 14 * 3600_000).getUTCFullYear();
    const file = path.join(project.dir, "content", "briefings", String(year), "київ-і-львів-ubung-2026.md");
    expect(readFileSync(file, "utf8")).toMatch(/^date: \d{4}-\d\d-\d\dT\d\d:\d\d:00\+14:00$/m);
  });

  it("never overwrites: a second draft with the same title gets a numbered slug", () => {
    const project = tempProject();
    const first = project.run("new", ["Same title", "--date", "2026-02-01"]);
    const file = path.join(project.dir, "content/briefings/2026/same-title.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}Work in progress.\n`);
    const second = project.run("new", ["Same title", "--date", "2026-02-01"]);
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("content/briefings/2026/same-title-2.md");
    expect(readFileSync(file, "utf8")).toContain("Work in progress.");
  });

  it.each([
    [["!!!"], 'new: the title "!!!" has no letters or digits to make a URL from: add a word to it'],
    [["A title", "--date", "next tuesday"], 'new: --date must be a date like 2026-01-06 or 2026-01-06T09:30:00+01:00 (got "next tuesday")'],
    [["A title", "--tag", "x"], "new: unknown option --tag; usage:"],
    [[], "new: give the title as one quoted argument; usage:"],
  ])("refuses %j in one sentence, without a stack", (args, message) => {
    const project = tempProject();
    const run = project.run("new", args);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(existsSync(path.join(project.dir, "content", "briefings"))).toBe(false);
  });
});
