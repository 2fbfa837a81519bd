import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { toPlainText } from "../../src/email/text.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";

/**
 * Inputs that made a stage quadratic. Each is timed against a baseline doing comparable work in
 * the same process (so a loaded machine slows both): before the fixes the ratio was 18–36 at
 * these sizes, after it is 1–4; the bound leaves room for noise.
 */
const MAX_RATIO = 12;

function ms(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const plain = new MarkdownIt({ html: true, linkify: true, typographer: true });

/** How many times slower than plain markdown-it rendering the same body, both warmed up first. */
function ratioToPlain(body: string): { html: string; ratio: number } {
  renderMarkdown(body.slice(0, body.length / 20));
  plain.render(body);
  const baseline = ms(() => plain.render(body));
  let html = "";
  const taken = ms(() => (html = renderMarkdown(body)));
  return { html, ratio: taken / Math.max(baseline, 5) };
}

describe("Markdown that was quadratic", () => {
  it("numbers 5,000 identical headings in linear time, as update, update-1, update-2…", () => {
    const body = Array.from({ length: 5000 }, () => "## Update\n\nText.\n").join("\n");
    const { html, ratio } = ratioToPlain(body);
    expect(html).toContain('<h2 id="update">');
    expect(html).toContain('<h2 id="update-4999">');
    expect(ratio).toBeLessThan(MAX_RATIO);
  });

  it("keeps heading ids unique when a heading's own text looks numbered", () => {
    const html = renderMarkdown("## Update\n\n## Update 1\n\n## Update\n\n## `code` and text\n\n## !!!\n\n## !!!\n");
    expect([...html.matchAll(/id="([^"]+)"/g)].map((match) => match[1])).toEqual(["update", "update-1", "update-2", "code-and-text", "section", "section-1"]);
  });

  it("lists 5,000 footnotes in linear time", () => {
    const refs = Array.from({ length: 5000 }, (_, n) => `Text[^${n}].`).join("\n\n");
    const notes = Array.from({ length: 5000 }, (_, n) => `[^${n}]: Note ${n}.`).join("\n");
    const body = `${refs}\n\n${notes}\n`;
    const { html, ratio } = ratioToPlain(body);
    expect(html).toContain('<li id="fn5000" class="footnote-item"><p>Note 4999.');
    expect(ratio).toBeLessThan(MAX_RATIO);
  });
});

describe("the email's plain text", () => {
  it("wraps a 540 KB word of character references in linear time, every character kept", () => {
    const word = "&amp;amp;".repeat(60_000);
    const spaced = "&amp;amp; ".repeat(60_000);
    toPlainText(`<p>${word.slice(0, 9000)}</p>`, "https://x.org/a/");
    const baseline = ms(() => toPlainText(`<p>${spaced}</p>`, "https://x.org/a/"));
    let text = "";
    const taken = ms(() => (text = toPlainText(`<p>${word}</p>`, "https://x.org/a/")));
    expect(text.replace(/\n/g, "")).toBe(`${"&amp;".repeat(60_000)}`);
    expect(Math.max(...text.split("\n").map((line) => line.length))).toBeLessThanOrEqual(76);
    // Spaced text is the slower baseline here: before the fix the ratio was 7, after it 0.3.
    expect(taken / Math.max(baseline, 5)).toBeLessThan(3);
  });
});
