import { describe, expect, it } from "vitest";
import { isPublished } from "../../src/content/publish.ts";

describe("isPublished", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  it("publishes past, non-draft briefings", () => {
    expect(isPublished({ draft: false, date: "2026-06-01T12:00:00Z" }, now)).toBe(true);
  });
  it("holds back drafts and future briefings, comparing instants across offsets", () => {
    expect(isPublished({ draft: true, date: "2020-01-01T00:00:00Z" }, now)).toBe(false);
    expect(isPublished({ draft: false, date: "2026-06-01T13:30:00+01:00" }, now)).toBe(false);
    expect(isPublished({ draft: false, date: "2026-06-01T12:59:00+01:00" }, now)).toBe(true);
  });
});
