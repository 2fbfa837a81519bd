/** Key quotes and summaries: `analyze` reads a briefing and finds its quotations, speakers, lede and key points. */
import { keyPoints, lede } from "./summary.js";
import { rankKeyQuotes } from "./keyquotes.js";
import { toPlainDocument } from "./plaintext.js";
import { documentSentences, quotesOf } from "./quotes.js";
import { countWords, readingTimeMinutes } from "./reading.js";
import { createAttributionContext } from "./speakers.js";
import type { Analysis, SourceFormat } from "./types.js";

export type { Analysis, Block, BlockKind, KeyQuote, PlainDocument, Quote, Sentence, SourceFormat } from "./types.js";
export { toPlainDocument, looksLikeHeading } from "./plaintext.js";
export { splitSentences, sentenceRanges } from "./sentences.js";
export { extractQuotes, isQuotation, isTitleCase, documentSentences } from "./quotes.js";
export { findMarkedSpans } from "./marks.js";
export { attributeAfter, attributeBefore, createAttributionContext } from "./speakers.js";
export { NameIndex, findNameMentions } from "./names.js";
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

/** Analyses a briefing body (Markdown, the default) or a plain-text article. Deterministic; never throws. */
export function analyze(source: string, format: SourceFormat = "markdown"): Analysis {
  const text = typeof source === "string" ? source : "";
  try {
    return analyzeUnsafe(text, format === "text" ? "text" : "markdown");
  } catch {
    // Last-resort guard for callers from plain JavaScript or a bug: a build must not fail on one article.
    const wordCount = countWords(text);
    return { plainText: text, summary: "", keyPoints: [], quotes: [], keyQuotes: [], wordCount, readingTimeMinutes: readingTimeMinutes(wordCount, text) };
  }
}
