/** Pull-quote ranking: attributed, complete, mid-length, early and distinctive quotations first. */
import { CLAUSE_ENDS, OPENING_QUOTE_MARKS, QUOTE_CLOSERS, QUOTE_MARKS, SENTENCE_ENDS, charClass } from "./charsets.js";
import { CERTAIN_ATTRIBUTION } from "./confidence.js";
import { DETERMINERS, INDEFINITE, isSpeechVerb } from "./lexicon.js";
import { withoutPartyLabel } from "./names.js";
import { countWords } from "./reading.js";
import type { AttributionMethod, KeyQuote, Quote } from "./types.js";

const MIN_WORDS = 6;
const MAX_WORDS = 60;
const IDEAL_MIN_WORDS = 10;
const IDEAL_MAX_WORDS = 35;
// A gap between two spans with no sentence end in it means the attribution split one sentence.
const SENTENCE_BREAK = new RegExp(`[${charClass(SENTENCE_ENDS)}]`, "u");
const QUOTE_CLOSER = new RegExp(`[${charClass(QUOTE_CLOSERS)}]`, "gu");
const ANY_QUOTE_MARK = new RegExp(`[${charClass(QUOTE_MARKS)}]`, "gu");
const MAX_GAP_CHARS = 80;
/** A pull quote is a whole sentence: a partial quotation ("called it 'a disgrace to the office'") is
 * words woven into the writer's sentence. */
const STARTS_SENTENCE = /^[\p{Lu}\p{N}]/u;
/** Nor is a quotation opened right after "that" (`meant that "We will…"`), capitalised or not, unless a speech
 * verb leads in to the "that" (`said in a statement that "…"`): the writer's sentence goes on through it, and
 * whose words they are hangs on that sentence (`Ruiz said Hale's letter meant that "…"`). */
const AFTER_THAT = new RegExp(`(?:^|[^\\p{L}])that,?\\s*[${charClass(OPENING_QUOTE_MARKS)}]?\\s*$`, "iu");
const WORDS_FROM_VERB_TO_THAT = 4;
/** A speaker described but not named nor pointed back to ("a senior official", "one aide", "local party
 * leaders"): right as written when the description is whole, but often cut short ("a source involved") or a
 * text relaying others' words ("a news article"). "The spokesman", "the statement" and "her campaign" point
 * back to one the article introduced. */
const pointsBack = (word: string) => DETERMINERS.has(word) && !INDEFINITE.has(word);
const unnamed = (word: string) => INDEFINITE.has(word) || word === "other";

/** Whether a speaker is a described source, and which kind: `unnamed` ("a senior official", "Other
 * officials": an indefinite word or any lower-case one first) or `pointing back` ("the spokesman", "her
 * campaign": a definite determiner first); null for a name. */
export function describedSource(speaker: string): "unnamed" | "pointing back" | null {
  const first = speaker.split(/\s/u, 1)[0]!;
  const lower = first.toLowerCase();
  return pointsBack(lower) ? "pointing back" : first === lower || unnamed(lower) ? "unnamed" : null;
}

/** A social-media post quoted whole (`"Thanks @cityhall! #bridge"`, a link): the gold of news corpora often
 * leaves such posts out, and a handle or a link reads badly in a pull quote. */
