import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/markdown/render.ts";

describe("renderMarkdown", () => {
  it("gives headings ids, including non-Latin ones", () => {
    expect(renderMarkdown("## What comes next")).toContain('<h2 id="what-comes-next">');
    expect(renderMarkdown("## Що далі")).toContain('<h2 id="що-далі">');
  });

  it("renders footnotes and tables", () => {
    const html = renderMarkdown("Text.[^1]\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[^1]: Note.");
    expect(html).toContain('href="#fn1"');
    expect(html).toContain('<section class="footnotes">');
    expect(html).toContain("<td>1</td>");
  });

  it("turns straight quotes and dashes typographic, and leaves template syntax alone", () => {
    expect(renderMarkdown(`"Quoted" -- it's {{ x }}`)).toBe("<p>“Quoted” – it’s {{ x }}</p>\n");
  });
});
