import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "../../src/email/index.ts";
import { renderPreview } from "../../src/email/preview.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { makeBriefing, makeSettings } from "./fixtures.ts";

/** The email and its preview page at a phone's width (375 px), in real Chromium. */
const TABLE = `The figures, by region.

| Region | Households | Spending (€) | Change | Share |
| ------ | ---------: | -----------: | -----: | ----: |
| North-Rhine Westphalia | 8,712,400 | 1,234,567,890 | −12.75% | 21.3% |
| Bavaria | 6,401,250 | 987,654,321 | +4.5% | 15.9% |
| Saxony | 2,105,875 | 312,450,000 | 0.25% | 5.2% |
`;

const settings = makeSettings();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** WCAG 2 contrast ratio of two computed CSS colours ("rgb(r, g, b)"). */
function contrast(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

describe("the email at 375 px", () => {
  it("never breaks a number in a table across lines", async () => {
    const edition = renderEmail(makeBriefing({ markdown: TABLE }), settings);
    const tab = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await tab.setContent(edition.html);
    const cells = await tab.locator(".body td").evaluateAll((tds) =>
      tds.map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
        return { text: td.textContent ?? "", lines: lines.size };
      }),
    );
    const numbers = cells.filter((cell) => /\d/.test(cell.text));
    expect(numbers.length).toBe(12);
    expect(numbers.filter((cell) => cell.lines > 1)).toEqual([]);
    // Text columns give way instead: the email still fits the phone.
    expect(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await tab.close();
  });

  it("gives the dark-mode “In brief” label WCAG AA contrast (4.5:1) against its background", async () => {
    const edition = renderEmail(makeBriefing(), settings);
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme: scheme });
      const tab = await context.newPage();
      await tab.setContent(edition.html);
      const colours = await tab.evaluate(() => {
        const label = document.querySelector(".section-label")!;
        return { text: getComputedStyle(label).color, background: getComputedStyle(document.querySelector(".container")!).backgroundColor };
      });
      expect(contrast(colours.text, colours.background), `${scheme}: ${colours.text} on ${colours.background}`).toBeGreaterThanOrEqual(4.5);
      await context.close();
    }
  });

  it("has a preview page that does not scroll sideways on a phone", async () => {
    const edition = renderEmail(makeBriefing({ markdown: TABLE }), settings);
    const tab = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await tab.setContent(renderPreview(edition, settings));
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The 600 px frame keeps its width (it shows the desktop layout), inside its own scroller.
    expect(await tab.locator("iframe").first().evaluate((frame) => frame.getBoundingClientRect().width)).toBeGreaterThanOrEqual(600);
    await tab.close();
  });
});
