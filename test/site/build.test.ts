import * as cheerio from "cheerio";
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { SITE_HTML_VALIDATE } from "../../src/check/rules.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "../../src/email/index.ts";
import { loadProject } from "../../src/build/project.ts";
import { collectUrls, parseXmlFeed, text } from "../helpers/feeds.ts";
import { fixtureCopy, listFiles, runBuild, type BuildRun } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

const BASE = "https://example.org/news/";
const out = path.join(tempFolder("dispatch-out-").dir, "dist");
let build: BuildRun;
let files: string[];
let briefingsDir: string;
const read = (file: string) => readFileSync(path.join(out, file), "utf8");
/** Site pages: everything HTML but the email edition, which has its own rules (test/email). */
const sitePages = () => files.filter((file) => file.endsWith(".html") && !file.startsWith("email/"));
/** The email preview pages are web pages for editors: they follow the site's rules. */
const previewPages = () => files.filter((file) => /^email\/(digest|\d{4})\/[^/]+\/preview\/index\.html$/.test(file));

beforeAll(() => {
  const briefings = fixtureCopy();
  // Enough briefings to paginate the archive (10 a page in the site settings).
  for (let n = 1; n <= 12; n += 1) {
    briefings.write(`2025/generated-${n}.md`, briefingSource({ title: `"Generated briefing ${n}"`, date: `2025-11-${String(n).padStart(2, "0")}`, tags: "[Generated]" }));
  }
  // The same file name in two years' folders: two briefings, each with its own URLs.
  briefings.write("2025/budget.md", briefingSource({ title: '"Budget 2025: the spending review"', date: "2025-03-12" }));
  briefings.write("2026/budget.md", briefingSource({ title: '"Budget 2026: taxes rise"', date: "2026-01-01" }));
  // Raw HTML pasted from a CMS: an unknown wrapper, a script, an allowed and a refused embed.
  briefings.write(
    "2025/pasted.md",
    briefingSource({ title: '"Pasted from the CMS"', date: "2025-02-01" }, [
      "A first paragraph that says what happened.",
      "",
      '<tweet data-id="1"><blockquote class="twitter-tweet"><p>Quoted post</p></blockquote></tweet>',
      '<script src="https://platform.twitter.com/widgets.js"></script>',
      "",
      '<figure><iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video: the summit" width="560" height="315" allowfullscreen></iframe><figcaption>The summit</figcaption></figure>',
      "",
      '<iframe src="https://evil.example/frame" title="Something else"></iframe>',
      "",
      '<details><summary>Method</summary><p onclick="x()">How we counted.</p></details>',
    ].join("\n")),
  );
  briefingsDir = briefings.dir;
  build = runBuild(briefings.dir, out, { SITE_URL: BASE });
  files = listFiles(out);
});

