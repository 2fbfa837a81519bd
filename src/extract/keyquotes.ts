/** Pull-quote ranking: attributed, complete, mid-length, early and distinctive quotations first. */
import { CLAUSE_ENDS, QUOTE_CLOSERS, SENTENCE_ENDS, charClass } from "./charsets.js";
import { CERTAIN_ATTRIBUTION } from "./confidence.js";
import { countWords } from "./reading.js";
import type { KeyQuote, Quote } from "./types.js";

const MIN_WORDS = 6;
const MAX_WORDS = 60;
const IDEAL_MIN_WORDS = 10;
const IDEAL_MAX_WORDS = 35;
// A gap between two spans with no sentence end in it means the attribution split one sentence.
const SENTENCE_BREAK = new RegExp(`[${charClass(SENTENCE_ENDS)}]`, "u");
const QUOTE_CLOSER = new RegExp(`[${charClass(QUOTE_CLOSERS)}]`, "gu");
const MAX_GAP_CHARS = 80;
/** A pull quote is a whole sentence: a partial quotation ("called it 'a disgrace to the office'") is
 * words woven into the writer's sentence. */
const STARTS_SENTENCE = /^[\p{Lu}\p{N}]/u;
const SPLIT_END = new RegExp(`[${charClass(CLAUSE_ENDS)}]$`, "u");

interface Joined {
  text: string;
  speaker: string | null;
  start: number;
  confidence: number;
}

/** Joins spans split by their attribution: `"We will act," she said, "and soon."` → `We will act, and soon.` */
export function joinSplitQuotes(quotes: readonly Quote[], plainText: string): Joined[] {
  const joined: Joined[] = [];
  let previous: Quote | undefined;
  for (const quote of quotes) {
    const last = joined[joined.length - 1];
    const gap = previous ? plainText.slice(previous.end, quote.start) : "";
    // The first part of a split quotation stops at a comma or dash where the attribution cuts in.
    const split = last !== undefined && previous !== undefined && quote.speaker === last.speaker &&
      SPLIT_END.test(previous.text) && gap.length <= MAX_GAP_CHARS && !gap.includes("\n") && !SENTENCE_BREAK.test(gap.replace(QUOTE_CLOSER, ""));
    if (split) {
      last.text = `${last.text} ${quote.text}`;
      last.confidence = Math.max(last.confidence, quote.confidence);
    } else joined.push({ text: quote.text, speaker: quote.speaker, start: quote.start, confidence: quote.confidence });
    previous = quote;
  }
  return joined;
}

/** A pull quote reads as a sentence: a trailing comma before the attribution becomes a full stop. */
function asPullQuote(text: string): string {
  return text.replace(/[,;:]$/u, ".");
}

function score(quote: Joined, rank: number, total: number): number {
  const words = countWords(quote.text);
  let value = quote.speaker !== null ? 3 : 0;
  if (words < MIN_WORDS) value -= 3;
  else if (words > MAX_WORDS) value -= 2;
  else value += words >= IDEAL_MIN_WORDS && words <= IDEAL_MAX_WORDS ? 2 : 1;
  value += /^\p{Lu}/u.test(quote.text) ? 1 : -1; // starts like a sentence, not a fragment
  value += /[.!?…,]$/u.test(quote.text) ? 0.5 : 0;
  value += /\d|\s\p{Lu}/u.test(quote.text) ? 0.5 : 0; // numbers and names make it specific
  return value + (1 - rank / Math.max(total, 1)); // earlier first
}

/** Quotations fit for a pull quote, ranked best first: only those whose speaker is certain and that are
 * long enough to stand alone (a misattributed pull quote is a correction; none is better). */
export function rankKeyQuotes(quotes: readonly Quote[], plainText: string): KeyQuote[] {
  const joined = joinSplitQuotes(quotes, plainText);
  return joined
    .filter((quote) => quote.confidence >= CERTAIN_ATTRIBUTION && countWords(quote.text) >= MIN_WORDS && STARTS_SENTENCE.test(quote.text))
    .map((quote, rank) => ({ quote, value: score(quote, rank, joined.length) }))
    .sort((a, b) => b.value - a.value || a.quote.start - b.quote.start)
    .map(({ quote }) => ({ text: asPullQuote(quote.text), speaker: quote.speaker }));
}
