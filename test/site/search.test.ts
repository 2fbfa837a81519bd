import axe from "axe-core";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as pagefind from "pagefind";
import { withoutIgnored } from "../../src/search/ignored.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { fingerprint, fixtureCopy, listFiles, runBuild, type BuildRun } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

/** Reader search in real Chromium, on a fixture site built by `npm run build` under a base path. */
const work = tempFolder("dispatch-search-");
const out = path.join(work.dir, "dist");
const cache = path.join(work.dir, "cache");
const SITE_URL = "https://example.org/news/";
const briefings = fixtureCopy();
let build: BuildRun;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // Five briefings share a rare word; two of them share a topic.
  for (let n = 1; n <= 5; n += 1) {
    briefings.write(
      `2025/harbour-${n}.md`,
      briefingSource(
        { title: `"Harbour report ${n}"`, date: `2025-06-0${n}`, tags: n <= 2 ? "[Ports, Shipping]" : "[Ports]" },
        `The quayside cranes at the harbour stood still on day ${n}, dockers said.`,
      ),
    );
  }
  // Three years, so three shards: a word only 2024, 2025 or 2026 has, and a topic in all three.
  briefings.write(
    "2024/tide-gauge.md",
    briefingSource({ title: '"Tide gauge installed"', date: "2024-03-10", tags: "[Ports]" }, "Engineers bolted a new tide gauge to the pier, and its readings go online hourly."),
  );
  briefings.write(
    "2025/marram-grass.md",
    briefingSource({ title: '"Dunes replanted"', date: "2025-09-14", tags: "[Coast]" }, "Volunteers planted marram grass along the dunes to hold the sand against winter storms."),
  );
  briefings.write(
    "2026/saltmarsh.md",
    briefingSource({ title: '"Saltmarsh restored"', date: "2026-01-03", tags: "[Ports, Coast]" }, "The old saltmarsh behind the sea wall floods twice a day again, the trust said."),
  );
  briefings.write(
    "2026/lead-image.md",
    briefingSource(
      { title: '"With a lead image"', date: "2026-01-02", image: "/images/sample-ocean-horizon.png", imageAlt: '"A calm sea"', imageCaption: '"The sea."' },
      "A first paragraph that says what happened.",
    ),
  );
  build = runBuild(briefings.dir, out, { SITE_URL, DISPATCH_CACHE: cache });
  expect(build.status, build.stderr).toBe(0);
  server = await serveStatic(out, "/news/");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSearch(query = "", options: { width?: number; scheme?: "light" | "dark" } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 }, colorScheme: options.scheme ?? "light" });
  const tab = await context.newPage();
  await tab.goto(`${server.url}search/${query ? `?q=${encodeURIComponent(query)}` : ""}`);
  await tab.locator(".search-filters").waitFor({ state: "visible" });
  return tab;
}

const titles = (tab: Page) => tab.locator(".search-result h2").allTextContents();

async function waitForStatus(tab: Page, pattern: RegExp): Promise<void> {
  const status = tab.locator("#search-status");
  await status.filter({ hasText: pattern }).waitFor({ timeout: 10_000 }).catch(async () => {
    throw new Error(`the search status never matched ${pattern}: it says "${await status.textContent()}"`);
  });
}

