/** Shared types of the extraction pipeline (pure data, no behaviour). */

/** `markdown` = a briefing body without front matter; `text` = a plain-text article. */
export type SourceFormat = "markdown" | "text";

/** How a quotation's speaker was found: a speech verb in its own sentence, the sentence (or paragraph)
 * next to it or the quotation before it, a pronoun referring back, or not at all. */
export type AttributionMethod = "same-sentence" | "adjacent" | "pronoun" | "none";

/** A direct quotation: `text` is `plainText.slice(start, end)`, without its quote marks. */
export interface Quote {
  text: string;
  /** A name in its fullest form, or a description as written ("a senior official"); null when unknown. */
  speaker: string | null;
  start: number;
  end: number;
  attribution: AttributionMethod;
  /** 0–1: how sure the speaker is; pull quotes use only those at `CERTAIN_ATTRIBUTION` or above. */
  confidence: number;
}

/** A quotation ready for a pull quote: spans split by their attribution are joined. */
export interface KeyQuote {
  text: string;
  speaker: string | null;
}

export interface Analysis {
  /** The plain text all offsets refer to. */
  plainText: string;
  /** The lede. */
  summary: string;
  /** 3–5 short extractive bullets in article order (fewer for short texts). */
  keyPoints: string[];
  /** Every quoted span, in article order. */
  quotes: Quote[];
  /** Pull-quote candidates, best first: only quotations whose speaker is certain (`CERTAIN_ATTRIBUTION`); empty
   * rather than a guess. */
  keyQuotes: KeyQuote[];
  wordCount: number;
  readingTimeMinutes: number;
}

export type BlockKind = "heading" | "paragraph" | "list-item";

/** A block of the plain text: `[start, end)` in `PlainDocument.text`, never containing a blank line. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

export interface PlainDocument {
  text: string;
  blocks: Block[];
}

/** A sentence: `[start, end)` in the plain text, trimmed. */
export interface Sentence {
  start: number;
  end: number;
}
