import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { buildNewsSitemap, newsLanguage } from "../../src/site/news-sitemap.ts";
import { makeBriefing, makeSettings } from "../fixtures/feeds/briefings.ts";

const NOW = new Date("2026-06-10T12:00:00Z");

describe("the Google News sitemap", () => {
  it("lists the briefings of the last two days only, escaped, with publication, language and date", () => {
    const settings = makeSettings({ language: "en-GB", publisher: { name: "Dispatch & Co" } });
    const briefings = [
      makeBriefing({ slug: "future", date: "2026-06-11T08:00:00+00:00" }, settings),
      makeBriefing({ slug: "today", title: 'Rates & "risks" <up>', date: "2026-06-10T09:00:00+01:00" }, settings),
      makeBriefing({ slug: "draft", date: "2026-06-10T07:00:00+00:00", draft: true }, settings),
      makeBriefing({ slug: "yesterday", date: "2026-06-09T08:00:00+00:00" }, settings),
      makeBriefing({ slug: "old", date: "2026-06-08T11:00:00+00:00" }, settings),
    ];
    const { path, body } = buildNewsSitemap(briefings, settings, NOW);
    expect(path).toBe("/news-sitemap.xml");
    const $ = cheerio.load(body, { xml: true });
    expect($("url > loc").map((_, el) => $(el).text()).get()).toEqual([
      "https://x.org/news/briefings/2026/today/",
      "https://x.org/news/briefings/2026/yesterday/",
    ]);
    const first = $("url").first();
    expect(first.find("news\\:title").text()).toBe('Rates & "risks" <up>');
    expect(first.find("news\\:name").text()).toBe("Dispatch & Co");
    expect(first.find("news\\:language").text()).toBe("en");
    expect(first.find("news\\:publication_date").text()).toBe("2026-06-10T09:00:00+01:00");
  });

  it("is written, empty, when nothing is recent", () => {
    const { body } = buildNewsSitemap([], makeSettings(), NOW);
    expect(cheerio.load(body, { xml: true })("urlset").length).toBe(1);
  });

  it("writes Chinese as zh-cn or zh-tw, other languages as their ISO 639 code", () => {
    expect(newsLanguage("zh-Hant-TW")).toBe("zh-tw");
    expect(newsLanguage("zh-CN")).toBe("zh-cn");
    expect(newsLanguage("zh")).toBe("zh-cn");
    expect(newsLanguage("fr")).toBe("fr");
    expect(newsLanguage("ar-EG")).toBe("ar");
  });
});
