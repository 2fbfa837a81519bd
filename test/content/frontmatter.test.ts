import { describe, expect, it } from "vitest";
import { FrontMatterError, splitFrontMatter } from "../../src/content/frontmatter.ts";
import { closestField } from "../../src/content/spelling.ts";

describe("splitFrontMatter", () => {
  it("keeps dates as written so the site's zone decides midnight", () => {
    const { data, body } = splitFrontMatter("---\ntitle: A\ndate: 2026-01-06\n---\n\nBody {{ x }}\n");
    expect(data).toEqual({ title: "A", date: "2026-01-06" });
    expect(body).toBe("\nBody {{ x }}\n");
  });

  it("reads a file without front matter as all body", () => {
    expect(splitFrontMatter("Just text")).toMatchObject({ data: {}, body: "Just text" });
  });

  it("points at the line of a YAML error", () => {
    try {
      splitFrontMatter("---\ntitle: A\ndate: [2026\n---\nBody");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FrontMatterError);
      expect((error as FrontMatterError).line).toBeGreaterThanOrEqual(3);
    }
  });

  it("says when the front matter never closes", () => {
    expect(() => splitFrontMatter("---\ntitle: A\n")).toThrow(/never closes/);
  });
});

describe("closestField", () => {
  const known = ["title", "date", "tags", "summary", "imageAlt"];
  it("suggests the field an editor probably meant", () => {
    expect(closestField("titel", known)).toBe("title");
    expect(closestField("Title", known)).toBe("title");
    expect(closestField("imagealt", known)).toBe("imageAlt");
  });
  it("stays quiet for fields that are simply new", () => {
    expect(closestField("desk", known)).toBeNull();
    expect(closestField("sponsor", known)).toBeNull();
  });
});
