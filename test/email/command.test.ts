import { describe, expect, it } from "vitest";
import { emailCommand, USAGE } from "../../src/email/command.ts";
import { makeBriefing, makeSettings } from "./fixtures.ts";

const settings = makeSettings();
const briefings = [
  makeBriefing({ slug: "climate-report" }),
  makeBriefing({ slug: "city-transport-strike" }),
  makeBriefing({ slug: "eu-energy-prices", draft: true }),
];

describe("email command", () => {
  it("prints the HTML, or the plain text with --text", () => {
    const html = emailCommand(["climate-report"], briefings, settings);
    expect(html.code).toBe(0);
    expect(html.stdout.startsWith("<!doctype html>")).toBe(true);
    const text = emailCommand(["climate-report", "--text"], briefings, settings);
    expect(text.stdout).toContain("THE FINDINGS");
    expect(text.stdout).not.toContain("<");
  });

  it("lists close matches for an unknown slug and fails", () => {
    const typo = emailCommand(["climate-reprot"], briefings, settings);
    expect(typo).toMatchObject({ stdout: "", code: 1 });
    expect(typo.stderr).toEqual(['No briefing has the slug "climate-reprot".', "Did you mean:", "  climate-report"]);
    const part = emailCommand(["strike"], briefings, settings);
    expect(part.stderr).toContain("  city-transport-strike");
    const nothing = emailCommand(["zzz"], briefings, settings);
    expect(nothing.stderr.slice(1)).toEqual(["Newest briefings:", "  climate-report", "  city-transport-strike", "  eu-energy-prices"]);
  });

  it("notes drafts and image problems on stderr, never on stdout", () => {
    const draft = emailCommand(["eu-energy-prices"], briefings, settings);
    expect(draft.code).toBe(0);
    expect(draft.stderr.join("\n")).toMatch(/not published yet/);
    expect(draft.stderr.join("\n")).toMatch(/has no width and height/);
    expect(draft.stdout).not.toContain("warning:");
  });

  it("refuses a web-only briefing (email: false), saying how to give it an email", () => {
    const webOnly = emailCommand(["web-only"], [makeBriefing({ slug: "web-only", email: false })], settings);
    expect(webOnly).toMatchObject({ stdout: "", code: 1 });
    expect(webOnly.stderr).toEqual([expect.stringMatching(/is web-only \("email: false" in its front matter\).*Remove that line/)]);
  });

  it("asks for the year when two years have the slug, and takes <year>/<slug>", () => {
    const budgets = [
      makeBriefing({ slug: "budget", title: "Budget 2026", path: "/briefings/2026/budget/" }),
      makeBriefing({ slug: "budget", title: "Budget 2025", path: "/briefings/2025/budget/" }),
    ];
    const ambiguous = emailCommand(["budget"], budgets, settings);
    expect(ambiguous).toMatchObject({ stdout: "", code: 1 });
    expect(ambiguous.stderr).toEqual(['2 briefings have the slug "budget"; name one with its year:', "  2026/budget", "  2025/budget"]);
    const chosen = emailCommand(["2025/budget"], budgets, settings);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain("Budget 2025");
    expect(emailCommand(["climate-report"], briefings, settings).code).toBe(0);
    expect(emailCommand(["2026/climate-report"], briefings, settings).code).toBe(0);
  });

  it("explains its usage when called wrongly", () => {
    expect(emailCommand([], briefings, settings)).toEqual({ stdout: "", stderr: [USAGE], code: 1 });
    expect(emailCommand(["a", "--html"], briefings, settings).code).toBe(1);
  });
});
