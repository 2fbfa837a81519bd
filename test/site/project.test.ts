import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempProject } from "../helpers/project.ts";
import { listFiles } from "../helpers/site.ts";
import { briefingSource } from "../helpers/tmp.ts";

describe("content/ is the editors' folder", () => {
  it("publishes briefings, images and assets from it, and nothing else", () => {
    const project = tempProject();
    project.write("content/briefings/2026/first.md", briefingSource({ title: "First", date: "2026-01-05" }));
    project.write("content/images/photo.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // Files an editor might leave lying around: none is a page.
    project.write("content/notes.md", "# Notes\n");
    project.write("content/draft-page.njk", "---\npermalink: /stray/\n---\nstray");
    const run = project.run("build");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const files = listFiles(path.join(project.dir, "dist"));
    expect(files).toContain("briefings/2026/first/index.html");
    expect(files).toContain("images/photo.svg");
    expect(files).toContain("assets/site.css");
    expect(files.filter((file) => /notes|stray|draft-page/.test(file))).toEqual([]);
  });

  it("builds a site started fresh, with no briefings folder yet", () => {
    const project = tempProject();
    expect(existsSync(path.join(project.dir, "content", "briefings"))).toBe(false);
    const run = project.run("build");
    expect(run.status).toBe(0);
    expect(listFiles(path.join(project.dir, "dist"))).toEqual(expect.arrayContaining(["index.html", "feed.xml", "404.html"]));
  });
});
