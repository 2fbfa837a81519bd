/** Quotations: quoted spans that someone said (not scare quotes or names), with their speakers. */
import { firstNotBefore } from "./bisect.js";
import { CLAUSE_ENDS, EXCLAMATION_OR_QUESTION, SENTENCE_ENDS, TRAILING_PUNCTUATION, charClass } from "./charsets.js";
import {
  CALLING_VERBS, COPULAS, DETERMINERS, LABELLED_AS, LANGUAGE_NAMES, MENTION_NOUNS, NAMING_CUES, PREPOSITIONS, PRONOUNS, isSpeechVerb,
} from "./lexicon.js";
import { NO_CREDIT, credit, inherit, type Credit } from "./confidence.js";
import { findMarkedSpans, type MarkedSpan } from "./marks.js";
import { toPlainDocument } from "./plaintext.js";
import { countWords } from "./reading.js";
import { sentenceRanges } from "./sentences.js";
import { isPossessive } from "./tokens.js";
import {
  attributeAfter, attributeBefore, createAttributionContext, isBareAttribution, sentenceSubject, signature, type Attribution, type AttributionContext,
} from "./speakers.js";
import type { PlainDocument, Quote, Sentence, SourceFormat } from "./types.js";

const SPACE = /\s/u;
const SPEECH_END = new RegExp(`[${charClass(`${SENTENCE_ENDS}${CLAUSE_ENDS}、，`)}]$`, "u");
const SENTENCE_END = new RegExp(`[${charClass(SENTENCE_ENDS)}]$`, "u");
const ENDS_EXCLAMATION_OR_QUESTION = new RegExp(`[${charClass(EXCLAMATION_OR_QUESTION)}]$`, "u");
/** Unattributed title-case spans up to this long ending in a full stop are titles whose sentence ends
 * with them (`the sequel "Night Legion II."`). */
