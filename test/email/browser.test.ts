import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEmailFiles } from "../../src/email/index.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { loadSampleBriefings, makeNastyBriefing, makeSettings } from "./fixtures.ts";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8" };
const SLUGS = ["sample-climate-report", "nasty"];

let root: string;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "dispatch-email-"));
  const briefings = [...loadSampleBriefings(), makeNastyBriefing()];
  for (const file of buildEmailFiles(briefings, makeSettings()).files) {
    const target = path.join(root, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.body);
  }
  server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = path.join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    try {
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

/** Width overflow of the page, and the content blocks that are not stacked inside the column. */
async function layoutProblems(page: Page): Promise<{ overflow: number; outside: string[]; sideBySide: string[] }> {
  return page.evaluate(() => {
    const column = document.querySelector(".content")!.getBoundingClientRect();
    const blocks = Array.from(document.querySelectorAll(".content > *, .body > *")).filter((element) => !element.classList.contains("body"));
    const outside: string[] = [];
    const sideBySide: string[] = [];
    let previousBottom = -Infinity;
    for (const element of blocks) {
      const box = element.getBoundingClientRect();
      const name = `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 30)}"`;
      if (box.left < column.left - 1 || box.right > column.right + 1) outside.push(name);
      if (box.top < previousBottom - 1) sideBySide.push(name);
      previousBottom = Math.max(previousBottom, box.bottom);
    }
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, outside, sideBySide };
  });
}

describe.each(SLUGS)("the email %s in Chromium", (slug) => {
  it.each([375, 600])("at %i px: no horizontal scroll, one column", async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${base}/email/2026/${slug}/`);
    expect(await layoutProblems(page)).toEqual({ overflow: 0, outside: [], sideBySide: [] });
    await page.close();
  });

  it.each([375, 600])("at %i px with <style> stripped (as some Gmail accounts do): still one readable column", async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${base}/email/2026/${slug}/`);
    await page.evaluate(() => document.querySelectorAll("style").forEach((style) => style.remove()));
    expect(await layoutProblems(page)).toEqual({ overflow: 0, outside: [], sideBySide: [] });
    const reading = await page.evaluate(() => {
      const paragraph = document.querySelector(".body p")!;
      const style = getComputedStyle(paragraph);
      return { fontSize: style.fontSize, columnWidth: document.querySelector(".container")!.getBoundingClientRect().width };
    });
    expect(reading.fontSize).toBe("17px");
    expect(reading.columnWidth).toBe(Math.min(width, 600));
    await page.close();
  });
});

describe("dark mode in Chromium", () => {
  it("switches to light text on a dark column where the client honours prefers-color-scheme", async () => {
    const colours = async (colorScheme: "light" | "dark") => {
      const page = await browser.newPage({ colorScheme });
      await page.goto(`${base}/email/2026/sample-climate-report/`);
      const result = await page.evaluate(() => ({
        text: getComputedStyle(document.querySelector(".body p")!).color,
        title: getComputedStyle(document.querySelector(".title")!).color,
        column: getComputedStyle(document.querySelector(".container")!).backgroundColor,
      }));
      await page.close();
      return result;
    };
    expect(await colours("light")).toEqual({ text: "rgb(31, 31, 31)", title: "rgb(28, 28, 28)", column: "rgb(255, 255, 255)" });
    expect(await colours("dark")).toEqual({ text: "rgb(238, 238, 238)", title: "rgb(238, 238, 238)", column: "rgb(28, 28, 28)" });
  });
});

describe("the preview page", () => {
  const files = (slug: string) => ({
    html: readFileSync(path.join(root, "email", "2026", slug, "index.html"), "utf8"),
    fragment: readFileSync(path.join(root, "email", "2026", slug, "fragment.html"), "utf8"),
    text: readFileSync(path.join(root, "email", "2026", slug, "email.txt"), "utf8"),
  });

  it("shows subject, preheader, size and both frames, and is not indexed", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/email/2026/nasty/preview/`);
    const nasty = makeNastyBriefing();
    expect(await page.textContent("#subject")).toBe(nasty.title);
    expect(await page.textContent("#preheader")).toBe(nasty.summary);
    expect(await page.textContent("#size")).toMatch(/\d+\.\d KB, about \d+\.\d KB once the mailing tool adds/);
    expect(await page.getAttribute('meta[name="robots"]', "content")).toBe("noindex");
    const frames = await page.$$eval("iframe", (elements) => elements.map((frame) => frame.clientWidth));
    expect(frames).toEqual([600, 375]);
    expect(page.frames().filter((frame) => frame.url().endsWith("/email/2026/nasty/index.html"))).toHaveLength(2);
    // The title's <script> is text on this page too.
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    await page.close();
  });

  it("copies HTML, fragment, plain text and rich text to the clipboard", async () => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${base}/email/2026/nasty/preview/`);
    const expected = files("nasty");
    for (const [button, wanted] of [
      ["Copy HTML", expected.html],
      ["Copy fragment", expected.fragment],
      ["Copy plain text", expected.text],
    ] as const) {
      await page.getByRole("button", { name: button, exact: true }).click();
      await expect.poll(() => page.textContent("#copy-status")).toMatch(/copied\.$/);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(wanted);
      await page.evaluate(() => (document.getElementById("copy-status")!.textContent = ""));
    }
    await page.getByRole("button", { name: "Copy rich text", exact: true }).click();
    await expect.poll(() => page.textContent("#copy-status")).toBe("rich text copied.");
    const rich = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: item!.types, html: await (await item!.getType("text/html")).text(), text: await (await item!.getType("text/plain")).text() };
    });
    expect(rich.types).toEqual(expect.arrayContaining(["text/html", "text/plain"]));
    expect(rich.html).toContain('<h1 class="title"');
    expect(rich.html).toContain("שלום עולם");
    expect(rich.text).toBe(expected.text);
    await context.close();
  });

  it("falls back to a copy by selection where the Clipboard API is missing", async () => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
    await page.goto(`${base}/email/2026/sample-climate-report/preview/`);
    await page.getByRole("button", { name: "Copy plain text", exact: true }).click();
    await expect.poll(() => page.textContent("#copy-status")).toBe("plain text copied.");
    const reader = await context.newPage();
    await reader.goto(`${base}/email/2026/sample-climate-report/preview/`);
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(files("sample-climate-report").text);
    await context.close();
  });
});