describe("the search index", () => {
  it("is built from the staged briefing pages, of the published briefings only, and reported", () => {
    // 5 published fixture briefings + 6 written here; drafts and future ones are not built at all.
    const report = /Search index: 14 briefings in 3 shards \(3 indexed, 0 from the cache\), (\d+) files, ([\d.]+) MB, in [\d.]+ s/.exec(build.stdout);
    expect(report, build.stdout).not.toBeNull();
    const written = listFiles(path.join(out, "pagefind"));
    expect(Number(report![1])).toBe(written.length);
    const bytes = written.reduce((sum, file) => sum + readFileSync(path.join(out, "pagefind", file)).length, 0);
    expect(report![2]).toBe((bytes / 1_000_000).toFixed(2));
  });

  it("is one Pagefind bundle per year of the briefings' URLs, listed newest first, without Pagefind's UI files", () => {
    const index = path.join(out, "pagefind");
    expect(JSON.parse(readFileSync(path.join(index, "shards.json"), "utf8"))).toEqual({ shards: ["2026", "2025", "2024"] });
    expect(readdirSync(index).sort()).toEqual(["2024", "2025", "2026", "shards.json"]);
    for (const year of ["2024", "2025", "2026"]) {
      const files = readdirSync(path.join(index, year));
      expect(files).toEqual(expect.arrayContaining(["pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en-gb.pagefind", "index", "fragment", "filter"]));
      expect(files.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    }
  });

  it("leaves out of what Pagefind is given only what Pagefind ignores: the index is the same without it", async () => {
    const pages = listFiles(path.join(out, "briefings/2025")).map((page) => ({ url: `/briefings/2025/${page.replace(/index\.html$/, "")}`, html: readFileSync(path.join(out, "briefings/2025", page), "utf8") }));
    expect(pages.some((page) => withoutIgnored(page.html).length < page.html.length)).toBe(true);
    const indexFiles = async (strip: boolean) => {
      const { index } = await pagefind.createIndex({});
      for (const page of pages) await index!.addHTMLFile({ url: page.url, content: strip ? withoutIgnored(page.html) : page.html });
      const { files } = await index!.getFiles();
      return new Map(files.map((file) => [file.path, Buffer.from(file.content).toString("base64")]));
    };
    try {
      expect(await indexFiles(true)).toEqual(await indexFiles(false));
    } finally {
      await pagefind.close();
    }
  });

  it("re-indexes only the edited briefing's year on a warm build, and writes what a cold build writes", { timeout: 180_000 }, () => {
    // A new title reaches a 2025 page too (the link to the previous briefing), in a part Pagefind ignores.
    const file = path.join(briefings.dir, "2024/tide-gauge.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Tide gauge installed", "Tide gauge bolted on").replace("go online hourly", "go online every ten minutes"));
    const warmOut = path.join(work.dir, "warm");
    const warm = runBuild(briefings.dir, warmOut, { SITE_URL, DISPATCH_CACHE: cache });
    expect(warm.status, warm.stderr).toBe(0);
    expect(warm.stdout).toMatch(/Search index: 14 briefings in 3 shards \(1 indexed, 2 from the cache\)/);
    const coldOut = path.join(work.dir, "cold");
    const cold = runBuild(briefings.dir, coldOut, { SITE_URL, DISPATCH_CACHE: path.join(work.dir, "cold-cache") });
    expect(cold.status, cold.stderr).toBe(0);
    expect(cold.stdout).toMatch(/\(3 indexed, 0 from the cache\)/);
    expect(listFiles(warmOut)).toEqual(listFiles(coldOut));
    expect(fingerprint(warmOut)).toBe(fingerprint(coldOut));
    // The edit is in the index: a 2024 fragment holds the new words, and the shards of 2025 and 2026 are the first build's.
    const fragments = (dir: string, year: string) => listFiles(path.join(dir, "pagefind", year)).filter((name) => name.startsWith("fragment/"));
    expect(fragments(warmOut, "2024")).not.toEqual(fragments(out, "2024"));
    for (const year of ["2025", "2026"]) expect(fingerprint(path.join(warmOut, "pagefind", year))).toBe(fingerprint(path.join(out, "pagefind", year)));
    expect(readFileSync(path.join(warmOut, "briefings/2025/harbour-1/index.html"), "utf8")).toContain("Tide gauge bolted on");
  });
});

