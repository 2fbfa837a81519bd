import { describe, expect, it } from "vitest";
import { cleanForWeb, sanitizeForWeb, webInOnePass } from "../../src/html/web.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { markdownBodies } from "../helpers/bodies.ts";
import { seeded, seededBody } from "../helpers/hostile.ts";

const hosts = ["youtube.com"];

describe("cleanForWeb's one pass", () => {
  it("cleans the sample's, the fixtures' and the bench's bodies as sanitize-html does, with the same facts, all but a hostile fixture itself", () => {
    const declined: string[] = [];
    for (const [name, markdown] of markdownBodies()) {
      const html = renderMarkdown(markdown);
      const fast = webInOnePass(html, hosts);
      if (fast === null) declined.push(name);
      else expect(fast, name).toEqual(sanitizeForWeb(html, hosts));
      expect(cleanForWeb(html, hosts), name).toEqual(sanitizeForWeb(html, hosts));
    }
    expect(declined).toEqual(["2026/nasty-title.md"]);
  });

  it("writes sanitize-html's bytes, removals and facts on 600 seeded bodies of hostile pieces, cleaning some itself", () => {
    const random = seeded(32);
    let inPass = 0;
    for (let index = 0; index < 600; index += 1) {
      const html = seededBody(random, 3);
      const fast = webInOnePass(html, hosts);
      if (fast !== null) inPass += 1;
      const slow = sanitizeForWeb(html, hosts);
      expect(cleanForWeb(html, hosts), html).toEqual(slow);
      expect(slow.html, html).not.toMatch(/javascript:|<script|<style|<!--|\son[a-z]+=/i);
    }
    // Both ways are exercised: bodies the pass cleans itself, and bodies it leaves to sanitize-html.
    expect(inPass).toBeGreaterThan(100);
    expect(inPass).toBeLessThan(500);
  });

  it("leaves to sanitize-html what it removes or rewrites, and none of it comes out", () => {
    const hostile = [
      '<a href="javascript:alert(1)">x</a>', '<a href=" java&#09;script:alert(1)">x</a>', '<a href="JaVaScRiPt:alert(1)">x</a>', '<a href="//evil.example/">x</a>', '<a href="ja<!-- -->vascript:x">x</a>',
      '<img src="javascript:alert(1)" alt="j">', '<img alt="no source">', '<img src="/a.jpg" srcset="/a.jpg 1x, javascript:alert(1) 2x" alt="a">', '<blockquote cite="javascript:x">q</blockquote>',
      "<script>alert(1)</script>", "<style>p{}</style>", '<iframe src="https://evil.example/"></iframe>', '<iframe src="https://www.youtube.com/embed/x"></iframe>', "<svg><script>alert(1)</script></svg>",
      '<p onclick="alert(1)">x</p>', '<td style="color:red">x</td>', "<p>a<p>b", "<b>a", "</p>", "<tweet>t</tweet>", '<p id="">x</p>', "<textarea><script>x</script></textarea>", "<wbr>",
    ];
    for (const html of hostile) {
      expect(webInOnePass(html, hosts), html).toBeNull();
      const cleaned = cleanForWeb(html, hosts);
      expect(cleaned, html).toEqual(sanitizeForWeb(html, hosts));
      expect(cleaned.html, html).not.toMatch(/javascript:|<script|<style|evil|\son[a-z]+=|color:red/i);
    }
  });

  it("keeps what the page may hold as written, with the facts the build checks", () => {
    const html = '<p class="lead" data-id="7" title="&quot;q&quot; &lt;b&gt;">A &amp; B<!-- note --> <a href="/a/?x=1&amp;y=2">a</a><br><img src="data:image/png;base64,AAAA" alt=""></p><details open><summary>More</summary><video src="https://x.org/v.mp4" controls></video></details><table><tr><td style="text-align:right">1</td></tr></table>';
    const fast = webInOnePass(html, hosts);
    expect(fast?.html).toBe('<p class="lead" data-id="7" title="&quot;q&quot; &lt;b&gt;">A &amp; B <a href="/a/?x=1&amp;y=2">a</a><br><img src="data:image/png;base64,AAAA" alt=""></p><details open><summary>More</summary><video src="https://x.org/v.mp4" controls></video></details><table><tr><td style="text-align:right">1</td></tr></table>');
    expect(fast?.facts).toEqual({ depth: 3, hrefs: ["/a/?x=1&y=2"], images: ["data:image/png;base64,AAAA"] });
    expect(fast).toEqual(sanitizeForWeb(html, hosts));
  });
});
