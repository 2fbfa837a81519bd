import { describe, expect, it } from "vitest";
import { cleanForSyndication, sanitizeForSyndication, syndicateInOnePass } from "../../src/html/syndicate.ts";
import { cleanForWeb } from "../../src/html/web.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { markdownBodies } from "../helpers/bodies.ts";
import { seeded, seededBody } from "../helpers/hostile.ts";

const page = "https://x.org/news/briefings/2026/a/";
const base = "https://x.org/news/";

describe("cleanForSyndication's one pass", () => {
  it("cleans the sample's, the fixtures' and the bench's bodies to sanitize-html's bytes, all but a hostile fixture itself", () => {
    const declined: string[] = [];
    for (const [name, markdown] of markdownBodies()) {
      const html = cleanForWeb(renderMarkdown(markdown), []).html;
      const fast = syndicateInOnePass(html, page, base);
      if (fast === null) declined.push(name);
      expect(cleanForSyndication(html, page, base), name).toBe(sanitizeForSyndication(html, page, base));
      if (fast !== null) expect(fast, name).toBe(sanitizeForSyndication(html, page, base));
    }
    expect(declined).toEqual(["2026/nasty-title.md"]);
  });

  it("writes sanitize-html's bytes on 600 seeded bodies of hostile pieces, cleaning some itself", () => {
    const random = seeded(16);
    let inPass = 0;
    for (let index = 0; index < 600; index += 1) {
      const html = seededBody(random, 3);
      const fast = syndicateInOnePass(html, page, base);
      if (fast !== null) inPass += 1;
      expect(cleanForSyndication(html, page, base), html).toBe(sanitizeForSyndication(html, page, base));
      expect(fast ?? sanitizeForSyndication(html, page, base), html).not.toMatch(/javascript:|data:|<script|<iframe|<style|<!--|\son[a-z]+=|style=/i);
    }
    // Both ways are exercised: bodies the pass cleans itself, and bodies it leaves to sanitize-html.
    expect(inPass).toBeGreaterThan(100);
    expect(inPass).toBeLessThan(500);
  });

  it("leaves to sanitize-html what it removes or rewrites, and none of it comes out", () => {
    const hostile = [
      '<a href="javascript:alert(1)">x</a>', '<a href=" java&#09;script:alert(1)">x</a>', '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="d">', '<img src="/a.jpg" srcset="/a.jpg 1x, javascript:alert(1) 2x" alt="a">', '<img src="/a.jpg" srcset="/a.jpg 1x" alt="a">',
      "<script>alert(1)</script>", "<style>p{}</style>", "<p>a<!-- c -->b</p>", '<iframe src="https://evil.example/"></iframe>', "<svg><script>alert(1)</script></svg>",
      "<p>a<p>b", "<b>a", "</p>", "<math><mi>x</mi></math>", '<a href="">empty</a><p id="">x</p>', "<textarea><script>x</script></textarea>",
    ];
    for (const html of hostile) {
      if (!html.includes("empty")) expect(syndicateInOnePass(html, page, base), html).toBeNull();
      const cleaned = cleanForSyndication(html, page, base);
      expect(cleaned, html).toBe(sanitizeForSyndication(html, page, base));
      expect(cleaned, html).not.toMatch(/javascript:|data:|<script|<iframe|<style|<!--/i);
    }
  });

  it("drops handlers, styles and classes itself, as sanitize-html does", () => {
    const html = '<p onclick="alert(1)" style="position:absolute" class="x">Hi &amp; <a href="/a/" onmouseover="x()" title="&quot;q&quot; &lt;b&gt;">a</a><img src="b.jpg" alt="" onerror="alert(2)"><br></p>';
    const fast = syndicateInOnePass(html, page, base);
    expect(fast).toBe('<p>Hi &amp; <a href="https://x.org/news/a/" title="&quot;q&quot; &lt;b&gt;">a</a><img src="https://x.org/news/briefings/2026/a/b.jpg" alt="" /><br /></p>');
    expect(fast).toBe(sanitizeForSyndication(html, page, base));
  });
});