describe("the search page in Chromium", () => {
  it("lists a briefing when a word from it is typed, with title, date and the matching excerpt", async () => {
    const tab = await openSearch();
    await tab.fill("#search-query", "unwavering");
    await waitForStatus(tab, /1 briefing found/);
    expect(await titles(tab)).toEqual(["UK and France ready to send troops to Ukraine after a peace deal"]);
    const result = tab.locator(".search-result").first();
    expect(await result.locator("a").getAttribute("href")).toBe("/news/briefings/2026/uk-france-ukraine-troops/");
    expect(await result.locator(".card-meta").textContent()).toBe("6 January 2026");
    expect((await result.locator(".search-excerpt mark").allTextContents()).join(" ")).toMatch(/unwavering/);
    expect(tab.url()).toMatch(/\/news\/search\/\?q=unwavering/);
    await tab.context().close();
  });

  it("finds a briefing by the speaker of its key quote and by its tag", async () => {
    const tab = await openSearch("Starmer");
    await waitForStatus(tab, /found/);
    expect(await titles(tab)).toContain("UK and France ready to send troops to Ukraine after a peace deal");
    await tab.fill("#search-query", "Shipping");
    await waitForStatus(tab, /2 briefings found/);
    await tab.context().close();
  });

  it("narrows the results with a tag filter and a year filter", async () => {
    const tab = await openSearch("harbour");
    await waitForStatus(tab, /5 briefings found/);
    await tab.selectOption("#search-tag", "Shipping");
    await waitForStatus(tab, /2 briefings found/);
    expect((await titles(tab)).sort()).toEqual(["Harbour report 1", "Harbour report 2"]);
    await tab.selectOption("#search-tag", "");
    await tab.selectOption("#search-year", "2026");
    await waitForStatus(tab, /No briefings found/);
    await tab.fill("#search-query", "");
    await waitForStatus(tab, /briefings? found/);
    for (const href of await tab.locator(".search-result a").evaluateAll((links) => links.map((link) => link.getAttribute("href")))) {
      expect(href).toMatch(/^\/news\/briefings\/2026\//);
    }
    await tab.context().close();
  });

  it("finds a word that only one year's briefing has, in each year's shard", async () => {
    const tab = await openSearch();
    for (const [word, title, year] of [
      ["marram", "Dunes replanted", "2025"],
      ["saltmarsh", "Saltmarsh restored", "2026"],
      ["gauge", "Tide gauge installed", "2024"],
    ]) {
      await tab.fill("#search-query", word!);
      await waitForStatus(tab, new RegExp(`1 briefing found for “${word}”`));
      expect(await titles(tab)).toEqual([title]);
      expect(await tab.locator(".search-result a").getAttribute("href")).toMatch(new RegExp(`^/news/briefings/${year}/`));
    }
    await tab.context().close();
  });

  it("shows each topic's and year's count summed over the years", async () => {
    const tab = await openSearch();
    const options = (select: string) => tab.locator(`${select} option`).allTextContents();
    expect(await options("#search-year")).toEqual(["All years", "2026 (7)", "2025 (6)", "2024 (1)"]);
    const topics = await options("#search-tag");
    expect(topics).toContain("Ports (7)");
    expect(topics).toContain("Coast (2)");
    await tab.selectOption("#search-tag", "Coast");
    await waitForStatus(tab, /2 briefings found\./);
    await tab.selectOption("#search-year", "2025");
    await waitForStatus(tab, /1 briefing found\./);
    expect(await titles(tab)).toEqual(["Dunes replanted"]);
    await tab.context().close();
  });

  it("lists the newest first when only a filter is chosen, across the years", async () => {
    const tab = await openSearch();
    await tab.selectOption("#search-tag", "Ports");
    await waitForStatus(tab, /7 briefings found\./);
    expect(await titles(tab)).toEqual(["Saltmarsh restored", ...[5, 4, 3, 2, 1].map((n) => `Harbour report ${n}`), "Tide gauge installed"]);
    await tab.context().close();
  });

  it("searches the chosen year's shard only", async () => {
    const tab = await openSearch();
    const chunks: string[] = [];
    tab.context().on("request", (request) => {
      if (/\.pf_index$/.test(request.url())) chunks.push(new URL(request.url()).pathname);
    });
    await tab.selectOption("#search-year", "2025");
    await waitForStatus(tab, /6 briefings found\./);
    await tab.fill("#search-query", "quayside");
    await waitForStatus(tab, /5 briefings found for “quayside”/);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.filter((chunk) => !chunk.startsWith("/news/pagefind/2025/"))).toEqual([]);
    await tab.context().close();
  });

  it("indexes briefing pages only, never listings, and shows titles as text", async () => {
    const tab = await openSearch("chips");
    await waitForStatus(tab, /found/);
    expect(await titles(tab)).toEqual(['Fish & chips <script>alert(1)</script> "quoted" ]]> -- done']);
    expect(await tab.locator(".search-results script").count()).toBe(0);
    // The home page's "Recent briefings" heading is the only place the word appears.
    await tab.fill("#search-query", "recent");
    await waitForStatus(tab, /No briefings found/);
    await tab.context().close();
  });

  for (const width of [375, 1280]) {
    it(`has no axe violations, no console errors and no sideways scroll at ${width} px, light and dark`, async () => {
      for (const scheme of ["light", "dark"] as const) {
        const tab = await openSearch("harbour", { width, scheme });
        const errors: string[] = [];
        tab.on("console", (message) => {
          if (message.type() === "error") errors.push(message.text());
        });
        await waitForStatus(tab, /5 briefings found/);
        const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await tab.addScriptTag({ content: axe.source });
        const violations = await tab.evaluate(async () => {
          const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        });
        expect(violations, scheme).toEqual([]);
        expect(errors).toEqual([]);
        await tab.context().close();
      }
    });
  }
});

describe("the lead image in Chromium", () => {
  for (const width of [375, 1280]) {
    it(`lines up with the text column at ${width} px (a figure's default 40 px margin is gone)`, async () => {
      const tab = await browser.newPage({ viewport: { width, height: 800 } });
      await tab.goto(`${server.url}briefings/2026/lead-image/`);
      const box = async (selector: string) => tab.locator(selector).first().evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      const [image, text] = [await box(".lead-image img"), await box(".body p")];
      expect(image.left).toBeCloseTo(text.left, 0);
      expect(image.right).toBeLessThanOrEqual(text.right + 0.5);
      expect(await tab.locator(".lead-image img").evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1200);
      await tab.close();
    });
  }
});

describe("the search box in the header", () => {
  it("opens the search page with the results when JavaScript runs", async () => {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}archive/`);
    await tab.fill("#site-search-query", "unwavering");
    await tab.press("#site-search-query", "Enter");
    await tab.waitForURL(/\/news\/search\/\?q=unwavering/);
    await waitForStatus(tab, /1 briefing found/);
    await tab.close();
  });

  it("falls back to the archive without JavaScript, and the search page says so", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(server.url);
    await tab.fill("#site-search-query", "harbour");
    await tab.press("#site-search-query", "Enter");
    await tab.waitForURL(/\/news\/archive\/\?q=harbour/);
    expect(await tab.locator("h1").textContent()).toBe("Archive");
    await tab.goto(`${server.url}search/`);
    expect(await tab.locator("main").textContent()).toMatch(/Search needs JavaScript\. Browse the archive/);
    expect(await tab.locator(".search-filters").isVisible()).toBe(false);
    await context.close();
  });
});