const MAX_TITLE_WORDS_WITH_STOP = 4;
/** A title-case span after a preposition or a possessive name is a title up to this long, stop or not. */
const MAX_OWNED_TITLE_WORDS = 8;
const SMALL_TITLE_WORDS = new Set(["of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "at", "by", "with", "de", "du", "la", "le"]);
const TITLE_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const FIRST_LETTER_UPPER = /^\P{L}*\p{Lu}/u;
/** After a cited headline or title: its author (`"…," by Jane Doe`) or a parenthesis ending with its year
 * (`"…" (2015)`, `"…" (election poster 2003)`). */
const CITATION_AFTER = /^\s*(?:by\s+(?:the\s+)?\p{Lu}|\([^()\n]{0,60}\b\d{4}\))/u;
/** Between a headline cited with its author and the excerpt of the article that follows it, as news roundups
 * give them: `"Pub to close," by Gazette's Tom Weller: "The Anchor, a pub…"`. */
const EXCERPT_AFTER_CITATION = /^,?\s*by\s+(?:the\s+)?\p{Lu}[^:\n"“”]{0,80}:\s*$/u;
/** A calling verb characterises what follows it closely (`calling the plan "a disaster"`); one further back in
 * the sentence is about something else (`After blasting the board for…, she read a passage about "…"`). */
const MAX_CALLING_REACH = 12;
/** Speech verbs that report a clause, whose subject may follow them directly (`argued the "fiscal rules" were…`). */
const CLAUSE_SPEECH_VERBS: ReadonlySet<string> = new Set([
  "say", "says", "said", "saying", "claim", "claims", "claimed", "claiming", "argue", "argues", "argued", "arguing",
  "insist", "insists", "insisted", "insisting", "warn", "warns", "warned", "warning", "suggest", "suggests",
  "suggested", "suggesting", "add", "adds", "added", "adding", "agree", "agrees", "agreed", "agreeing", "believe",
  "believes", "believed", "believing", "think", "thinks", "thought", "thinking", "contend", "contends", "contended",
  "contending", "maintain", "maintains", "maintained", "maintaining", "predict", "predicts", "predicted",
  "predicting", "concede", "concedes", "conceded", "conceding", "acknowledge", "acknowledges", "acknowledged",
  "acknowledging", "admit", "admits", "admitted", "admitting", "assert", "asserts", "asserted", "asserting",
  "stress", "stresses", "stressed", "stressing", "note", "notes", "noted", "noting", "write", "writes", "wrote",
  "written", "writing", "complain", "complains", "complained", "complaining", "fear", "fears", "feared", "fearing",
  "hope", "hopes", "hoped", "hoping", "reckon", "reckons", "reckoned", "reckoning",
]);
const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set(["his", "her", "their", "its", "our", "my", "your"]);
/** Verbs whose object is a work performed: `sang "Blue Moon"`, `performed "The Long Road."`. */
const PERFORMING_VERBS: ReadonlySet<string> = new Set([
  "perform", "performs", "performed", "performing", "sing", "sings", "sang", "singing", "play", "plays", "played", "playing", "recite", "recites", "recited", "reciting",
]);
const RATING_VERBS: ReadonlySet<string> = new Set(["rate", "rates", "rated", "rating", "graded", "classified", "ranked", "marked", "stamped"]);
/** `…" by her critics`: the agent of a passive naming verb. */
const AGENT_AFTER = /^[\s,]*by\s/u;
/** A headline cited in parentheses with its source: `("Mayor vows to…," Riverside Gazette, Monday)`. */
const SOURCE_IN_PARENTHESES = /^\s*\p{Lu}[^()\n]{0,40}\)/u;
const MIN_UNATTRIBUTED_WORDS = 6;
/** A lead-in's end right before a quotation's opening mark: `replied: "`, `said, "`. */
const LEAD_IN_END = /[:,]\s*$/u;
const YEAR = /^(?:1[5-9]|20)\d\d$/u;
const NUMBER = /^[\d.]+$/u;
/** How far back before a comma a work's noun may name what follows in apposition (`column on Aug. 10,`). */
const MAX_APPOSITION_LOOKBACK = 6;
/** Between two items of one list of quoted words: `"storm," "Dover" and "sea walls."`. */
const LIST_GAP = /^[\s,;]*(?:(?:and|or)\s+)?$/u;
/** Items of a list of quoted words are words or short phrases; a longer span after a title is speech
 * (`on the show "Face the Nation," "We will win…," she said`). */
const MAX_LISTED_WORDS = 4;
const MIN_PARTIAL_WORDS = 3;
/** A lower-case clause this long after a naming noun, ending in punctuation and credited to a speaker, is what
 * they said. */
const MIN_SPOKEN_CLAUSE_WORDS = 4;

/** Features of the words around a span: those right before its opening mark, and a citation after it. */
interface Context {
  /** `the 2014 "Border Protection Initiative."`: a year right before the mark dates a named thing. */
  afterYear: boolean;
  /** `In her column on May 3, "…,"`: the title of a work named just before, in apposition. */
  workApposition: boolean;
  /** `"Council accused of hiding the harbour report," by Post's Jane Doe`, `"No to Schengen" (2005)`: a cited title,
   * or the excerpt of the cited article after it (`…," by Post's Jane Doe: "A Dover man is suing…"`). */
  citation: boolean;
  /** `terms such as "storm"`: words quoted to mention them, which may go on in a list. */
  mention: boolean;
  /** `author="…"`: the value of a markup attribute. */
  attributeValue: boolean;
  namingCue: boolean;
  /** `the show "…"`, `the word "…"`: a noun right before the mark that names what is quoted, unless what is quoted
   * is a clause someone said (`the grant program, "states were short of money," DeSantis said`). */
  nounCue: boolean;
  determiner: boolean;
  copula: boolean;
  preposition: boolean;
  /** `vowed to "end"`: "to" before the mark is mostly the infinitive's, the quoted word a verb. */
  afterTo: boolean;
  /** `"Denver," he answered`: the span opens its sentence and the speaker follows it, a whole utterance. */
  utterance: boolean;
  /** `CNN's "New Day"`: a possessive name right before the mark owns what is quoted. */
  possessive: boolean;
  /** `the band played "Long Road Home."`: a performing verb right before the mark has a work as its object. */
  performed: boolean;
  /** `said the "fiscal rules" were…`: the quoted words open the reported clause, naming its subject. */
  clauseSubject: boolean;
  /** `said the "…"`, `praised her "…"`: a determiner right after a speech verb opens the quoted words. */
  afterSpeechVerb: boolean;
  callingVerb: boolean;
  /** A speech verb earlier in the clause (`saying it was "childish"`, `21 percent said "not too likely"`),
   * even where no speaker is found for it: the quoted words are part of what was said. */
  speechVerb: boolean;
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return [start, end];
}

/** "Coalition of the Willing", "Line of Duty": every cased word capitalised, minor words aside. */
export function isTitleCase(text: string): boolean {
  let capitalised = 0;
  // Word by word: most quotations are settled by their first lower-case word.
  TITLE_WORD.lastIndex = 0;
  for (let match = TITLE_WORD.exec(text); match !== null; match = TITLE_WORD.exec(text)) {
    const word = match[0];
    if (STARTS_UPPER.test(word)) capitalised++;
    else if (STARTS_LOWER.test(word) && !SMALL_TITLE_WORDS.has(word)) return false;
  }
  return capitalised > 0;
}

/** Features of the words around a span (mostly before its opening mark). `spanBefore`: the quoted span before it
 * in its block; `listOfMentions`: the span goes on a list whose first item is quoted to mention it. */
function contextOf(
  ctx: AttributionContext, span: MarkedSpan, spanBefore: MarkedSpan | undefined, windowStart: number, utterance: boolean, listOfMentions: boolean,
): Context {
  const { tokens } = ctx;
  let k = tokens.indexAt(span.open) - 1;
  const previous = k >= 0 && tokens.end(k) > windowStart ? tokens.lower(k) : "";
  const determiner = DETERMINERS.has(previous);
  const copula = COPULAS.has(previous);
  const preposition = PREPOSITIONS.has(previous);
  const afterSpeechVerb = determiner && previous !== "that" && k >= 1 && tokens.end(k - 1) > windowStart && isSpeechVerb(tokens.text(k - 1));
  // Only a verb reporting a clause has one after it (`said the "fiscal rules" were`); after `praised`, `pledged`
  // or `asked` the phrase is the verb's object (`praised her "tireless volunteers"`).
  const clauseSubject = afterSpeechVerb && CLAUSE_SPEECH_VERBS.has(tokens.lower(k - 1));
  const possessive = k >= 0 && tokens.end(k) > windowStart && isPossessive(tokens, k) && tokens.capitalised(k);
  const afterYear = k >= 0 && tokens.end(k) > windowStart && YEAR.test(tokens.text(k));
  // `Her memoir, "Becoming",` names the work right after a comma.
  const afterComma = tokens.text(k) === ",";
  if (afterComma) k--;
  const cue = k >= 0 && tokens.end(k) > windowStart ? tokens.lower(k) : "";
  // "a film called 'X'" names; "what he called 'months of dithering'" quotes someone's words.
  const spokenCall = CALLING_VERBS.has(cue) && (PRONOUNS.has(tokens.lower(k - 1)) || tokens.capitalised(k - 1));
  // `terms such as "storm"`, `phrases like "red line"`: words quoted to mention them.
  const mentionNoun = cue === "as" && tokens.lower(k - 1) === "such" ? tokens.lower(k - 2)
    : cue === "like" || cue === "including" ? tokens.lower(k - 1) : "";
  // `known as "X"`, `billed as "…"`: a name or a label; `Latin for "…"`: a translation.
  const labelled = (cue === "as" && LABELLED_AS.has(tokens.lower(k - 1))) || (cue === "for" && LANGUAGE_NAMES.has(tokens.lower(k - 1)));
  // `the word "storm"`, `terms such as "storm"`, and the list they open: words quoted as words; but
  // `in her words, "…"`, `in the mayor's words, "…"` gives someone's words.
  const ownWords = (cue === "words" || cue === "word") && (POSSESSIVE_DETERMINERS.has(tokens.lower(k - 1)) || isPossessive(tokens, k - 1));
  const mentionByNoun = (MENTION_NOUNS.has(cue) && !ownWords) || MENTION_NOUNS.has(mentionNoun);
  const mention = mentionByNoun || listOfMentions;
  // `rated "confidential"`, `graded "A"`: a grade or a class on a scale, not words someone said.
  const rating = RATING_VERBS.has(cue) || (cue === "as" && RATING_VERBS.has(tokens.lower(k - 1)));
  // `according to the "homes for all" plan`: the quoted words open the source's name, not what it says.
  const inSource = DETERMINERS.has(cue) && tokens.lower(k - 1) === "to" && tokens.lower(k - 2) === "according";
  const nounCue = (NAMING_CUES.has(cue) && !spokenCall && !ownWords) || mentionByNoun;
  const namingCue = labelled || listOfMentions || rating || inSource || isAgentlessLabel(ctx, span, k);
  let callingVerb = false;
  let speechVerb = false;
  for (let i = k; i >= 0 && tokens.start(i) >= windowStart && !callingVerb; i--) {
    callingVerb = CALLING_VERBS.has(tokens.lower(i)) && k - i < MAX_CALLING_REACH;
    // "the state", "a tweet", "his call": after a determiner or a possessive the word is a noun.
    speechVerb ||= isSpeechVerb(tokens.text(i)) && !(i > 0 && (DETERMINERS.has(tokens.lower(i - 1)) || isPossessive(tokens, i - 1)));
  }
  const attributeValue = span.open > 0 && ctx.text[span.open - 1] === "=";
  const citation = isCitation(ctx.text, span) ||
    (spanBefore?.close != null && EXCERPT_AFTER_CITATION.test(ctx.text.slice(spanBefore.close + 1, span.open)));
  return {
    afterYear, workApposition: afterComma && namesWorkBefore(tokens, k, windowStart), attributeValue, citation, namingCue, nounCue, mention, determiner, copula, preposition, afterTo: previous === "to", utterance, possessive, performed: PERFORMING_VERBS.has(previous), clauseSubject, afterSpeechVerb,
    callingVerb, speechVerb,
  };
}

/** `what has been described as a "fortress budget"`, `has long been called "the Rock"`: a label in circulation,
 * its user unnamed (no `by her critics` after it), is nobody's quotation. `k`: the token before the mark. */
function isAgentlessLabel(ctx: AttributionContext, span: MarkedSpan, k: number): boolean {
  const { tokens } = ctx;
  let i = k;
  if (DETERMINERS.has(tokens.lower(i))) i--;
  if (tokens.lower(i) === "as") i--;
  if (!CALLING_VERBS.has(tokens.lower(i))) return false;
  const before = tokens.lower(i - 1);
  const been = before === "been" || (before.endsWith("ly") && tokens.lower(i - 2) === "been");
  return been && span.close !== null && !AGENT_AFTER.test(ctx.text.slice(span.close + 1, span.close + 8));
}

/** Whether the words before a comma at token `k` end with a work's noun and at most a short phrase placing it
 * (`In Sen. Lowe's column on May 3,`): what follows the comma is its title. */
function namesWorkBefore(tokens: AttributionContext["tokens"], k: number, windowStart: number): boolean {
  for (let i = k, n = 0; i >= 0 && n < MAX_APPOSITION_LOOKBACK && tokens.end(i) > windowStart; i--, n++) {
    const word = tokens.lower(i);
    if (NAMING_CUES.has(word)) return n > 0; // right before the comma is the older `Her memoir, "…"` rule
    if (!PREPOSITIONS.has(word) && !tokens.capitalised(i) && !NUMBER.test(word) && word !== ".") return false;
  }
  return false;
}

/** A headline or title cited with its author, year or source, as a roundup of articles, letters to the editor
 * or posters give them. */
function isCitation(text: string, span: MarkedSpan): boolean {
  if (span.close === null || !FIRST_LETTER_UPPER.test(text.slice(span.start, Math.min(span.end, span.start + 8)))) return false;
  let from = span.close + 1;
  const comma = text[span.end - 1] === "," || text[from] === ",";
  if (text[from] === ",") from++;
  const rest = text.slice(from, from + 80);
  const after = CITATION_AFTER.exec(rest);
  if (after !== null && (comma || after[0].endsWith(")"))) return true;
  return comma && text[span.open - 1] === "(" && SOURCE_IN_PARENTHESES.test(rest);
}

function isShortTitle(text: string, words: number): boolean {
  return words <= MAX_TITLE_WORDS_WITH_STOP && !ENDS_EXCLAMATION_OR_QUESTION.test(text);
}

/** Whether a quoted span is speech rather than a scare quote, a title or a name. */
export function isQuotation(text: string, context: Context, attributedSpeaker: boolean): boolean {
  if (context.namingCue || context.attributeValue || context.citation) return false;
  const attributed = attributedSpeaker || context.speechVerb;
  const words = countWords(text);
  if (context.nounCue && !(attributedSpeaker && words >= MIN_SPOKEN_CLAUSE_WORDS && STARTS_LOWER.test(text) && SPEECH_END.test(text))) return false;
  // A work's title in apposition, unless someone is credited with the words (`On her podcast, "…," Lowe said`).
  if (context.workApposition && !attributed) return false;
  if (context.afterYear && isTitleCase(text)) return false;
  // A whole utterance (`"Denver," he answered`, `"Happy New Year!" she wrote`) may be title case.
  if (!context.utterance && isTitleCase(text) && (!SENTENCE_END.test(text) || (!attributed && isShortTitle(text, words)))) return false;
  // `he said on "Meet the Press."`, `told ABC's "Good Morning America."`, `sang "Long Road Home."`: a title, whatever its stop.
  if ((context.preposition || context.possessive || context.performed) && words <= MAX_OWNED_TITLE_WORDS && isTitleCase(text) && !ENDS_EXCLAMATION_OR_QUESTION.test(text)) return false;
  if (words >= 2 && SPEECH_END.test(text)) return true;
  // A short noun phrase named as a thing, unattributed ("the 'special relationship'") or as the subject of a
  // reported clause ("said the 'fiscal rules' were…"), is a scare quote; elsewhere in a reported clause ("X said
  // Y was a 'proven failure'", "described her victory as a 'turning point'") the marks give the speaker's words.
  // A lone word as a speech verb's object is one too (`promised a "bonfire" of rules`).
  const scareQuoted = !attributed || context.clauseSubject || (context.afterSpeechVerb && words === 1);
  if (context.determiner && words <= MIN_PARTIAL_WORDS && !context.callingVerb && scareQuoted) return false;
  // A characterising verb makes even a bare word a quotation ("calling the vote 'rigged'").
  if (context.callingVerb) return true;
  // One or two words: a complement ("was 'deeply flawed'") or part of the reported clause ("will 'never'
  // accept", "left with 'no choice'", "vowed to 'end'"), but not a lone object of a preposition ("warned of 'stagflation'").
  if (attributed) return words >= 2 || context.copula || !context.preposition || context.afterTo;
  return words >= MIN_UNATTRIBUTED_WORDS;
}

/** Whether `sentence`, inside the block ending at `blockEnd`, is only an attribution (`Trump said.`). */
function isBareAttributionAt(ctx: AttributionContext, sentence: Sentence | undefined, blockEnd: number): boolean {
  return sentence !== undefined && sentence.end <= blockEnd && isBareAttribution(ctx, sentence.start, sentence.end);
}

/** Sentence containing `offset` (sentences sorted, covering every block). */
function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  return sentences[firstNotBefore(sentences.length, (i) => sentences[i]!.start <= offset) - 1];
}

interface Candidate {
  span: MarkedSpan;
  start: number;
  end: number;
  local: Attribution | null;
  /** A word or phrase quoted to mention it (`terms such as "storm"`), whatever its speaker. */
  mention: boolean;
  /** A speech verb leads into the quotation in its own clause (`It continued: "…"`), whoever its subject is. */
  ownVerb: boolean;
  /** The subject of the quotation's sentence, the guess when no speech verb attributes it. */
  subject: Attribution | null;
  quotation: boolean;
  credit: Credit;
}

/** Sentences of every block, in document order. */
export function documentSentences(doc: PlainDocument): Sentence[] {
  const sentences: Sentence[] = []; // one array for all blocks: flatMap's array per block showed in profiles
  for (const block of doc.blocks) sentenceRanges(doc.text, block.start, block.end, sentences);
  return sentences;
}

/** Quotations of a document with speakers resolved to the fullest names. */
export function quotesOf(doc: PlainDocument, sentences: readonly Sentence[], ctx: AttributionContext): Quote[] {
  const { text, blocks } = doc;
  const spans = findMarkedSpans(doc);
  const candidates: Candidate[] = [];
  spans.forEach((span, i) => {
    const [start, end] = trimRange(text, span.start, span.end);
    if (end <= start) return;
    const block = blocks[span.block]!;
    const previous = spans[i - 1]?.block === span.block ? spans[i - 1] : undefined;
    const next = spans[i + 1]?.block === span.block ? spans[i + 1] : undefined;
    const openSentence = sentenceAt(sentences, span.open);
    const closeSentence = sentenceAt(sentences, span.close ?? span.end - 1);
    const leadingFrom = Math.max(openSentence?.start ?? block.start, previous ? (previous.close ?? previous.end) + 1 : block.start);
    const trailingFrom = span.close === null ? span.end : span.close + 1;
    // A quotation ending its sentence (`…?" Zelenskyy asked`) may be attributed in the next one.
    // Only a question or exclamation ends its sentence before the attribution; after a full stop the next
    // sentence is new narrative (`"…generation." Bookings, Wrona says, tripled`), unless it is nothing but an
    // attribution (`"…missing." Trump said.`).
    const closesSentence = span.close !== null && closeSentence !== undefined && closeSentence.end === span.close + 1 &&
      (ENDS_EXCLAMATION_OR_QUESTION.test(text.slice(start, end)) || isBareAttributionAt(ctx, sentenceAt(sentences, closeSentence.end + 1), block.end));
    const attributionSentence = closesSentence ? sentenceAt(sentences, closeSentence.end + 1) ?? closeSentence : closeSentence;
    const trailingTo = Math.min(attributionSentence?.end ?? block.end, block.end, next?.open ?? block.end);
    const sentenceStart = openSentence?.start ?? block.start;
    // The whole sentence is a fallback: it reaches verbs before an earlier quoted span ("X said the 'a' … but warned 'b'").
    const after = attributeAfter(ctx, trailingFrom, trailingTo);
    // `Hale replied: "What difference does it make?" His critics…`: a lead-in ending in a colon or comma right
    // before the mark attributes the question, not the next sentence.
    const leadsIn = closesSentence && after !== null && sentenceStart < span.open && LEAD_IN_END.test(text.slice(Math.max(sentenceStart, span.open - 3), span.open))
      ? attributeBefore(ctx, leadingFrom, span.open) : null;
    const local = leadsIn ?? after ?? attributeBefore(ctx, leadingFrom, span.open) ??
      (sentenceStart < leadingFrom ? attributeBefore(ctx, sentenceStart, span.open) : null);
    const utterance = after !== null && sentenceStart === span.open;
    const before = candidates[candidates.length - 1];
    const listOfMentions = before !== undefined && before.mention && before.span.block === span.block && before.span.close !== null &&
      LIST_GAP.test(text.slice(before.span.close + 1, span.open)) && countWords(text.slice(start, end)) <= MAX_LISTED_WORDS;
    const context = contextOf(ctx, span, previous, leadingFrom, utterance, listOfMentions);
    const quotation = isQuotation(text.slice(start, end), context, local !== null);
    const credited = credit(local, leadsIn === null && after !== null && closesSentence ? "adjacent" : "same-sentence");
    candidates.push({ span, start, end, local, mention: context.mention, ownVerb: context.speechVerb, quotation, credit: credited, subject: sentenceStart < span.open ? sentenceSubject(ctx, sentenceStart, span.open) : null });
  });
  // A quotation over several paragraphs is one quotation: one verdict and one speaker for all its spans.
  const groups = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const group = groups.get(c.span.group);
    if (group) group.push(c);
    else groups.set(c.span.group, [c]);
  }
  const quotes: Quote[] = [];
  const unattributed: Quote[] = [];
  let lastQuote: Candidate | undefined;
  for (const group of groups.values()) {
    if (!group.some((c) => c.quotation)) continue;
    const attributed = group.find((c) => c.local !== null);
    const guessed = group.find((c) => c.subject !== null);
    // The subject of the quotation's own sentence is a likelier speaker than the one of the paragraph before.
    const credited = attributed ? attributed.credit
      : guessed ? credit(guessed.subject, "same-sentence") : signedBelow(ctx, doc, group[group.length - 1]!) ?? inheritSpeaker(ctx, doc, sentences, group[0]!, lastQuote);
    for (const c of group) {
      c.credit = credited;
      const quote: Quote = { text: text.slice(c.start, c.end), start: c.start, end: c.end, ...credited };
      quotes.push(quote);
      if (!attributed && credited.speaker === null) unattributed.push(quote);
    }
    lastQuote = group[group.length - 1];
  }
  if (unattributed.length > 0) speakRepeatedQuotes(quotes, unattributed);
  return quotes;
}

