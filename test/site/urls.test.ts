import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { absoluteUrl, basePath, normaliseBaseUrl, resolveAgainst, slugify, slugProblem } from "../../src/urls.ts";

describe("absoluteUrl", () => {
  it("keeps a base's path for site paths", () => {
    expect(absoluteUrl("/briefings/2026/a/", "https://x.org/news")).toBe("https://x.org/news/briefings/2026/a/");
    expect(absoluteUrl("feed.xml", "https://x.org/news/")).toBe("https://x.org/news/feed.xml");
  });

  it("leaves absolute URLs alone", () => {
    expect(absoluteUrl("https://other.org/a?b=1#c", "https://x.org/news/")).toBe("https://other.org/a?b=1#c");
    expect(absoluteUrl("mailto:a@b.org", "https://x.org/")).toBe("mailto:a@b.org");
  });
});

describe("resolveAgainst", () => {
  const page = "https://x.org/news/briefings/2026/a/";
  it("turns footnote anchors into permalink anchors", () => {
    expect(resolveAgainst("#fn1", page, "https://x.org/news/")).toBe(`${page}#fn1`);
  });
  it("resolves relative and site paths", () => {
    expect(resolveAgainst("photo.jpg", page, "https://x.org/news/")).toBe(`${page}photo.jpg`);
    expect(resolveAgainst("/images/p.jpg", page, "https://x.org/news/")).toBe("https://x.org/news/images/p.jpg");
  });
});

describe("base URL", () => {
  it("always ends in a slash and drops query and hash", () => {
    expect(normaliseBaseUrl("https://x.org/news?x=1#y")).toBe("https://x.org/news/");
    // The last base is remembered: asking again, or for another, gives each its own answer, and a bad one still throws.
    expect(normaliseBaseUrl("https://x.org/news?x=1#y")).toBe("https://x.org/news/");
    expect(normaliseBaseUrl("https://y.org")).toBe("https://y.org/");
    expect(() => normaliseBaseUrl("")).toThrow();
    expect(() => normaliseBaseUrl("")).toThrow();
    expect(basePath("https://x.org")).toBe("/");
    expect(basePath("https://x.org/news")).toBe("/news/");
  });
});

describe("slugify", () => {
  it("keeps letters of every script and drops punctuation", () => {
    expect(slugify("Défense & Sécurité!")).toBe("defense-securite");
    expect(slugify("Україна")).toBe("україна");
    expect(slugify("東京 2026")).toBe("東京-2026");
    expect(slugify("!!!")).toBe("");
  });

  it("keeps the vowel signs of Indic scripts and lower-cases İ without a stray dot", () => {
    expect(slugify("हिन्दी समाचार")).toBe("हिन्दी-समाचार");
    expect(slugify("İstanbul")).toBe("istanbul");
  });

  it("is its own slug, so a slug written in front matter follows the file-name rule", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const slug = slugify(text);
        expect(slugify(slug)).toBe(slug);
        if (slug) expect(slugProblem(slug) ?? "").not.toMatch(/lower-case letters/);
      }),
      { numRuns: 2000 },
    );
  });
});
