/** The character sets every scanner shares — quote marks and sentence ends — in one place, as strings,
 * with the regex classes and code-unit tests built from them. */
import { codeAt } from "./chars.js";

/** Every quote mark the mark scanner pairs: straight, curly, low-9, guillemets and corner brackets. */
export const QUOTE_MARKS = "\"'“”„‘’‚«»‹›「」『』";
/** Marks that can open a quotation (the straight ones do both). */
export const OPENING_QUOTE_MARKS = "\"'“‘„‚«‹「『";
/** Marks that only ever close one. */
export const CLOSING_QUOTE_MARKS = "”’»›」』";
/** Marks that may close a quotation: the straight ones and those that only close. */
export const QUOTE_CLOSERS = `"'${CLOSING_QUOTE_MARKS}`;
/** What may follow a sentence's end and still belong to it: closing quote marks and brackets. */
export const SENTENCE_CLOSERS = `${QUOTE_CLOSERS})]`;
/** Sentence ends of alphabetic scripts. */
export const LATIN_SENTENCE_ENDS = ".!?…";
/** Sentence ends that need no following space (Chinese and Japanese). */
export const CJK_SENTENCE_ENDS = "。！？";
/** Characters that end a sentence. */
export const SENTENCE_ENDS = LATIN_SENTENCE_ENDS + CJK_SENTENCE_ENDS;
/** Sentence ends that also end a quotation's sentence before its attribution (`…?" she asked`). */
export const EXCLAMATION_OR_QUESTION = "!?…！？";
/** Clause punctuation an extract may end with where a sentence stops short: `,` `;` `:` and dashes. */
export const CLAUSE_ENDS = ",;:—–-";

/** `chars` escaped for use inside a regex character class `[…]`. */
export function charClass(chars: string): string {
  return chars.replace(/[\\\]^[-]/gu, "\\$&");
}

/** The UTF-16 code units of `chars` (all in the BMP), for the scanners that read code units. */
export function codeSet(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

const SENTENCE_END_CODES = codeSet(SENTENCE_ENDS);
const SENTENCE_CLOSER_CODES = codeSet(SENTENCE_CLOSERS);

/** Whether `text` ends with a sentence end, possibly followed by closing marks or brackets. Read backwards:
 * a regex anchored with `$` tries every position of the text. */
export function endsSentence(text: string): boolean {
  let last = text.length - 1;
  while (last >= 0 && SENTENCE_CLOSER_CODES.has(codeAt(text, last))) last--;
  return last >= 0 && SENTENCE_END_CODES.has(codeAt(text, last));
}
/** Punctuation and spaces trailing a span, which British and American styles place differently. */
export const TRAILING_PUNCTUATION = new RegExp(`[\\s${charClass(CLAUSE_ENDS + LATIN_SENTENCE_ENDS)}]+$`, "u");
