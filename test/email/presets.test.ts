import { describe, expect, it } from "vitest";
import { renderEmail } from "../../src/email/index.ts";
import { inlineEmailCss } from "../../src/email/inline.ts";
import { PRESETS } from "../../src/email/presets.ts";
import { EMAIL_TOOLS } from "../../src/config/settings.ts";
import { makeBriefing, makeSettings } from "./fixtures.ts";

const briefing = makeBriefing();

describe("mailing-tool presets", () => {
  it.each(EMAIL_TOOLS.filter((tool) => PRESETS[tool].unsubscribeUrl))("%s: merge tags reach the HTML and text byte for byte", (tool) => {
    const preset = PRESETS[tool];
    const email = renderEmail(briefing, makeSettings({}, { tool }));
    expect(email.html).toContain(`<a href="${preset.unsubscribeUrl}"`);
    expect(email.text).toContain(`] ${preset.unsubscribeUrl}\n`);
    if (preset.viewInBrowserUrl) {
      expect(email.html).toContain(`<a href="${preset.viewInBrowserUrl}"`);
      expect(email.text).toContain(`] ${preset.viewInBrowserUrl}\n`);
    } else {
      expect(email.html).toContain(`<a href="${briefing.url}" style="color: #555555; text-decoration: underline;">View in browser</a>`);
    }
    if (preset.addressLine) expect(email.html).toContain(`>${preset.addressLine}</p>`);
    else expect(email.html).toContain(">1 Example Street, London EC1A 1AA</p>");
  });

  it("uses Mailchimp's own tags", () => {
    const html = renderEmail(briefing, makeSettings({}, { tool: "mailchimp" })).html;
    for (const tag of ["*|UNSUB|*", "*|ARCHIVE|*", "*|LIST:ADDRESSLINE|*"]) expect(html).toContain(tag);
  });

  it("uses Brevo's, Kit's and Buttondown's own tags", () => {
    const brevo = renderEmail(briefing, makeSettings({}, { tool: "brevo" })).html;
    expect(brevo).toContain('href="{{ unsubscribe }}"');
    expect(brevo).toContain('href="{{ mirror }}"');
    expect(renderEmail(briefing, makeSettings({}, { tool: "kit" })).html).toContain('href="{{ unsubscribe_url }}"');
    expect(renderEmail(briefing, makeSettings({}, { tool: "buttondown" })).html).toContain('href="{{ email_url }}"');
  });

  it("adds no footer for Substack, which adds its own", () => {
    const email = renderEmail(briefing, makeSettings({}, { tool: "substack" }));
    expect(email.html).not.toContain("Unsubscribe");
    expect(email.html).not.toContain("1 Example Street");
    expect(email.fragment).toContain(briefing.title);
  });

  it("lets email.unsubscribeUrl and email.address override the preset", () => {
    const html = renderEmail(briefing, makeSettings({}, { tool: "mailchimp", unsubscribeUrl: "[unsubscribe]", address: "PO Box 1 & Co" })).html;
    expect(html).toContain('<a href="[unsubscribe]"');
    expect(html).toContain(">PO Box 1 &amp; Co</p>");
    expect(html).not.toContain("*|UNSUB|*");
  });

  it("passes every tag syntax through CSS inlining untouched", () => {
    const tags = ["*|UNSUB|*", "*|LIST:ADDRESSLINE|*", "{{ unsubscribe_url }}", "{{ mirror }}", "{{unsubscribe}}", "{% if subscriber %}", "[[UNSUBSCRIBE_URL]]", "%%unsubscribe%%"];
    const html = `<!doctype html><html><head><title>t</title></head><body>${tags.map((tag) => `<p class="footer"><a href="${tag}">${tag}</a></p>`).join("")}</body></html>`;
    const inlined = inlineEmailCss(html);
    for (const tag of tags) expect(inlined).toContain(`<a href="${tag}" style="color: #555555; text-decoration: underline;">${tag}</a>`);
  });
});
