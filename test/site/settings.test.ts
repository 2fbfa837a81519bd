import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/config/errors.ts";
import { parseSiteSettings } from "../../src/config/settings.ts";

const valid = { title: "T", description: "D", url: "https://x.org/news", language: "en-GB", publisher: { name: "P" } };

function problems(raw: unknown, env: Record<string, string> = {}): string[] {
  try {
    parseSiteSettings(raw, "content/_data/site.json", env);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
}

describe("site settings", () => {
  it("fills defaults and normalises the base URL", () => {
    const settings = parseSiteSettings(valid, "site.json", {});
    expect(settings.url).toBe("https://x.org/news/");
    expect(settings.timeZone).toBe("UTC");
    expect(settings.feedItems).toBe(20);
    expect(settings.email.tool).toBe("generic");
  });

  it("lets SITE_URL override the base URL for deploy previews", () => {
    expect(parseSiteSettings(valid, "site.json", { SITE_URL: "https://preview.x.org/pr-4" }).url).toBe("https://preview.x.org/pr-4/");
  });

  it("names the file and the field of each problem", () => {
    expect(problems({ ...valid, timeZone: "Mars/Olympus" })).toEqual([
      'content/_data/site.json: "timeZone" must be an IANA time zone like Europe/London (got "Mars/Olympus")',
    ]);
    expect(problems({ ...valid, email: { tool: "mailgun" } })[0]).toMatch(/"email\.tool" .*"mailchimp".*\(got "mailgun"\)/);
    expect(problems({ ...valid, url: undefined })[0]).toMatch(/^content\/_data\/site\.json: "url" is required/);
  });
});
