/** Key quotes and summaries: `analyze` reads a briefing and finds its quotations, speakers, lede and key points. */
import { keyPoints, lede } from "./summary.js";
import { rankKeyQuotes } from "./keyquotes.js";
import { toPlainDocument } from "./plaintext.js";
import { documentSentences, quotesOf } from "./quotes.js";
import { countWords, readingTimeMinutes } from "./reading.js";
import { createAttributionContext } from "./speakers.js";
import type { Analysis, SourceFormat } from "./types.js";

export type { Analysis, AttributionMethod, Block, BlockKind, KeyQuote, PlainDocument, Quote, Sentence, SourceFormat } from "./types.js";
export { CERTAIN_ATTRIBUTION } from "./confidence.js";
export { toPlainDocument, looksLikeHeading } from "./plaintext.js";
export { splitSentences, sentenceRanges } from "./sentences.js";
export { extractQuotes, isQuotation, isTitleCase, documentSentences } from "./quotes.js";
export { findMarkedSpans } from "./marks.js";
export { attributeAfter, attributeBefore, createAttributionContext } from "./speakers.js";
export { findNameMentions } from "./names.js";
export { NameIndex } from "./coreference.js";
export { rankKeyQuotes, joinSplitQuotes } from "./keyquotes.js";
export { summarize, lede, keyPoints, truncateAtWord } from "./summary.js";
export { countWords, readingTimeMinutes, WORDS_PER_MINUTE } from "./reading.js";

function analyzeUnsafe(source: string, format: SourceFormat): Analysis {
  const doc = toPlainDocument(source, format);
  const sentences = documentSentences(doc);
  const quotes = quotesOf(doc, sentences, createAttributionContext(doc.text));
  const summary = lede(doc, sentences);
  const wordCount = countWords(doc.text);
  return {
    plainText: doc.text,
    summary: summary.text,
    keyPoints: keyPoints(doc, sentences, summary.sentences),
    quotes,
    keyQuotes: rankKeyQuotes(quotes, doc.text),
    wordCount,
    readingTimeMinutes: readingTimeMinutes(wordCount, doc.text),
  };
}

/** An analysis, and why extraction failed when it did (then the analysis is empty but for the word count). */
export interface CheckedAnalysis {
  analysis: Analysis;
  /** null when extraction succeeded; else the error's message, for a warning naming the file. */
  failure: string | null;
}

/** `analyze`, also telling whether extraction failed, so that a caller can warn. Never throws. */
export function analyzeChecked(source: string, format: SourceFormat = "markdown"): CheckedAnalysis {
  const text = typeof source === "string" ? source : "";
  try {
    return { analysis: analyzeUnsafe(text, format === "text" ? "text" : "markdown"), failure: null };
  } catch (error) {
    // Last-resort guard against a bug: a build must not fail on one article, but the caller hears of it.
    const wordCount = countWords(text);
    const analysis = { plainText: text, summary: "", keyPoints: [], quotes: [], keyQuotes: [], wordCount, readingTimeMinutes: readingTimeMinutes(wordCount, text) };
    return { analysis, failure: error instanceof Error ? error.message : String(error) };
  }
}

/** Analyses a briefing body (Markdown, the default) or a plain-text article. Deterministic; never throws
 * (a failure gives an empty analysis: use `analyzeChecked` to hear of it). */
export function analyze(source: string, format: SourceFormat = "markdown"): Analysis {
  return analyzeChecked(source, format).analysis;
}
