import axe from "axe-core";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { fixtureCopy, runBuild, type BuildRun } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

/** Reader search in real Chromium, on a fixture site built by `npm run build` under a base path. */
const out = path.join(tempFolder("dispatch-search-").dir, "dist");
let build: BuildRun;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const briefings = fixtureCopy();
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
  briefings.write(
    "2026/lead-image.md",
    briefingSource(
      { title: '"With a lead image"', date: "2026-01-02", image: "/images/sample-ocean-horizon.png", imageAlt: '"A calm sea"', imageCaption: '"The sea."' },
      "A first paragraph that says what happened.",
    ),
  );
  build = runBuild(briefings.dir, out, { SITE_URL: "https://example.org/news/" });
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
    expect(build.stdout).toMatch(/Search index: 11 briefings, \d+ files, [\d.]+ MB, in [\d.]+ s/);
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