describe("a fixture site built with Eleventy", () => {
  it("builds without errors", () => {
    expect(build.stderr).not.toMatch(/error/i);
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/Built \d+ files/);
  });

  it("writes the pages a newsroom site needs", () => {
    for (const file of [
      "index.html",
      "404.html",
      "archive/index.html",
      "archive/page/2/index.html",
      "archive/2026/index.html",
      "archive/2026/01/index.html",
      "tags/index.html",
      "tags/europe/index.html",
      "briefings/2026/uk-france-ukraine-troops/index.html",
      "sitemap.xml",
      "sitemap-index.xml",
      "news-sitemap.xml",
      "robots.txt",
      "feed.xml",
      "atom.xml",
      "feed.json",
      "tags/europe/atom.xml",
    ]) {
      expect(files).toContain(file);
    }
  });

  it("passes html-validate's recommended rules on every page", async () => {
    const validator = new HtmlValidate(SITE_HTML_VALIDATE);
    const failures: string[] = [];
    expect(previewPages().length).toBeGreaterThan(0);
    for (const file of [...sitePages(), ...previewPages()]) {
      const report = await validator.validateString(read(file), file);
      for (const result of report.results) {
        for (const message of result.messages) failures.push(`${file}:${message.line}: ${message.ruleId} ${message.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("never publishes drafts or future briefings anywhere", () => {
    for (const file of files) {
      const text = read(file);
      expect(text, file).not.toContain("must never appear");
      expect(text, file).not.toContain("from the future");
    }
    expect(files.some((file) => file.includes("draft"))).toBe(false);
  });

  it("lists every page in the sitemap, with absolute URLs under the base path", () => {
    const $ = cheerio.load(read("sitemap.xml"), { xml: true });
    const locs = $("loc").map((_, el) => $(el).text()).get().sort();
    const expected = sitePages()
      .filter((file) => file !== "404.html")
      .map((file) => new URL(file.replace(/index\.html$/, ""), BASE).href)
      .sort();
    expect(locs).toEqual(expected);
  });

  it("lists the pages Eleventy renders by source file, whatever their files' birth times", () => {
    const $ = cheerio.load(read("sitemap.xml"), { xml: true });
    const others = $("loc").map((_, el) => new URL($(el).text()).pathname).get().filter((loc) => !loc.includes("/briefings/"));
    const single: Record<string, string> = { "/news/": "index.njk", "/news/feeds/": "feeds.njk", "/news/search/": "search.njk", "/news/tags/": "tags.njk" };
    const order = others.map((loc) => single[loc] ?? "listing.njk");
    // Templates in file-name order, each one's pages together, a paginated template's pages in page order.
    expect(order.filter((name, i) => name !== order[i - 1])).toEqual(["feeds.njk", "index.njk", "listing.njk", "search.njk", "tags.njk"]);
    expect(others.indexOf("/news/archive/page/2/")).toBe(others.indexOf("/news/archive/") + 1);
  });

  it("points robots.txt at a sitemap index of the page and news sitemaps", () => {
    expect(read("robots.txt")).toContain(`Sitemap: ${BASE}sitemap-index.xml`);
    const $ = cheerio.load(read("sitemap-index.xml"), { xml: true });
    expect($("sitemap > loc").map((_, el) => $(el).text()).get()).toEqual([`${BASE}sitemap.xml`, `${BASE}news-sitemap.xml`]);
    expect(cheerio.load(read("news-sitemap.xml"), { xml: true })("urlset").length).toBe(1);
  });

  it("keeps the base path in every internal link and asset", () => {
    const $ = cheerio.load(read("briefings/2026/uk-france-ukraine-troops/index.html"));
    const internal = $("a[href^='/'], link[href^='/']").map((_, el) => $(el).attr("href")).get();
    expect(internal.length).toBeGreaterThan(3);
    for (const href of internal) expect(href).toMatch(/^\/news\//);
    expect($("link[rel=canonical]").attr("href")).toBe(`${BASE}briefings/2026/uk-france-ukraine-troops/`);
  });

  it("escapes front matter everywhere and leaves {{ }} in a briefing as text", () => {
    for (const file of sitePages()) expect(read(file), file).not.toContain("<script>alert(1)</script>");
    const page = cheerio.load(read("briefings/2026/nasty-title/index.html"));
    expect(page("h1").text()).toBe('Fish & chips <script>alert(1)</script> "quoted" ]]> -- done');
    const world = read("briefings/2026/world-scripts/index.html");
    expect(world).toContain("{{ site.title }}");
    expect(world).toContain("{% raw %}");
  });

  it("puts the briefing's metadata in the head", () => {
    // Filed under 2025/ but dated 1 January 2026 in the site's zone: the URL follows the date.
    const $ = cheerio.load(read("briefings/2026/older/index.html"));
    expect($("html").attr("lang")).toBe("en-GB");
    expect($('meta[property="og:type"]').attr("content")).toBe("article");
    expect($('meta[name="twitter:card"]').length).toBe(1);
    expect($('link[rel="alternate"]').map((_, el) => $(el).attr("type")).get()).toEqual([
      "application/rss+xml",
      "application/atom+xml",
      "application/feed+json",
    ]);
    const ld = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    expect(ld["@type"]).toBe("NewsArticle");
    expect(ld.datePublished).toBe("2026-01-01T04:30:00+00:00");
    expect(ld.dateModified).toBe("2026-01-02T10:00:00+00:00");
    // 23:30 in New York on 31 December is 1 January in London, the site's zone.
    expect($(".byline time").first().text()).toBe("1 January 2026");
    expect($(".byline").text()).toContain("Jane Doe and John Roe");
  });

  it("shows the pull quote and the key points on a briefing page, and the lede once", () => {
    const $ = cheerio.load(read("briefings/2026/uk-france-ukraine-troops/index.html"));
    expect($(".pull-quote figcaption").text()).toBe("Keir Starmer");
    expect($(".pull-quote blockquote").text()).toContain("Our support for Ukraine is unwavering");
    // The summary is the lede: the body's first paragraph says it, so no dek repeats it.
    expect($(".dek")).toHaveLength(0);
    expect($('meta[name="description"]').attr("content")).toMatch(/^Prime Minister Keir Starmer has declared/);
    expect($(".body p").first().text()).toMatch(/^Prime Minister Keir Starmer has declared/);
    expect($(".in-brief li").length).toBeGreaterThanOrEqual(3);
  });

  it("serves feeds that parse and list the same items with absolute URLs", async () => {
    const rss = await parseXmlFeed(read("feed.xml"));
    const atom = await parseXmlFeed(read("atom.xml"));
    const json = JSON.parse(read("feed.json")) as { version: string; items: { id: string; url: string; content_html: string }[] };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    const links = rss.items.map((item) => text(item, "rss:link"));
    expect(atom.items.map((item) => text(item, "atom:id"))).toEqual(links);
    expect(json.items.map((item) => item.url)).toEqual(links);
    expect(links).toHaveLength(20);
    expect(links[0]).toBe(`${BASE}briefings/2026/nasty-title/`);
    for (const item of json.items) {
      for (const url of collectUrls(item.content_html)) expect(url, item.id).toMatch(/^(https?|mailto):/);
    }
  });

  it("keeps allowed raw HTML on the web page, drops the rest and names it in a warning", () => {
    const $ = cheerio.load(read("briefings/2025/pasted/index.html"));
    expect($("tweet, script[src*='widgets'], iframe[src*='evil']")).toHaveLength(0);
    expect($("blockquote.twitter-tweet p").text()).toBe("Quoted post");
    expect($("figure iframe").attr("src")).toBe("https://www.youtube-nocookie.com/embed/abc");
    expect($("details summary").text()).toBe("Method");
    expect($("details p").attr("onclick")).toBeUndefined();
    const warning = (build.stdout + build.stderr).split("\n").find((line) => line.includes("pasted.md: removed"));
    expect(warning).toMatch(/2025\/pasted\.md: removed from the web page's HTML: .*<tweet>/);
    for (const part of ["<script>", "<iframe> from evil.example", "onclick on <p>"]) expect(warning).toContain(part);
    expect(warning).not.toContain("youtube");
  });

  it("gives the same file name in two years' folders distinct pages, emails and previews", () => {
    expect(cheerio.load(read("briefings/2025/budget/index.html"))("h1").text()).toBe("Budget 2025: the spending review");
    expect(cheerio.load(read("briefings/2026/budget/index.html"))("h1").text()).toBe("Budget 2026: taxes rise");
    for (const [year, title] of [["2025", "Budget 2025: the spending review"], ["2026", "Budget 2026: taxes rise"]]) {
      for (const file of ["index.html", "fragment.html", "email.txt", "preview/index.html"]) expect(read(`email/${year}/budget/${file}`).toLowerCase()).toContain(title.toLowerCase());
    }
    const links = cheerio.load(read("feed.xml"), { xml: true })("item > link").map((_, link) => cheerio.load(link, { xml: true }).text()).get();
    expect(links).toEqual(expect.arrayContaining([`${BASE}briefings/2025/budget/`, `${BASE}briefings/2026/budget/`]));
  });

  it("writes each email exactly as the email command renders it (merge tags and all)", () => {
    const project = loadProject({ env: { ...process.env, DISPATCH_BRIEFINGS: briefingsDir, SITE_URL: BASE } });
    for (const briefing of project.briefings) {
      const edition = renderEmail(briefing, project.settings);
      const dir = briefing.path.replace("/briefings/", "email/");
      expect(read(`${dir}index.html`), briefing.slug).toBe(edition.html);
      expect(read(`${dir}fragment.html`), briefing.slug).toBe(edition.fragment);
      expect(read(`${dir}email.txt`), briefing.slug).toBe(edition.text);
    }
  });
});
