import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Briefing } from "../../src/content/types.ts";
import { relatedBriefings } from "../../src/site/related.ts";

/** Just what relatedBriefings reads: a path, a title, a date and tags, newest first. */
function briefings(tagLists: string[][]): Briefing[] {
  return tagLists.map(
    (tags, index) =>
      ({
        path: `/b/${index}/`,
        title: `B${index}`,
        date: new Date(Date.UTC(2026, 0, 1) - index * 86_400_000).toISOString(),
        tags: tags.map((slug) => ({ name: slug, slug, path: `/tags/${slug}/` })),
      }) as unknown as Briefing,
  );
}

describe("related briefings from the index by tag", () => {
  it("match a scan of every briefing: up to 3 sharing a tag, newest first, never itself", () => {
    const tag = fc.constantFrom("a", "b", "c", "d", "e", "f");
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(tag, { maxLength: 3 }), { maxLength: 40 }), (tagLists) => {
        const list = briefings(tagLists);
        const related = relatedBriefings(list);
        for (const briefing of list) {
          const slugs = new Set(briefing.tags.map((t) => t.slug));
          const expected = list.filter((other) => other !== briefing && other.tags.some((t) => slugs.has(t.slug))).slice(0, 3);
          expect(related.get(briefing.path)!.map((link) => link.path)).toEqual(expected.map((other) => other.path));
        }
      }),
    );
  });
});