/** A headline quoting words the article attributes later (`'We were never cool': the Pylons …`) has the
 * speaker of those words. */
function speakRepeatedQuotes(quotes: readonly Quote[], unattributed: readonly Quote[]): void {
  const speakers = new Map<string, Credit>();
  for (const q of quotes) {
    const key = q.text.replace(TRAILING_PUNCTUATION, "");
    if (q.speaker !== null && !speakers.has(key)) speakers.set(key, q);
  }
  for (const q of unattributed) Object.assign(q, inherit(speakers.get(q.text.replace(TRAILING_PUNCTUATION, "")) ?? NO_CREDIT));
}

/** The speaker signing a quotation that ends its paragraph from the next paragraph (`- Bernie Sanders.`), or null. */
function signedBelow(ctx: AttributionContext, doc: PlainDocument, c: Candidate): Credit | null {
  const block = doc.blocks[c.span.block]!;
  const next = doc.blocks[c.span.block + 1];
  if (next === undefined || doc.text.slice(c.span.close ?? c.end, block.end).trim().length > 1) return null;
  const found = credit(signature(ctx, next.start, next.end), "adjacent");
  return found.speaker === null ? null : found;
}

/** Speaker of an unattributed quotation: a speech verb earlier in its paragraph, the quotation
 * before it in the paragraph, or the end of the previous paragraph (`Zelenskyy added:`). */
