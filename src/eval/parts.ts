/**
 * A fixed split of a corpus into a development part, where rules are tuned, and a check part, only
 * measured: articles ordered by the SHA-1 (hex) of their id, the first 5/7 "dev" and the rest "check"
 * (on the PolNeAR train split's 840 articles: 600 and 240). The order does not depend on the file's order,
 * so the parts stay the same when the file is re-sorted or grows by a few articles.
 */
import { createHash } from "node:crypto";
import type { CorpusCase } from "./corpus.js";

export const PARTS = ["dev", "check"] as const;
export type Part = (typeof PARTS)[number];

const DEV_SHARE = 5 / 7;

const sha1 = (id: string): string => createHash("sha1").update(id, "utf8").digest("hex");

/** The cases of one part, in the corpus's own order. */
export function selectPart<C extends Pick<CorpusCase, "id">>(cases: readonly C[], part: Part): C[] {
  const ordered = cases.map((c, index) => ({ key: sha1(c.id), index }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  const devCount = Math.round(cases.length * DEV_SHARE);
  const chosen = new Set((part === "dev" ? ordered.slice(0, devCount) : ordered.slice(devCount)).map((o) => o.index));
  return cases.filter((_, index) => chosen.has(index));
}
