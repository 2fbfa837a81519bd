/** How sure a quotation's speaker is, from how it was found: the pull quote uses only certain ones. */
import { withoutPartyLabel } from "./names.js";
import type { Attribution } from "./speakers.js";
import type { AttributionMethod } from "./types.js";

/** A speaker at or above this confidence may be printed under a pull quote without checking. */
export const CERTAIN_ATTRIBUTION = 0.8;

export interface Credit {
  speaker: string | null;
  attribution: AttributionMethod;
  confidence: number;
}

export const NO_CREDIT: Credit = { speaker: null, attribution: "none", confidence: 0 };

/** A quotation repeating its neighbour's speaker (the next paragraph of the same voice) is likely right,
 * but never certain. */
const INHERITED = 0.75;
const CONFIDENCE = {
  sameSentence: 0.95, // a name or description with a speech verb in the quotation's sentence
  adjacent: 0.85, // the same, in the sentence next to it
  noVerb: 0.6, // a headline's `Name: "…"`
  role: 0.7, // "the senator said": refers back to someone
  pronoun: 0.5,
  // A name the article never writes in full ("Democratic", "Ohio"): often a word cut from a longer phrase.
  loneWord: 0.75,
} as const;

/** One word that is not an acronym ("WHO" is a name in full; a dotted abbreviation such as "N.C." is
 * most often a place cut from an apposition: "Harry Bond, of Raleigh, N.C., said"). */
function isLoneWord(name: string): boolean {
  return !/\s/u.test(name) && !/^\p{Lu}[\p{Lu}\p{N}&-]+$/u.test(name);
}

/** The credit an attribution found in the quotation's own sentence or next to it earns. */
export function credit(found: Attribution | null, place: "same-sentence" | "adjacent"): Credit {
  if (found === null || found.speaker === null) return NO_CREDIT;
  if (found.kind === "pronoun") return { speaker: found.speaker, attribution: "pronoun", confidence: CONFIDENCE.pronoun };
  // A role or an organisation referred back to ("the minister", "the company") is not named here.
  const confidence = found.kind === "role" || found.refersBack === true ? CONFIDENCE.role
    : found.kind === "name" && isLoneWord(withoutPartyLabel(found.speaker)) ? CONFIDENCE.loneWord
    : !found.verb ? CONFIDENCE.noVerb
    : place === "same-sentence" ? CONFIDENCE.sameSentence : CONFIDENCE.adjacent;
  return { speaker: found.speaker, attribution: place, confidence };
}

/** The credit of a quotation that takes the speaker of the one before it. */
export function inherit(from: Credit): Credit {
  if (from.speaker === null) return NO_CREDIT;
  return { speaker: from.speaker, attribution: from.attribution === "pronoun" ? "pronoun" : "adjacent", confidence: Math.min(from.confidence, INHERITED) };
}
