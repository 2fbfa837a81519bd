import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { SITE_HTML_VALIDATE } from "../../src/check/rules.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { cleanForWeb } from "../../src/html/web.ts";

describe("cleanForWeb", () => {
  it("writes void elements as HTML (<hr>, not <hr />), so a page with footnotes passes npm run check's rules", async () => {
    const body = renderMarkdown('A claim.[^1]\n\n---\n\nLine one  \nline two ![A map](/images/map.png "x > y")\n\n[^1]: The source.\n');
    const { html } = cleanForWeb(body, []);
    expect(html).toContain('<hr class="footnotes-sep">');
    expect(html).not.toContain("/>");
    expect(html).toContain('title="x &gt; y"');
    const page = `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>${html}</main></body></html>`;
    const report = await new HtmlValidate(SITE_HTML_VALIDATE).validateString(page);
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`))).toEqual([]);
  });
});
