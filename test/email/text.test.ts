import { describe, expect, it } from "vitest";
import { TEXT_WIDTH, toPlainText } from "../../src/email/text.ts";

/** The plain-text writer (src/email/text.ts) on the parts of an email it lays out itself. */
const PAGE = "https://dispatch.example.org/news/briefings/2026/a/";
const text = (body: string) => toPlainText(`<!doctype html><html><head><title>Not in the text</title></head><body>${body}</body></html>`, PAGE);

describe("the plain-text writer", () => {
  it("numbers ordered lists with markers padded to the widest, nests lists under their item", () => {
    const ordered = `<ol>${Array.from({ length: 10 }, (_, index) => `<li>Item ${index + 1}</li>`).join("\n")}</ol>`;
    const nested = '<ul><li>Outer<ul><li>inner one</li><li>inner two</li></ul></li><li>Second<ol start="9" type="i"><li>nine</li><li>ten</li></ol></li></ul>';
    expect(text(`<p>Lists:</p>${ordered}${nested}`)).toBe(
      [
        "Lists:",
        "",
        ...Array.from({ length: 9 }, (_, index) => ` ${index + 1}.  Item ${index + 1}`),
        " 10. Item 10",
        "",
        " - Outer",
        "   - inner one",
        "   - inner two",
        " - Second",
        "   ix. nine",
        "   x.  ten",
        "",
      ].join("\n"),
    );
  });

  it("lays the briefing's own tables out in columns, and layout tables as blocks", () => {
    const table =
      '<table><thead><tr><th>Country</th><th>Change in 2025</th></tr></thead><tbody><tr><td>France</td><td class="num">−12.75 %</td></tr>' +
      "<tr><td>United Kingdom of Great Britain</td><td>1,234</td></tr></tbody></table>";
    expect(text(`<p>Before.</p>${table}<table role="presentation"><tr><td>Layout cell</td><td>another</td></tr></table>`)).toBe(
      "Before.\n\nCountry     Change in\n            2025\nFrance      −12.75 %\nUnited      1,234\nKingdom of\nGreat\nBritain\n\nLayout cell\n\nanother\n",
    );
  });

  it("writes headings in capitals, quotations after '> ', code as written, rules as dashes", () => {
    expect(text("<h2>The <em>findings</em></h2><p>Line one<br>line two</p><blockquote><p>Quoted words.</p><p>More.</p></blockquote><pre>code  keeps\n   its   spaces</pre><hr><p>After.</p>")).toBe(
      `THE FINDINGS\n\nLine one\nline two\n\n> Quoted words.\n> \n> More.\n\ncode  keeps\n   its   spaces\n\n${"-".repeat(TEXT_WIDTH)}\n\nAfter.\n`,
    );
  });

  it("reads the email template's parts: no preheader or quote bar, the key quote as a quotation, section labels as headings", () => {
    const body =
      '<div class="preheader">Hidden preview text&zwnj;&nbsp;</div><p class="section-label">In brief</p><ul class="points"><li>One point</li></ul>' +
      '<table role="presentation"><tr><td class="quote-bar" width="4">&nbsp;</td><td class="quote-cell"><p class="quote-text">“Said.”</p><p class="quote-speaker">— Someone</p></td></tr></table>';
    expect(text(body)).toBe("IN BRIEF\n - One point\n\n> “Said.”\n> \n> — Someone\n");
  });

  it("numbers each link address once, strips mailto:, gives footnote marks and decorative images nothing", () => {
    const body =
      '<p>See the <a href="https://example.org/report">annual report</a>, the <a href="https://example.org/report">same one</a>, ' +
      `<a href="mailto:desk@example.org">write to us</a>, a note<sup><a href="${PAGE}#fn1">1</a></sup> and ` +
      '<a href="https://example.org/x"><img src="https://example.org/x.png" alt="a chart"></a> <img src="https://example.org/d.png" alt="">.</p>';
    expect(text(body)).toBe(
      "See the annual report [1], the same one [1], write to us [2], a note1 and [a\nchart][3] .\n\nLinks:\n[1] https://example.org/report\n[2] desk@example.org\n[3] https://example.org/x\n",
    );
  });

  it("cuts a word longer than a line after a slash where it can, and keeps every character", () => {
    const url = `https://example.org/${"segment/".repeat(12)}?q=${"x".repeat(80)}`;
    const lines = text(`<p>See ${url} and more</p>`).trimEnd().split("\n");
    expect(lines).toEqual(["See", "https://example.org/segment/segment/segment/segment/segment/segment/segment/", "segment/segment/segment/segment/segment/", "?", `q=${"x".repeat(74)}`, `${"x".repeat(6)} and more`]);
  });

  it("fills every line of a very long word (it was cut at 1,000 characters first, leaving a short line)", () => {
    const word = "x".repeat(1500);
    const lines = text(`<p>${word}</p>`).trimEnd().split("\n");
    expect(lines.join("")).toBe(word);
    expect(lines.slice(0, -1).every((line) => line.length === TEXT_WIDTH)).toBe(true);
    expect(lines.at(-1)).toHaveLength(1500 % TEXT_WIDTH);
  });
});
