import { describe, expect, it } from "vitest";
import { cleanForSyndication } from "../../src/html/syndicate.ts";

const page = "https://x.org/news/briefings/2026/a/";
const base = "https://x.org/news/";
const clean = (html: string) => cleanForSyndication(html, page, base);

describe("cleanForSyndication", () => {
  it("removes scripts, event handlers and javascript:/data: URLs", () => {
    const html = clean('<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">a</a> <a href=" JaVaScRiPt:alert(1)">b</a> <img src="data:image/png;base64,AAAA" alt="d"></p>');
    expect(html).not.toMatch(/script|onclick|javascript|data:/i);
    expect(html).toContain("Hi");
  });

  it("makes every href, src and srcset absolute, keeping the base's path", () => {
    const html = clean('<a href="#fn1">1</a><a href="/archive/">x</a><a href="../b/">y</a><img src="p.jpg" srcset="/p.jpg 1x, p@2x.jpg 2x" alt="">');
    expect(html).toContain(`href="${page}#fn1"`);
    expect(html).toContain('href="https://x.org/news/archive/"');
    expect(html).toContain('href="https://x.org/news/briefings/2026/b/"');
    expect(html).toContain(`src="${page}p.jpg"`);
    expect(html).toContain(`srcset="https://x.org/news/p.jpg 1x, ${page}p@2x.jpg 2x"`);
  });

  it("keeps tables, footnotes and figures, and writes <source> as a void element", () => {
    const html = clean('<table><tr><th scope="col">A</th></tr></table><sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup><picture><source srcset="a.webp" type="image/webp"><img src="a.jpg" alt="A"></picture>');
    expect(html).toContain('<th scope="col">A</th>');
    expect(html).toContain('id="fnref1"');
    expect(html).not.toContain("</source>");
  });
});
