import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
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

  describe("with the previous build (npm run build)", () => {
    /** The previous build's folder, a staging folder beside it, and a writer linking between them. */
    const setUp = () => {
      const folder = tempFolder();
      const previous = path.join(folder.dir, "dist.site-old");
      const staging = path.join(folder.dir, "dist.staging-1");
      const old = (name: string, text: string) => folder.write(`dist.site-old/${name}`, text);
      mkdirSync(staging);
      return { folder, previous, staging, old, writer: outputWriter(staging, { previous }) };
    };
    const inode = (file: string) => statSync(file).ino;

    it("links a file whose bytes are the previous build's, and writes one whose bytes differ", () => {
      const { previous, staging, old, writer } = setUp();
      const same = old("briefings/2026/one/index.html", "<p>“Unchanged” – naïve</p>");
      const changed = old("briefings/2026/two/index.html", "<p>Before</p>");
      const root = old("feed.xml", "<rss/>");
      writer.write({ path: "/briefings/2026/one/index.html", body: "<p>“Unchanged” – naïve</p>" });
      writer.write({ path: "/briefings/2026/two/index.html", body: "<p>After</p>" });
      writer.write({ path: "/feed.xml", body: "<rss/>" });
      writer.write({ path: "/briefings/2026/three/index.html", body: "<p>New</p>" });
      expect(inode(path.join(staging, "briefings/2026/one/index.html"))).toBe(inode(same));
      expect(inode(path.join(staging, "feed.xml"))).toBe(inode(root));
      expect(inode(path.join(staging, "briefings/2026/two/index.html"))).not.toBe(inode(changed));
      expect(readFileSync(path.join(staging, "briefings/2026/two/index.html"), "utf8")).toBe("<p>After</p>");
      expect(readFileSync(changed, "utf8")).toBe("<p>Before</p>");
      expect(readFileSync(path.join(staging, "briefings/2026/three/index.html"), "utf8")).toBe("<p>New</p>");
      expect(readFileSync(path.join(previous, "feed.xml"), "utf8")).toBe("<rss/>");
    });

    it("never changes the previous build through a link: a file written again, or released for Eleventy, is a new file", () => {
      const { staging, old, writer } = setUp();
      const again = old("email/2026/one/email.txt", "Same text");
      const eleventy = old("archive/index.html", "<p>Archive</p>");
      writer.write({ path: "/email/2026/one/email.txt", body: "Same text" });
      writer.write({ path: "/email/2026/one/email.txt", body: "Other text" });
      expect(readFileSync(path.join(staging, "email/2026/one/email.txt"), "utf8")).toBe("Other text");
      expect(readFileSync(again, "utf8")).toBe("Same text");
      writer.write({ path: "/archive/index.html", body: "<p>Archive</p>" });
      expect(inode(path.join(staging, "archive/index.html"))).toBe(inode(eleventy));
      // What Eleventy does when it writes a page: open the path, truncate and write.
      writer.release(path.join(staging, "archive/index.html"));
      writeFileSync(path.join(staging, "archive/index.html"), "<p>Archive, by Eleventy</p>");
      expect(readFileSync(eleventy, "utf8")).toBe("<p>Archive</p>");
    });

    it("writes rather than links a previous file that another name also holds", () => {
      const { folder, staging, old, writer } = setUp();
      const shared = old("sitemap.xml", "<urlset/>");
      linkSync(shared, path.join(folder.dir, "elsewhere.xml"));
      writer.write({ path: "/sitemap.xml", body: "<urlset/>" });
      expect(inode(path.join(staging, "sitemap.xml"))).not.toBe(inode(shared));
      expect(readFileSync(path.join(staging, "sitemap.xml"), "utf8")).toBe("<urlset/>");
    });

    it("writes instead when the previous build is on another file system (EXDEV)", () => {
      // /dev/shm is a tmpfs: a hard link from there into the temporary folder is refused.
      const other = mkdtempSync("/dev/shm/dispatch-");
      try {
        const { staging } = setUp();
        expect(statSync(other).dev).not.toBe(statSync(staging).dev);
        mkdirSync(path.join(other, "email"));
        writeFileSync(path.join(other, "email/index.html"), "<p>Same</p>");
        outputWriter(staging, { previous: other }).write({ path: "/email/index.html", body: "<p>Same</p>" });
        expect(readFileSync(path.join(staging, "email/index.html"), "utf8")).toBe("<p>Same</p>");
        expect(statSync(path.join(staging, "email/index.html")).nlink).toBe(1);
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    });
  });
});
