import { cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cachedManifests } from "../../src/cache/manifest.ts";
import { openCache } from "../../src/cache/store.ts";
import { makeFolders, outputWriter, type OutputFile } from "../../src/config/outputs.ts";
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

  it("makes a build's folders at once, which the writer then writes into as its own", async () => {
    const dir = tempFolder().dir;
    const made = await makeFolders(dir, ["/briefings/2026/one/", "/email/2026/one/", "/email/2026/one/preview/", "/briefings/2026/one/"]);
    expect(made).toHaveLength(3);
    for (const folder of made) expect(statSync(folder).isDirectory()).toBe(true);
    const { write } = outputWriter(dir, { made });
    write({ path: "/email/2026/one/preview/index.html", body: "<p>Preview</p>" });
    expect(readFileSync(path.join(dir, "email/2026/one/preview/index.html"), "utf8")).toBe("<p>Preview</p>");
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

  describe("with the previous build's manifest (what key made each file)", () => {
    const PAGE = "/briefings/2026/one/index.html";
    const EMAIL = ["/email/2026/one/index.html", "/email/2026/one/email.txt"];
    const files: OutputFile[] = [
      { path: PAGE, body: "<p>“Page” one</p>", made: { key: "page-1" } },
      { path: EMAIL[0]!, body: "<p>Email</p>", made: { key: "email-1", note: { bytes: 12, warnings: ["a warning"] } } },
      { path: EMAIL[1]!, body: "Email", made: { key: "email-1" } },
      { path: "/sitemap.xml", body: "<urlset/>" },
    ];
    /** A first build (cold: no previous) into `dist.site-old` with a cache, and a staging folder for the next. */
    const setUp = (code = "code-a") => {
      const folder = tempFolder();
      const cacheDir = path.join(folder.dir, "cache");
      const previous = path.join(folder.dir, "dist.site-old");
      mkdirSync(previous);
      const first = outputWriter(previous, { previous: null, manifests: cachedManifests(openCache(cacheDir, code)) });
      for (const file of files) first.write(file);
      first.finish();
      const staging = path.join(folder.dir, "dist.staging-1");
      mkdirSync(staging);
      const next = (nextCode = code) => outputWriter(staging, { previous, manifests: cachedManifests(openCache(cacheDir, nextCode)) });
      return { folder, cacheDir, previous, staging, next };
    };
    const inode = (file: string) => statSync(file).ino;
    const at = (folder: string, sitePath: string) => path.join(folder, sitePath);

    it("links the files made from the same key without their bytes, and gives back the note recorded with them", () => {
      const { previous, staging, next } = setUp();
      const writer = next();
      expect(writer.reuse([PAGE], "page-1")).toEqual({ note: undefined });
      expect(writer.reuse(EMAIL, "email-1")).toEqual({ note: { bytes: 12, warnings: ["a warning"] } });
      for (const file of [PAGE, ...EMAIL]) expect(inode(at(staging, file))).toBe(inode(at(previous, file)));
      // A key that changed is no reuse: the caller writes the file, which is new (not compared and linked).
      expect(writer.reuse([PAGE], "page-2")).toBeNull();
      writer.write({ path: PAGE, body: "<p>“Page” one</p>", made: { key: "page-2" } });
      expect(inode(at(staging, PAGE))).not.toBe(inode(at(previous, PAGE)));
      expect(readFileSync(at(previous, PAGE), "utf8")).toBe("<p>“Page” one</p>");
      // A file without a key is compared as before.
      writer.write({ path: "/sitemap.xml", body: "<urlset/>" });
      expect(inode(at(staging, "sitemap.xml"))).toBe(inode(at(previous, "sitemap.xml")));
    });

    it("records the links in its own manifest, so that the build after it links them again", () => {
      const { folder, cacheDir, previous, staging, next } = setUp();
      const writer = next();
      expect(writer.reuse([PAGE], "page-1")).not.toBeNull();
      writer.write({ path: EMAIL[0]!, body: "<p>Email, edited</p>", made: { key: "email-2", note: { bytes: 20, warnings: [] } } });
      writer.write({ path: EMAIL[1]!, body: "Email, edited", made: { key: "email-2" } });
      writer.finish();
      // Published: the build before it is removed, and its files have one name again.
      rmSync(previous, { recursive: true });
      const third = path.join(folder.dir, "dist.staging-2");
      mkdirSync(third);
      const after = outputWriter(third, { previous: staging, manifests: cachedManifests(openCache(cacheDir, "code-a")) });
      expect(after.reuse([PAGE], "page-1")).not.toBeNull();
      expect(after.reuse(EMAIL, "email-2")).toEqual({ note: { bytes: 20, warnings: [] } });
      expect(readFileSync(at(third, EMAIL[1]!), "utf8")).toBe("Email, edited");
    });

    it("does not link a previous file edited, replaced or linked elsewhere by hand since, nor any of a group with one such", () => {
      const { folder, previous, staging, next } = setUp();
      // Edited in place, same size (its modification time moves on).
      writeFileSync(at(previous, PAGE), "<p>“Page” 1!</p>".padEnd(Buffer.byteLength("<p>“Page” one</p>")));
      // Replaced by a copy with the same bytes and modification time (another inode).
      const text = at(previous, EMAIL[1]!);
      cpSync(text, `${text}.copy`, { preserveTimestamps: true });
      renameSync(`${text}.copy`, text);
      const writer = next();
      expect(writer.reuse([PAGE], "page-1")).toBeNull();
      expect(writer.reuse(EMAIL, "email-1")).toBeNull();
      expect(readdirSync(staging)).toEqual([]);
      // A second name elsewhere: whatever changes that name changes this file.
      const other = setUp();
      linkSync(at(other.previous, PAGE), path.join(other.folder.dir, "elsewhere.html"));
      expect(other.next().reuse([PAGE], "page-1")).toBeNull();
      // The written file is the new build's bytes, and the hand-edited file keeps its own.
      writer.write({ path: PAGE, body: "<p>“Page” one</p>", made: { key: "page-1" } });
      expect(readFileSync(at(staging, PAGE), "utf8")).toBe("<p>“Page” one</p>");
      expect(readFileSync(at(previous, PAGE), "utf8")).toMatch(/^<p>“Page” 1!<\/p>/);
      expect(folder.dir).not.toBe(other.folder.dir);
    });

    it("without a usable manifest (none, corrupt, another code stamp, the folder replaced) links nothing by key and compares bytes instead", () => {
      const corrupt = setUp();
      const manifestDir = path.join(corrupt.cacheDir, "manifest");
      for (const name of readdirSync(manifestDir)) writeFileSync(path.join(manifestDir, name), "dispatch-cache/2\n not a manifest");
      const compared = corrupt.next();
      expect(compared.reuse([PAGE], "page-1")).toBeNull();
      compared.write({ path: PAGE, body: "<p>“Page” one</p>", made: { key: "page-1" } });
      expect(inode(at(corrupt.staging, PAGE))).toBe(inode(at(corrupt.previous, PAGE)));

      const missing = setUp();
      rmSync(path.join(missing.cacheDir, "manifest"), { recursive: true });
      expect(missing.next().reuse([PAGE], "page-1")).toBeNull();

      // Other code (or templates): its keys differ anyway, and the manifest is not its.
      const recoded = setUp();
      expect(recoded.next("code-b").reuse([PAGE], "page-1")).toBeNull();

      // The previous build folder replaced by a copy of itself, timestamps kept: another folder.
      const replaced = setUp();
      cpSync(replaced.previous, `${replaced.previous}.copy`, { recursive: true, preserveTimestamps: true });
      rmSync(replaced.previous, { recursive: true });
      renameSync(`${replaced.previous}.copy`, replaced.previous);
      expect(replaced.next().reuse([PAGE], "page-1")).toBeNull();
    });
  });
});
