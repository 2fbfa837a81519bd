import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { OffsetDate } from "../../src/feeds/dates.ts";
import { buildFeeds } from "../../src/feeds/index.ts";
import { xmlChars } from "../../src/feeds/xml.ts";
import { makeBriefing, makeSettings } from "../fixtures/feeds/briefings.ts";
import { htmlToText, jsonFeedSchema, nodes, parseXmlFeed, text } from "../helpers/feeds.ts";

const settings = makeSettings();
const NOW = new Date("2026-06-01T12:00:00Z");

/** Text built from the pieces that break writers, plus arbitrary Unicode. */
const nastyText = fc
  .array(
    fc.oneof(
      fc.constantFrom("&", "<", ">", '"', "'", "]]>", "]]]>", "--", "<!--", "&amp;", "&#x3C;", "<b>", "\f", "\u0000", "\uD800", "🎉", "قمة", "东京", " "),
      fc.string({ unit: "grapheme" }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  // Front matter titles are trimmed and single-line; XML turns "\r" into "\n" by design.
  .map((parts) => parts.join("").replace(/[\r\n]/g, " ").trim())
  // Parsers trim element text; keep titles whose edges stay non-blank once XML-illegal characters go.
  .filter((title) => xmlChars(title).length > 0 && xmlChars(title) === xmlChars(title).trim());

describe("text that XML cannot hold as it is", () => {
  test("xmlChars drops only what XML 1.0 forbids", () => {
    expect(xmlChars("a\u0000b\fc\u000Bd\uFFFEe\uD800f\tg\nh 🎉 قمة")).toBe("abcdef\tg\nh 🎉 قمة");
  });

  test("any title round-trips through RSS, Atom and JSON Feed (property)", async () => {
    await fc.assert(
      fc.asyncProperty(nastyText, async (title) => {
        const briefing = makeBriefing({ slug: "t", title, date: "2026-01-06T09:30:00+01:00", tags: [title] }, settings);
        const files = buildFeeds([briefing], settings, NOW);
        const body = (path: string) => files.find((f) => f.path === path)?.body ?? "";
        const expected = xmlChars(title);
        const rss = await parseXmlFeed(body("/feed.xml"));
        const atom = await parseXmlFeed(body("/atom.xml"));
        const json = jsonFeedSchema.parse(JSON.parse(body("/feed.json")));
        expect(text(rss.items[0] ?? {}, "rss:title")).toBe(expected);
        expect(nodes(rss.items[0] ?? {}, "rss:category").map((node) => node["#"])).toEqual([expected]);
        expect(htmlToText(text(atom.items[0] ?? {}, "atom:title"))).toBe(expected);
        expect(json.items[0]?.title).toBe(expected);
        expect(json.items[0]?.tags).toEqual([expected]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("plain text in RSS, as the RSS Best Practices Profile asks", () => {
  const title = "R&D <b>bold</b> <script>alert(1)</script> & AT&amp;T";
  const tags = ["R&D", "<b>", "<script>"];
  const briefing = makeBriefing({ slug: "rd", title, date: "2026-01-06T09:30:00+01:00", tags, authors: [{ name: "Ana & <Lima>" }] }, settings);
  const files = buildFeeds([briefing], makeSettings({ title: "News & <Views>" }), NOW);
  const body = (path: string) => files.find((f) => f.path === path)?.body ?? "";

  test("writes & and < in titles, categories and creators as &#x26; and &#x3C;, never as &amp;, &lt; or CDATA", () => {
    const rss = body("/feed.xml");
    const plain = [...rss.matchAll(/<(title|category|dc:creator)>(.*?)<\/\1>/gs)].map((match) => match[2]!);
    expect(plain).toEqual([
      "News &#x26; &#x3C;Views&gt;",
      "R&#x26;D &#x3C;b&gt;bold&#x3C;/b&gt; &#x3C;script&gt;alert(1)&#x3C;/script&gt; &#x26; AT&#x26;amp;T",
      "R&#x26;D",
      "&#x3C;b&gt;",
      "&#x3C;script&gt;",
      "Ana &#x26; &#x3C;Lima&gt;",
    ]);
  });

  test("every format carries the same title, tags and author", async () => {
    const rss = await parseXmlFeed(body("/feed.xml"));
    const atom = await parseXmlFeed(body("/atom.xml"));
    const json = jsonFeedSchema.parse(JSON.parse(body("/feed.json")));
    const item = rss.items[0] ?? {};
    expect(text(item, "rss:title")).toBe(title);
    expect(nodes(item, "rss:category").map((node) => node["#"])).toEqual(tags);
    expect(text(item, "dc:creator")).toBe("Ana & <Lima>");
    expect(text(rss.meta, "rss:title")).toBe("News & <Views>");
    expect(htmlToText(text(atom.items[0] ?? {}, "atom:title"))).toBe(title);
    expect(json.items[0]?.title).toBe(title);
    expect(json.items[0]?.tags).toEqual(tags);
  });
});

describe("a feed whose only briefing has an empty body", () => {
  test("declares the dc namespace it uses for dc:creator", async () => {
    const empty = makeBriefing({ slug: "empty", date: "2026-01-06T09:30:00+01:00", html: "", authors: [{ name: "Ana Lima" }] }, settings);
    const rss = buildFeeds([empty], settings, NOW).find((f) => f.path === "/feed.xml")?.body ?? "";
    expect(rss).toContain("<dc:creator>");
    expect(rss).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    // feedparser's strict, namespace-aware parser rejects an unbound prefix.
    expect(text((await parseXmlFeed(rss)).items[0] ?? {}, "dc:creator")).toBe("Ana Lima");
  });
});

describe("OffsetDate", () => {
  test("keeps the instant and prints the offset it was written with", () => {
    const date = new OffsetDate("2026-07-06T18:05:09+02:00");
    expect(date.getTime()).toBe(Date.parse("2026-07-06T16:05:09Z"));
    expect(date.toISOString()).toBe("2026-07-06T18:05:09+02:00");
    expect(date.toUTCString()).toBe("Mon, 06 Jul 2026 18:05:09 +0200");
    expect(new OffsetDate("2026-01-06T09:30:00-05:00").toUTCString()).toBe("Tue, 06 Jan 2026 09:30:00 -0500");
  });

  test("refuses what is not an ISO date", () => {
    expect(() => new OffsetDate("6 January 2026")).toThrow(/not an ISO 8601 date/);
  });
});
