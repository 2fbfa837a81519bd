import { createHash } from "node:crypto";
import type { Briefing } from "../content/types.ts";

/**
 * A briefing's fingerprint: a hash of the briefing as loaded (every field but its neighbours,
 * `newer` and `older`, which only its web page shows). The page, the email edition and the feed
 * items each key their cache entries on it instead of hashing the whole briefing (tens of KB of
 * body, Markdown and quotations) again; a key whose output shows the neighbours adds them.
 */
export type Fingerprint = (briefing: Briefing) => string;

/**
 * Fingerprints made on first use and kept as long as the caller keeps this function: one per
 * build (the build context owns it), whose briefings do not change once loaded (releaseBodies
 * clears their bodies only after every key is made).
 */
export function briefingFingerprints(): Fingerprint {
  const made = new WeakMap<Briefing, string>();
  return (briefing) => {
    let fingerprint = made.get(briefing);
    if (fingerprint === undefined) {
      // The body and its Markdown, most of a briefing, go to the hash as they are: escaping them
      // into one JSON text with the rest took three times as long.
      const { html, markdown } = briefing;
      fingerprint = createHash("sha256")
        .update(JSON.stringify({ ...briefing, html: null, markdown: null, newer: null, older: null }))
        .update(`\0${html.length}\0`)
        .update(html)
        .update(`\0${markdown.length}\0`)
        .update(markdown)
        .digest("base64");
      made.set(briefing, fingerprint);
    }
    return fingerprint;
  };
}

/** The neighbours' links a briefing page shows, for the keys of what shows them. */
export const neighboursOf = (briefing: Briefing): string => JSON.stringify([briefing.newer, briefing.older]);
