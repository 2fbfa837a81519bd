import * as cheerio from "cheerio";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { SITE_HTML_VALIDATE } from "../../src/check/rules.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureCopy, listFiles, runBuild, type BuildRun } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

/**
 * What a newsroom expects on the page and in the email, through one full build of the fixture
 * site plus a few briefings written here. The local image is the sample site's own
 * (content/images/sample-ocean-horizon.png, 1200 × 675): images are read from content/.
 */
const BASE = "https://example.org/news/";
const out = path.join(tempFolder("dispatch-newsroom-").dir, "dist");
let build: BuildRun;
let files: string[];
const read = (file: string) => readFileSync(path.join(out, file), "utf8");
const page = (file: string) => cheerio.load(read(file));

beforeAll(() => {
  const briefings = fixtureCopy();
  briefings.write(
    "2026/lead-image.md",
    briefingSource(
      {
        title: '"A briefing with a local lead image"',
        date: "2026-01-09",
        tags: "[Climate, Oceans]",
        authors: "[Jane Doe]",
        image: "/images/sample-ocean-horizon.png",
        imageAlt: '"A calm sea under a pale sky"',
        imageCaption: '"Sea & sky <b>at dawn</b>"',
        imageCredit: '"Photo: A. N. Other/<i>Agency</i>"',
      },
      "The sea was calm on Friday, officials said.\n\n![The horizon](/images/sample-ocean-horizon.png)\n\n" +
        '<img src="/images/sample-ocean-horizon.png" alt="Sized by hand" width="300" height="100">\n\n' +
        "![A remote picture](https://example.org/images/remote.jpg)\n",
    ),
  );
  // Eleven briefings by one author (more than a page of 10), all sharing the lead image's "Oceans" tag.
  for (let n = 1; n <= 11; n += 1) {
    briefings.write(
      `2025/pat-${n}.md`,
      briefingSource({ title: `"Ocean note ${n}"`, date: `2025-12-${String(n).padStart(2, "0")}`, tags: "[Oceans]", authors: '[{ name: "Pat Example", url: "https://pat.example.org/" }]' }),
    );
  }
  briefings.write("2026/web-only.md", briefingSource({ title: '"A web-only report"', date: "2026-01-07", email: "false" }));
  // Well over Gmail's clipping limit: the build fails on it unless the briefing allows it.
  const long = Array.from({ length: 1400 }, (_, n) => `Paragraph ${n} of a very long read, said the editor.`).join("\n\n");
  briefings.write("2026/long-read.md", briefingSource({ title: '"A very long read"', date: "2026-01-06", allowClipped: "true" }, long));
  build = runBuild(briefings.dir, out, { SITE_URL: BASE });
  files = listFiles(out);
});

