import { describe, expect, it } from "vitest";
import { buildEmailFiles, formatEmailSizeReport, renderEmail } from "../../src/email/index.ts";
import { GMAIL_CLIP_BYTES, sizeVerdict, TOOL_RESERVE_BYTES, WARN_BYTES } from "../../src/email/size.ts";
import { ContentError } from "../../src/config/errors.ts";
import { makeBriefing, makeSettings } from "./fixtures.ts";

const settings = makeSettings();
const PARAGRAPH = "The committee heard evidence from regional officials about the cost of the new rail line, and several members asked for the figures to be published in full before the next vote. ";

/** A briefing whose email HTML is about `target` bytes: paragraphs are added until it gets there. */
function briefingOfSize(target: number, slug: string) {
  const base = renderEmail(makeBriefing({ slug, markdown: "Intro." }), settings).bytes;
  const perParagraph = renderEmail(makeBriefing({ slug, markdown: `Intro.\n\n${PARAGRAPH}` }), settings).bytes - base;
  const count = Math.max(0, Math.round((target - base) / perParagraph));
  return makeBriefing({ slug, markdown: ["Intro.", ...Array.from({ length: count }, () => PARAGRAPH)].join("\n\n") });
}

describe("size limits", () => {
  it("judges the size with the mailing tool's reserve added", () => {
    expect(sizeVerdict(WARN_BYTES - TOOL_RESERVE_BYTES)).toBe("ok");
    expect(sizeVerdict(WARN_BYTES - TOOL_RESERVE_BYTES + 1)).toBe("warn");
    expect(sizeVerdict(GMAIL_CLIP_BYTES - TOOL_RESERVE_BYTES)).toBe("warn");
    expect(sizeVerdict(GMAIL_CLIP_BYTES - TOOL_RESERVE_BYTES + 1)).toBe("clipped");
  });

  it("counts bytes, not characters", () => {
    const email = renderEmail(makeBriefing({ markdown: "é🇪🇺 ".repeat(100) }), settings);
    expect(email.bytes).toBe(Buffer.byteLength(email.html, "utf8"));
    expect(email.bytes).toBeGreaterThan(email.html.length);
  });

  it("passes a short briefing quietly and reports its size", () => {
    const briefing = makeBriefing();
    const build = buildEmailFiles([briefing], settings);
    expect(build.report).toEqual([{ sourcePath: briefing.sourcePath, slug: briefing.slug, bytes: renderEmail(briefing, settings).bytes }]);
    expect(build.warnings.filter((warning) => warning.includes("Gmail clips"))).toEqual([]);
    expect(build.files.map((file) => file.path)).toEqual([
      "/email/2026/climate-report/index.html",
      "/email/2026/climate-report/email.txt",
      "/email/2026/climate-report/fragment.html",
      "/email/2026/climate-report/preview/index.html",
    ]);
  });

  it("reuses an unchanged email on the next build but never serves a stale one", () => {
    const briefing = makeBriefing();
    const first = buildEmailFiles([briefing], settings).files;
    expect(buildEmailFiles([briefing], settings).files).toEqual(first);
    const edited = buildEmailFiles([{ ...briefing, title: "An edited headline" }], settings).files;
    expect(edited[0]!.body).toContain("An edited headline");
    expect(edited[0]!.body).not.toBe(first[0]!.body);
    const retargeted = buildEmailFiles([briefing], { ...settings, email: { ...settings.email, tool: "mailchimp" } }).files;
    expect(retargeted[0]!.body).toContain("*|UNSUB|*");
  });

  it("warns about a long briefing near the limit, naming it and its size", () => {
    const long = briefingOfSize(75_000, "long-read");
    const bytes = renderEmail(long, settings).bytes;
    expect(sizeVerdict(bytes)).toBe("warn");
    const build = buildEmailFiles([long], settings);
    const warning = build.warnings.find((message) => message.includes("Gmail clips"));
    expect(warning).toContain("content/briefings/2026/long-read.md");
    expect(warning).toContain(`${(bytes / 1000).toFixed(1)} KB`);
  });

  it("fails a briefing Gmail would clip, naming it, its size and the fix", () => {
    const huge = briefingOfSize(95_000, "huge-read");
    const bytes = renderEmail(huge, settings).bytes;
    expect(bytes + TOOL_RESERVE_BYTES).toBeGreaterThan(GMAIL_CLIP_BYTES);
    let error: unknown;
    try {
      buildEmailFiles([makeBriefing(), huge], settings);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentError);
    const message = (error as ContentError).message;
    expect(message).toContain("content/briefings/2026/huge-read.md");
    expect(message).toContain(`${(bytes / 1000).toFixed(1)} KB`);
    expect(message).toContain("allowClipped");
    expect(message).not.toContain("climate-report.md");
  });

  it("only warns about a clipped email when email.allowClipped is set", () => {
    const huge = briefingOfSize(95_000, "huge-read");
    const build = buildEmailFiles([huge], makeSettings({}, { allowClipped: true }));
    expect(build.warnings.join("\n")).toMatch(/huge-read\.md: .*it will be clipped/);
    expect(build.files).toHaveLength(4);
  });

  it("only warns about a clipped email when the briefing itself sets allowClipped", () => {
    const huge = { ...briefingOfSize(95_000, "huge-read"), allowClipped: true };
    const build = buildEmailFiles([huge], settings);
    expect(build.warnings.join("\n")).toMatch(/huge-read\.md: .*it will be clipped \(allowed by allowClipped in its front matter\)/);
    expect(build.files).toHaveLength(4);
  });

  it("writes no email for a web-only briefing (email: false), however large", () => {
    const huge = { ...briefingOfSize(95_000, "huge-read"), email: false };
    const build = buildEmailFiles([makeBriefing(), huge], settings);
    expect(build.files.map((file) => file.path).filter((file) => file.includes("huge-read"))).toEqual([]);
    expect(build.report.map((entry) => entry.slug)).not.toContain("huge-read");
  });

  it("formats the size report, one line per email, marking large ones", () => {
    const text = formatEmailSizeReport([
      { sourcePath: "content/briefings/2026/a.md", slug: "a", bytes: 9_235 },
      { sourcePath: "content/briefings/2026/long.md", slug: "long", bytes: 70_000 },
    ]);
    expect(text.split("\n")).toHaveLength(3);
    expect(text).toMatch(/a\.md\s+9\.2 KB\s+\(~24\.2 KB sent\)$/m);
    expect(text).toMatch(/long\.md\s+70\.0 KB\s+\(~85\.0 KB sent\)\s+\(large/m);
  });
});
