import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { buildDigests, renderDigestEmail } from "../../src/digest/index.ts";
import { renderEmail } from "../../src/email/index.ts";
import { EMAIL_TOOLS } from "../../src/config/settings.ts";
import { compareVersions, newestSupport, unsupportedFeatures } from "./caniemail-support.ts";
import { loadSampleBriefings, makeBriefing, makeNastyBriefing, makeSettings } from "./fixtures.ts";
import { EMAIL_HTML_VALIDATE } from "./html-validate.config.ts";

const validator = new HtmlValidate(EMAIL_HTML_VALIDATE);

const EDITIONS = [
  ...loadSampleBriefings().map((briefing) => ({ name: briefing.slug, email: renderEmail(briefing, makeSettings()) })),
  { name: "nasty", email: renderEmail(makeNastyBriefing(), makeSettings()) },
  { name: "rtl", email: renderEmail(makeBriefing(), makeSettings({ language: "he", direction: "rtl" })) },
  ...EMAIL_TOOLS.map((tool) => ({ name: `tool ${tool}`, email: renderEmail(makeBriefing(), makeSettings({}, { tool, utm: true })) })),
  { name: "digest", email: renderDigestEmail(buildDigests(loadSampleBriefings(), makeSettings(), new Date())[0]!, makeSettings()) },
];

/**
 * Features Gmail, Outlook or Apple Mail drop that the email uses anyway, and why that is safe:
 * none carries the layout or the reading. Anything else they drop fails the test.
 */
const TOLERATED: Record<string, string> = {
  "@media": "narrow-screen spacing and dark mode only; the layout is fluid without it",
  "<style> element": "holds only the @media rules above; every other style is inline",
  "<body> element": "the page colour is repeated on the wrapping table",
  "display:none": "hides the preheader; where dropped, max-height:0, 1px text and mso-hide hide it",
  opacity: "hides the preheader, with the properties above",
  overflow: "hides the preheader, with the properties above",
  "border-radius": "rounds the button's corners; square where dropped",
  "role attribute": "tells screen readers the tables are layout; no visual effect",
  "word-break": "breaks over-long words; where dropped a long word runs past the column edge",
  "white-space": "lets code lines wrap on phones; Outlook for Windows, a desktop client, shows them unwrapped",
  // caniemail matches the title "transform" inside the property name text-transform.
  transform: "matched in text-transform (uppercase section label); no transform is used",
};

describe("html-validate (email rules)", () => {
  it.each(EDITIONS)("$name: the document and the fragment are valid", async ({ email }) => {
    for (const source of [email.html, email.fragment]) {
      const report = await validator.validateString(source);
      const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message} (line ${message.line})`));
      expect(messages).toEqual([]);
    }
  });

  it("catches what it should (the config is not too loose)", async () => {
    const report = await validator.validateString("<!doctype html><html><head><title>x</title></head><body><img src=x.png><p><div>x</div></p></body></html>");
    const rules = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(rules).toContain("wcag/h37");
    expect(rules.length).toBeGreaterThan(1);
  });
});

describe("caniemail (Gmail, Outlook, Apple Mail; newest versions compared numerically)", () => {
  it.each(EDITIONS)("$name: uses nothing those clients drop, beyond documented enhancements", ({ email }) => {
    const dropped = unsupportedFeatures(email.html);
    const unexpected = [...dropped].filter(([title]) => !(title in TOLERATED)).map(([title, clients]) => `${title}: ${clients.join(", ")}`);
    expect(unexpected).toEqual([]);
  });

  it("flags layout features those clients drop", () => {
    const dropped = unsupportedFeatures('<div style="display:flex;position:absolute"><svg></svg></div>');
    expect(dropped.get("display:flex")).toContain("outlook.windows");
    expect(dropped.has("position")).toBe(true);
  });

  it("compares versions as numbers, within each versioning scheme", () => {
    expect(compareVersions("16.80", "16.9")).toBeGreaterThan(0);
    expect(compareVersions("2024-05", "2023-12")).toBeGreaterThan(0);
    expect(newestSupport({ "16.9": "n", "16.80": "y" })).toBe("y");
    expect(newestSupport({ "2019-02": "y", "2024-05": "n" })).toBe("n");
    // Product years and build numbers cannot be ordered against each other: the less supported wins.
    expect(newestSupport({ "2016": "n", "16.80": "y" })).toBe("n");
    expect(newestSupport({ "2016": "y", "16.80": "a #1" })).toBe("a #1");
  });
});
