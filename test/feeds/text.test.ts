import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { OffsetDate } from "../../src/feeds/dates.ts";
import { buildFeeds } from "../../src/feeds/index.ts";
import { cdataSafe, xmlChars } from "../../src/feeds/xml.ts";
import { makeBriefing, makeSettings } from "../fixtures/feeds/briefings.ts";
import { htmlToText, jsonFeedSchema, parseXmlFeed, text } from "../helpers/feeds.ts";

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
  test("cdataSafe leaves text without ]]> alone and pre-splits every ]]> after the first", () => {
    expect(cdataSafe("no end here")).toBe("no end here");
    expect(cdataSafe("a ]]> b")).toBe("a ]]> b");
    expect(cdataSafe("a ]]> b ]]> c ]]> d")).toBe("a ]]> b ]]]]><![CDATA[> c ]]]]><![CDATA[> d");
  });

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
        expect(htmlToText(text(atom.items[0] ?? {}, "atom:title"))).toBe(expected);
        expect(json.items[0]?.title).toBe(expected);
        expect(json.items[0]?.tags).toEqual([expected]);
      }),
      { numRuns: 150 },
    );
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
