import path from "node:path";
import { describe, expect, it } from "vitest";
import { runBuild } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

describe("future-dated briefings", () => {
  it("the build says how many are scheduled and when the next one is due", () => {
    const briefings = tempFolder();
    briefings.write("2026/out.md", briefingSource({ title: "Out already", date: "2026-01-05" }));
    briefings.write("2099/later.md", briefingSource({ title: "Later", date: "2099-03-01T09:00:00+01:00" }));
    briefings.write("2098/sooner.md", briefingSource({ title: "Sooner", date: "2098-06-01T08:30:00+01:00" }));
    // A draft is not scheduled, whatever its date.
    briefings.write("2097/draft.md", briefingSource({ title: "Draft", date: "2097-01-01", draft: "true" }));
    const run = runBuild(briefings.dir, path.join(tempFolder().dir, "out"));
    expect(run.status).toBe(0);
    const sooner = path.relative(process.cwd(), path.join(briefings.dir, "2098", "sooner.md"));
    // The sample settings' time zone is Europe/London: 08:30+01:00 in June is 08:30 BST.
    expect(run.stdout).toContain(`2 briefings are scheduled; the next (${sooner}) is due 1 June 2098 at 08:30 BST`);
  });

  it("says nothing when none is", () => {
    const briefings = tempFolder();
    briefings.write("2026/out.md", briefingSource({ title: "Out already", date: "2026-01-05" }));
    const run = runBuild(briefings.dir, path.join(tempFolder().dir, "out"));
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("scheduled");
  });
});
