import axe from "axe-core";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { fixtureCopy, runBuild } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

const out = path.join(tempFolder("dispatch-browser-").dir, "dist");
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  expect(runBuild(fixtureCopy().dir, out, { SITE_URL: "https://example.org/news/" }).status).toBe(0);
  server = await serveStatic(out, "/news/");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pages = ["", "briefings/2026/uk-france-ukraine-troops/", "briefings/2026/world-scripts/", "archive/"];

describe.each([375, 1280])("in Chromium at %i px", (width) => {
  it.each(pages)("/%s has no horizontal scroll, no console errors and no axe violations", async (page) => {
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      tab.on("pageerror", (error) => errors.push(error.message));
      const response = await tab.goto(server.url + page);
      expect(response?.status()).toBe(200);
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${page} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      await tab.addScriptTag({ content: axe.source });
      const violations = await tab.evaluate(async () => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      expect(violations, `${page} (${scheme})`).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe("keyboard use", () => {
  it("reaches the skip link first and shows where focus is", async () => {
    const tab = await browser.newPage();
    await tab.goto(server.url);
    await tab.keyboard.press("Tab");
    const focused = await tab.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, top: el.getBoundingClientRect().top };
    });
    expect(focused.text).toBe("Skip to content");
    expect(focused.outline).not.toBe("none");
    expect(focused.top).toBeGreaterThanOrEqual(0);
    await tab.close();
  });
});
