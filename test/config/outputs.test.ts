import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputWriter } from "../../src/config/outputs.ts";
import { tempFolder } from "../helpers/tmp.ts";

const PAST = new Date("2020-01-01T00:00:00Z");

describe("the output writer (src/config/outputs.ts)", () => {
  it("writes each file's UTF-8 bytes, making its folders", () => {
    const dir = tempFolder().dir;
    const { write } = outputWriter(dir);
    write({ path: "/email/2026/café/index.html", body: "<p>“Curly” – naïve 🎉</p>" });
    write({ path: "/email/2026/café/preview/index.html", body: "preview" });
    write({ path: "/feed.xml", body: "<rss/>" });
    expect(readFileSync(path.join(dir, "email/2026/café/index.html"))).toEqual(Buffer.from("<p>“Curly” – naïve 🎉</p>", "utf8"));
    expect(readFileSync(path.join(dir, "email/2026/café/preview/index.html"), "utf8")).toBe("preview");
    expect(readFileSync(path.join(dir, "feed.xml"), "utf8")).toBe("<rss/>");
  });

  it("leaves a file that was already there alone when its bytes are the same, and replaces it when they differ", () => {
    const folder = tempFolder();
    const same = folder.write("briefings/2026/one/index.html", "<p>“Unchanged”</p>");
    const other = folder.write("briefings/2026/two/index.html", "<p>Before</p>");
    // Same length, other bytes: compared, not judged by size.
    const sameSize = folder.write("briefings/2026/two/email.txt", "abc");
    for (const file of [same, other, sameSize]) utimesSync(file, PAST, PAST);
    const { write } = outputWriter(folder.dir);
    write({ path: "/briefings/2026/one/index.html", body: "<p>“Unchanged”</p>" });
    write({ path: "/briefings/2026/two/index.html", body: "<p>After, longer</p>" });
    write({ path: "/briefings/2026/two/email.txt", body: "abd" });
    expect(statSync(same).mtime).toEqual(PAST);
    expect(readFileSync(other, "utf8")).toBe("<p>After, longer</p>");
    expect(readFileSync(sameSize, "utf8")).toBe("abd");
    expect(statSync(sameSize).mtime).not.toEqual(PAST);
  });

  it("keeps comparing in a folder it did not make, after writing there", () => {
    const folder = tempFolder();
    mkdirSync(path.join(folder.dir, "tags/europe"), { recursive: true });
    const { write } = outputWriter(folder.dir);
    write({ path: "/tags/europe/atom.xml", body: "<feed/>" });
    const late = path.join(folder.dir, "tags/europe/late.xml");
    // Written by someone else meanwhile (the dev server's fast path): still compared, so left alone.
    writeFileSync(late, "<same/>");
    utimesSync(late, PAST, PAST);
    write({ path: "/tags/europe/late.xml", body: "<same/>" });
    expect(statSync(late).mtime).toEqual(PAST);
  });
});