function inheritSpeaker(
  ctx: AttributionContext, doc: PlainDocument, sentences: readonly Sentence[], c: Candidate, lastQuote: Candidate | undefined,
): Credit {
  const block = doc.blocks[c.span.block]!;
  const sameBlock = lastQuote?.span.block === c.span.block ? lastQuote : undefined;
  const from = sameBlock ? (sameBlock.span.close ?? sameBlock.end) + 1 : block.start;
  const earlier = attributeBefore(ctx, from, c.span.open);
  // `Wells wrote in the report. It continued: "…"`: a speech verb of the quotation's own whose subject names nobody
  // says someone else speaks; the speaker found further back is then a guess, never certain.
  if (earlier) return c.ownVerb ? inherit(credit(earlier, "adjacent")) : credit(earlier, "adjacent");
  if (sameBlock) return inherit(sameBlock.credit);
  const previousBlock = doc.blocks[c.span.block - 1];
  if (!previousBlock || previousBlock.kind === "heading") return NO_CREDIT;
  if (lastQuote?.span.block === c.span.block - 1) return inherit(lastQuote.credit);
  const lastSentence = sentenceAt(sentences, previousBlock.end - 1);
  const found = credit(attributeBefore(ctx, lastSentence?.start ?? previousBlock.start, previousBlock.end), "adjacent");
  // `Zelenskyy added:` leads into the paragraph; a verb in a plain last sentence may attribute something else.
  return doc.text[previousBlock.end - 1] === ":" ? found : inherit(found);
}

/** Every quotation of a source (Markdown body by default), in article order. */
export function extractQuotes(source: string | PlainDocument, format: SourceFormat = "markdown"): Quote[] {
  const doc = typeof source === "string" ? toPlainDocument(source, format) : source;
  return quotesOf(doc, documentSentences(doc), createAttributionContext(doc.text));
}