describe("a fixture site with newsroom features", () => {
  it("builds", () => {
    expect(build.stderr).not.toMatch(/error/i);
    expect(build.status).toBe(0);
  });

  it("passes html-validate on the pages these features touch", async () => {
    const validator = new HtmlValidate(SITE_HTML_VALIDATE);
    const failures: string[] = [];
    for (const file of ["briefings/2026/lead-image/index.html", "email/2026/lead-image/preview/index.html"]) {
      const report = await validator.validateString(read(file), file);
      for (const result of report.results) for (const message of result.messages) failures.push(`${file}:${message.line}: ${message.ruleId} ${message.message}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("author pages", () => {
  it("list an author's briefings at /authors/<slug>/, paginated like topics, with their website", () => {
    const first = page("authors/pat-example/index.html");
    expect(first("h1").text()).toBe("Briefings by Pat Example");
    expect(first(".card-title").map((_, el) => first(el).text()).get()).toHaveLength(10);
    expect(first(".card-title").first().text()).toBe("Ocean note 11");
    expect(first('a[href="https://pat.example.org/"]').text()).toBe("Pat Example’s website");
    const second = page("authors/pat-example/page/2/index.html");
    expect(second(".card-title").map((_, el) => second(el).text()).get()).toEqual(["Ocean note 1"]);
  });

  it("are linked from the byline", () => {
    const $ = page("briefings/2026/lead-image/index.html");
    expect($('.byline a[rel="author"]').attr("href")).toBe("/news/authors/jane-doe/");
    const jane = page("authors/jane-doe/index.html");
    // Jane Doe also co-wrote a fixture briefing.
    expect(jane(".card-title").map((_, el) => jane(el).text()).get()).toContain("A briefing with a local lead image");
    const escaped = page("briefings/2026/nasty-title/index.html")('.byline a[rel="author"]');
    expect(escaped.text()).toBe("O'Brien & Sons");
    expect(files).toContain(`${escaped.attr("href")!.replace(/^\/news\//, "")}index.html`);
  });

  it("are in the sitemap", () => {
    expect(read("sitemap.xml")).toContain(`<loc>${BASE}authors/pat-example/page/2/</loc>`);
  });
});

describe("related briefings", () => {
  it("lists up to three briefings sharing a tag, newest first, under the briefing", () => {
    const $ = page("briefings/2026/lead-image/index.html");
    expect($(".related a").map((_, el) => $(el).text()).get()).toEqual(["Ocean note 11", "Ocean note 10", "Ocean note 9"]);
    expect($(".related a").first().attr("href")).toBe("/news/briefings/2025/pat-11/");
    const newest = page("briefings/2025/pat-11/index.html");
    expect(newest(".related a").map((_, el) => newest(el).text()).get()).toEqual(["A briefing with a local lead image", "Ocean note 10", "Ocean note 9"]);
  });

  it("leaves the section out when no other briefing shares a tag", () => {
    expect(page("briefings/2026/web-only/index.html")(".related").length).toBe(0);
  });
});

describe("per-briefing email switches", () => {
  it("email: false publishes the briefing on the web and in feeds, with no email edition", () => {
    expect(files).toContain("briefings/2026/web-only/index.html");
    expect(files.filter((file) => file.startsWith("email/") && file.includes("web-only"))).toEqual([]);
    expect(read("feed.json")).toContain(`${BASE}briefings/2026/web-only/`);
    expect(build.stdout).not.toMatch(/web-only\.md/);
  });

  it("allowClipped: true lets that briefing's clipped email through, with a warning", () => {
    expect(files).toContain("email/2026/long-read/index.html");
    expect(build.stdout + build.stderr).toMatch(/long-read\.md: the email is .*it will be clipped \(allowed by allowClipped in its front matter\)/);
  });

  it("without allowClipped the same briefing stops the build, naming both switches", () => {
    const briefings = fixtureCopy();
    const long = Array.from({ length: 1400 }, (_, n) => `Paragraph ${n} of a very long read, said the editor.`).join("\n\n");
    briefings.write("2026/long-read.md", briefingSource({ title: '"A very long read"', date: "2026-01-06" }, long));
    const parent = tempFolder("dispatch-clipped-").dir;
    const failed = runBuild(briefings.dir, path.join(parent, "dist"), { SITE_URL: BASE });
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/long-read\.md: the email is .*add "allowClipped: true" to its front matter.*"email: false"/);
    // The pages were written and the search index started before the emails: the build waited for
    // the index before removing its staging folder, so nothing is left beside the output.
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe("the lead image", () => {
  it("is written site-relative on the page (so npm start and previews show it), with its real size", () => {
    const img = page("briefings/2026/lead-image/index.html")(".lead-image img");
    expect(img.attr("src")).toBe("/news/images/sample-ocean-horizon.png");
    expect([img.attr("width"), img.attr("height")]).toEqual(["1200", "675"]);
    expect(img.attr("alt")).toBe("A calm sea under a pale sky");
  });

  it("keeps absolute URLs where a page is read elsewhere: social cards, JSON-LD, feeds", () => {
    const $ = page("briefings/2026/lead-image/index.html");
    expect($('meta[property="og:image"]').attr("content")).toBe(`${BASE}images/sample-ocean-horizon.png`);
    const ld = JSON.parse($('script[type="application/ld+json"]').text()) as { image: string[] };
    expect(ld.image).toEqual([`${BASE}images/sample-ocean-horizon.png`]);
    const json = JSON.parse(read("feed.json")) as { items: { url: string; image?: string }[] };
    expect(json.items.find((item) => item.url.endsWith("/lead-image/"))?.image).toBe(`${BASE}images/sample-ocean-horizon.png`);
  });

  it("has its caption and credit as text, escaped", () => {
    const $ = page("briefings/2026/lead-image/index.html");
    expect($(".lead-image figcaption").text()).toBe("Sea & sky <b>at dawn</b> Photo: A. N. Other/<i>Agency</i>");
    expect($(".lead-image figcaption .credit").text()).toBe("Photo: A. N. Other/<i>Agency</i>");
    expect($(".lead-image figcaption b, .lead-image figcaption i").length).toBe(0);
  });

  it("appears in the email with the byline, absolute, scaled to the column in proportion", () => {
    const $ = cheerio.load(read("email/2026/lead-image/index.html"));
    expect($(".dateline").text()).toMatch(/^By Jane Doe · 9 January 2026$/);
    const img = $(".lead-image img");
    expect(img.attr("src")).toBe(`${BASE}images/sample-ocean-horizon.png`);
    expect([img.attr("width"), img.attr("height")]).toEqual(["552", "311"]);
    expect($(".lead-caption").text()).toBe("Sea & sky <b>at dawn</b> Photo: A. N. Other/<i>Agency</i>");
    // Title, byline, image and caption, then the body (cheerio lists matches in document order).
    expect($(".title, .dateline, .lead-image, .lead-caption, .body").map((_, el) => $(el).attr("class")).get()).toEqual([
      "title",
      "dateline",
      "lead-image captioned",
      "lead-caption",
      "body",
    ]);
  });
});

describe("local images in the body", () => {
  it("get the file's real width and height on the page, in the feeds and in the email", async () => {
    const onPage = page("briefings/2026/lead-image/index.html")('.body img[alt="The horizon"]');
    expect([onPage.attr("width"), onPage.attr("height")]).toEqual(["1200", "675"]);
    const json = JSON.parse(read("feed.json")) as { items: { url: string; content_html: string }[] };
    const inFeed = cheerio.load(json.items.find((item) => item.url.endsWith("/lead-image/"))!.content_html)('img[alt="The horizon"]');
    expect([inFeed.attr("width"), inFeed.attr("height")]).toEqual(["1200", "675"]);
    const inEmail = cheerio.load(read("email/2026/lead-image/index.html"))('.body img[alt="The horizon"]');
    expect([inEmail.attr("width"), inEmail.attr("height")]).toEqual(["552", "311"]);
  });

  it("keep a width and height the editor wrote", () => {
    const img = page("briefings/2026/lead-image/index.html")('.body img[alt="Sized by hand"]');
    expect([img.attr("width"), img.attr("height")]).toEqual(["300", "100"]);
  });

  it("are not warned about; remote images without a size still are", () => {
    const output = build.stdout + build.stderr;
    expect(output).toMatch(/lead-image\.md: email: image https:\/\/example\.org\/images\/remote\.jpg has no width and height/);
    expect(output).not.toMatch(/sample-ocean-horizon\.png has no width and height/);
  });
});

it("lists every file it wrote for these briefings", () => {
  expect(files).toContain("briefings/2026/lead-image/index.html");
});