const SOCIAL_POST = /(?:^|[^\p{L}\p{N}_])[@#]\p{L}|\bhttps?:\/\/|\bpic\.twitter\.com\//u;
const SPLIT_END = new RegExp(`[${charClass(CLAUSE_ENDS)}]$`, "u");
/** The gap of a split quotation is the attribution alone, ending where the quotation resumes:
 * `,” she said, “`. A gap running on (`,” said Beck, who said there were “`) leads into other words. */
const ATTRIBUTION_GAP_END = new RegExp(`[${charClass(CLAUSE_ENDS)}]$`, "u");
/** A quotation relayed from another source ("Sanders said, according to CNN"): the article did not hear
 * it, and the relaying source is often the one credited. */
const RELAYED = /\baccording to\b([^,.;:]*)/iu;
const DOUBLE_MARKS = /["“”„«»]/gu;
/** Lead-ins saying the words that follow are not the subject's own: a question put to them (`was asked by
 * the host, "…"`), words left unsaid (`without saying, "…"`), a text that reads (`the headline reads: "…"`,
 * `a sign which read, "…"`, `holding a sign saying "…"`). */
const NOT_OWN_WORDS = /\b(?:(?:was|were|is|are|been|being|get|gets|got)\s+asked\b|asked\s+by\b)|\b(?:without|instead\s+of|rather\s+than)\s+(?:saying|asking|writing|telling)\b|\b(?:read|reads)\W*$|\b(?:sign|banner|placard|poster|shirt|billboard|headline|caption)s?\s+(?:that\s+|which\s+)?(?:said|says|saying|reading)\W*$/iu;
/** `reminds me of Winston Churchill saying that "…"`: a participle right after a name is that person speaking. */
const NAMED_PARTICIPLE = /(\p{Lu}[\p{L}'’-]*)\s+(?:saying|telling|asking|writing|declaring|warning)(?:\s+that)?\W*$/u;
/** The sentence before a quotation starts after a sentence end (or the paragraph's start) within this many
 * characters: a lead-in is read from there. */
const MAX_LEAD_IN_CHARS = 300;
const SENTENCE_BOUNDARY = /[.!?…]["'”’)]*\s|\n/gu;
const SENTENCE_END = /[.!?…](?=\s|$)/u;

export interface Joined {
  text: string;
  speaker: string | null;
  start: number;
  end: number;
  attribution: AttributionMethod;
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
      SPLIT_END.test(previous.text) && gap.length <= MAX_GAP_CHARS && !gap.includes("\n") && !SENTENCE_BREAK.test(gap.replace(QUOTE_CLOSER, "")) &&
      ATTRIBUTION_GAP_END.test(gap.replace(ANY_QUOTE_MARK, "").trim());
    if (split) {
      last.text = `${last.text} ${quote.text}`;
      last.end = quote.end;
      if (quote.confidence > last.confidence) Object.assign(last, { attribution: quote.attribution, confidence: quote.confidence });
    } else joined.push({ text: quote.text, speaker: quote.speaker, start: quote.start, end: quote.end, attribution: quote.attribution, confidence: quote.confidence });
    previous = quote;
  }
  return joined;
}

const OPENERS = new Set([...OPENING_QUOTE_MARKS]);
const CLOSERS = new Set([...QUOTE_CLOSERS]);
const LETTER = /[\p{L}\p{N}]/u;

/** Whether the quote marks inside a quotation pair up. A stray closer after punctuation or another mark
 * (`…a special case,''`) or an opener never closed shows the quotation was cut at the wrong mark; a mark
 * between letters (`don't`), before a decade (`'90s`) or after a word (`the Weiners' marriage`) is an
 * apostrophe. */
export function marksPairUp(text: string): boolean {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!OPENERS.has(c) && !CLOSERS.has(c)) continue;
    const before = text[i - 1] ?? " ";
    const after = text[i + 1] ?? " ";
    if ((LETTER.test(before) && LETTER.test(after)) || /^\d\ds/u.test(text.slice(i + 1, i + 4))) continue;
    const canOpen = OPENERS.has(c) && !LETTER.test(before) && !/[\s,.;:!?]/u.test(after);
    const canClose = CLOSERS.has(c) && !/\s/u.test(before);
    if (canClose && (open > 0 || !canOpen)) {
      if (open > 0) open--;
      else if (!LETTER.test(before)) return false; // a closer after punctuation or a mark, with nothing open
    } else if (canOpen) open++;
  }
  return open === 0;
}

/** Whether a quotation ends at its closing mark (not at the paragraph's end, running on). */
function isClosed(quote: Pick<Quote, "end">, plainText: string): boolean {
  return QUOTE_CLOSERS.includes(plainText[quote.end] ?? "");
}

/** Whether the words attributing a quotation relay it from a source other than its speaker ("Sanders
 * said, according to CNN"); "according to Paul Sperry, …" naming the speaker is the attribution itself. */
function relays(attribution: string, speaker: string | null): boolean {
  const found = RELAYED.exec(attribution);
  if (found === null) return false;
  const source = found[1]!.toLowerCase();
  const surname = speaker === null ? undefined : withoutPartyLabel(speaker).split(/\s+/u).pop()?.toLowerCase();
  return surname === undefined || !source.includes(surname);
}

/** The starts of quotations that are second-hand: relayed from another source (`relays`), or nested in
 * a longer quotation of someone else's words: a paragraph whose own words carry an unpaired double mark
 * (the outer quotation's), or that follows a paragraph whose quotation runs on unclosed (news quotes
 * several paragraphs by opening each and closing only the last). */
function secondHandQuotes(quotes: readonly Quote[], plainText: string): Set<number> {
  const secondHand = new Set<number>();
  let index = 0;
  let runningEnd = -1; // the end of the last paragraph whose quotation ran on unclosed
  while (index < quotes.length) {
    const paragraphStart = plainText.lastIndexOf("\n", quotes[index]!.start) + 1;
    const found = plainText.indexOf("\n", quotes[index]!.end);
    const paragraphEnd = found < 0 ? plainText.length : found;
    // The paragraph right after a running quotation's continues it.
    let nested = runningEnd >= 0 && plainText.slice(runningEnd, paragraphStart).trim() === "";
    let relayed = false;
    let marks = 0;
    let at = paragraphStart;
    let previous: Quote | undefined;
    const first = index;
    runningEnd = -1;
    // The paragraph's own words lie between its quotations: the sentence that ends after a quotation and
    // the one that leads into the next attribute them.
    const ownWords = (words: string, next: Quote | undefined): void => {
      marks += (words.match(DOUBLE_MARKS) ?? []).length;
      if (previous !== undefined) relayed ||= relays(words.split(SENTENCE_END)[0]!, previous.speaker);
      if (next !== undefined) relayed ||= relays(words.split(SENTENCE_END).pop()!, next.speaker);
    };
    for (; index < quotes.length && quotes[index]!.start < paragraphEnd; index++) {
      const quote = quotes[index]!;
      ownWords(plainText.slice(at, Math.max(at, quote.start - 1)), quote);
      at = Math.max(at, quote.end + 1);
      previous = quote;
      runningEnd = isClosed(quote, plainText) ? -1 : paragraphEnd;
    }
    ownWords(plainText.slice(at, Math.max(at, paragraphEnd)), undefined);
    nested ||= marks % 2 === 1;
    if (nested || relayed) for (let k = first; k < index; k++) secondHand.add(quotes[k]!.start);
  }
  return secondHand;
}

/** Whether a quotation opens right after a "that" no speech verb leads in to (`AFTER_THAT`). */
function wovenIn(quote: Pick<Joined, "start">, plainText: string): boolean {
  const before = plainText.slice(Math.max(0, quote.start - 80), quote.start);
  const that = AFTER_THAT.exec(before);
  if (that === null) return false;
  const words = before.slice(0, that.index + 1).match(/[\p{L}’'-]+/gu) ?? [];
  return !words.slice(-WORDS_FROM_VERB_TO_THAT).some(isSpeechVerb);
}

/** Whether the words leading into a quotation in its sentence say it is not the credited speaker's own. */
function notOwnWords(quote: Pick<Joined, "start" | "speaker">, plainText: string): boolean {
  // Bounded look-back: the text since the last sentence end or paragraph break, at most MAX_LEAD_IN_CHARS.
  const before = plainText.slice(Math.max(0, quote.start - MAX_LEAD_IN_CHARS), quote.start).replace(/[\s"'“‘„«]+$/u, "");
  let from = 0;
  SENTENCE_BOUNDARY.lastIndex = 0;
  for (let found = SENTENCE_BOUNDARY.exec(before); found !== null; found = SENTENCE_BOUNDARY.exec(before)) from = found.index + found[0].length;
  const leadIn = before.slice(from);
  if (NOT_OWN_WORDS.test(leadIn)) return true;
  const named = NAMED_PARTICIPLE.exec(leadIn);
  return named !== null && !(quote.speaker ?? "").split(/\s+/u).includes(named[1]!);
}

/** A pull quote reads as a sentence: a trailing comma before the attribution becomes a full stop. */
export function asPullQuote(text: string): string {
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

/** Why a quotation may not be a pull quote, in the order checked: its speaker is not certain or is a source
 * described but not named (`describedSource`), it is too short
 * to stand alone, it is a fragment of a sentence, it runs on unclosed, its inner marks do not pair up, it is
 * second-hand (relayed "according to" another source or nested in another's quotation), or its lead-in says
 * the words are not the speaker's own (a question put to them, words left unsaid, a sign's or a headline's,
 * another person's in a participle clause), or it is a social-media post (`SOCIAL_POST`). */
export type PullQuoteRejection = "uncertain" | "unnamed" | "short" | "fragment" | "unclosed" | "unpaired" | "second-hand" | "not-own-words" | "post";

/** A quotation (split ones joined) and why it may not be a pull quote, null when it may. */
export interface PullQuoteCandidate extends Joined {
  rejected: PullQuoteRejection | null;
}

/** Every quotation (split ones joined), in article order, with the first reason it may not be a pull quote. */
export function pullQuoteCandidates(quotes: readonly Quote[], plainText: string): PullQuoteCandidate[] {
  const secondHand = secondHandQuotes(quotes, plainText);
  return joinSplitQuotes(quotes, plainText).map((quote) => {
    const rejected: PullQuoteRejection | null = quote.confidence < CERTAIN_ATTRIBUTION ? "uncertain"
      : quote.speaker !== null && describedSource(quote.speaker) === "unnamed" ? "unnamed"
      : countWords(quote.text) < MIN_WORDS ? "short"
      : !STARTS_SENTENCE.test(quote.text) || wovenIn(quote, plainText) ? "fragment"
      : !isClosed(quote, plainText) ? "unclosed"
      : !marksPairUp(quote.text) ? "unpaired"
      : secondHand.has(quote.start) ? "second-hand"
      : notOwnWords(quote, plainText) ? "not-own-words"
      : SOCIAL_POST.test(quote.text) ? "post"
      : null;
    return { ...quote, rejected };
  });
}

/** Quotations fit for a pull quote (`pullQuoteCandidates` not rejected), ranked best first. A misattributed
 * pull quote is a correction; none is better. */
export function rankKeyQuotes(quotes: readonly Quote[], plainText: string): KeyQuote[] {
  const candidates = pullQuoteCandidates(quotes, plainText);
  return candidates
    .filter((quote) => quote.rejected === null)
    .map((quote, rank) => ({ quote, value: score(quote, rank, candidates.length) }))
    .sort((a, b) => b.value - a.value || a.quote.start - b.quote.start)
    .map(({ quote }) => ({ text: asPullQuote(quote.text), speaker: quote.speaker }));
}
