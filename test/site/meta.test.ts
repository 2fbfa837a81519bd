import { describe, expect, it } from "vitest";
import type { Briefing } from "../../src/content/types.ts";
import { newsArticleJsonLd, pageMeta } from "../../src/site/meta.ts";
import { parseSiteSettings } from "../../src/config/settings.ts";

const site = parseSiteSettings({ title: "The Dispatch", description: "News.", url: "https://x.org/news/", language: "en-GB", publisher: { name: "P", url: "https://p.org/" } }, "s", {});
const briefing = {
  title: "Title </script><script>alert(1)</script>",
  summary: "Sum",
  url: "https://x.org/news/briefings/2026/a/",
  date: "2026-01-01T00:00:00+00:00",
  updated: null,
  wordCount: 10,
  tags: [{ name: "Europe", slug: "europe", path: "/tags/europe/" }],
  authors: [],
  image: null,
} as unknown as Briefing;

describe("page meta", () => {
  it("describes a briefing as an article with its canonical URL", () => {
    const meta = pageMeta({ path: "/briefings/2026/a/", site, briefing });
    expect(meta).toMatchObject({ type: "article", canonical: briefing.url, description: "Sum", published: briefing.date, modified: briefing.date });
  });

  it("uses the site description where a page has none", () => {
    expect(pageMeta({ path: "/tags/", site, title: "Topics" })).toMatchObject({ title: "Topics – The Dispatch", description: "News.", canonical: "https://x.org/news/tags/" });
  });
});

describe("NewsArticle JSON-LD", () => {
  it("cannot close its script element and parses back", () => {
    const json = newsArticleJsonLd(briefing, site);
    expect(json).not.toContain("<");
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(data.headline).toBe(briefing.title);
    expect(data.author).toEqual([{ "@type": "Organization", name: "P" }]);
  });
});
