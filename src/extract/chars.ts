/** Character tests for the linear scanners. They work on UTF-16 code units (`codeAt`), so the hot
 * loops allocate no one-character strings and run no regex per character: ASCII is answered inline,
 * other units from tables filled lazily with the Unicode-property regexes. */

// `String.prototype.charCodeAt`, called directly. Once any code in the process uses String.prototype as
// the prototype of another object (nunjucks does, for its SafeString, and the site build loads it), V8
// stops resolving `text.charCodeAt` when it compiles a loop and looks the method up on every call: the
// character loops ran 2–3× slower in the build process. Calling the captured function avoids the lookup.
const charCodeAt = String.prototype.charCodeAt;

/** `text.charCodeAt(i)`, for the character loops (see above). */
export function codeAt(text: string, i: number): number {
  return charCodeAt.call(text, i);
}

export const OTHER = 0;
/** Letters and digits: start or continue a word. */
export const LETTER = 1;
/** Combining marks and variation selectors: continue a word, never start one. */
export const MARK = 2;
/** Han and Kana: one word each. */
export const IDEOGRAPH = 3;

const LETTER_TEST = /^[\p{L}\p{N}]$/u;
const MARK_TEST = /^\p{M}$/u;
const IDEOGRAPH_TEST = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

function classify(ch: string): number {
  return IDEOGRAPH_TEST.test(ch) ? IDEOGRAPH : LETTER_TEST.test(ch) ? LETTER : MARK_TEST.test(ch) ? MARK : OTHER;
}

// Class + 1 per BMP code point (0: not computed yet); astral code points are rare enough for a Map.
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classOfCodePoint(codePoint: number): number {
  if (codePoint < 0x10000) {
    let stored = bmpClasses[codePoint]!;
    if (stored === 0) bmpClasses[codePoint] = stored = classify(String.fromCharCode(codePoint)) + 1;
    return stored - 1;
  }
  let cls = astralClasses.get(codePoint);
  if (cls === undefined) astralClasses.set(codePoint, (cls = classify(String.fromCodePoint(codePoint))));
  return cls;
}

const ASCII_CLASSES = Uint8Array.from({ length: 128 }, (_, code) =>
  (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) ? LETTER : OTHER);

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The class of the UTF-16 unit at `i` (< text.length): both halves of a surrogate pair get the pair's
 * class, a lone surrogate is OTHER. */
export function classAt(text: string, i: number): number {
  const code = codeAt(text, i);
  return code < 128 ? ASCII_CLASSES[code]! : nonAsciiClassAt(text, i, code);
}

// Apart from `classAt`, which stays small enough for the JIT to inline into every scanner.
function nonAsciiClassAt(text: string, i: number, code: number): number {
  if (isHighSurrogate(code)) {
    const next = i + 1 < text.length ? codeAt(text, i + 1) : 0;
    return isLowSurrogate(next) ? classOfCodePoint(((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000) : OTHER;
  }
  if (isLowSurrogate(code)) {
    const previous = i > 0 ? codeAt(text, i - 1) : 0;
    return isHighSurrogate(previous) ? classOfCodePoint(((previous - 0xd800) << 10) + (code - 0xdc00) + 0x10000) : OTHER;
  }
  return classOfCodePoint(code);
}

/** Memoises a test of one UTF-16 unit (as `pattern.test(text[i])` would see it) in a table. */
export function unitTest(pattern: RegExp | ((unit: string) => boolean)): (code: number) => boolean {
  const holds = pattern instanceof RegExp ? (unit: string) => pattern.test(unit) : pattern;
  const table = new Uint8Array(0x10000); // 0: not computed, 1: no, 2: yes
  return (code) => {
    let stored = table[code]!;
    if (stored === 0) table[code] = stored = holds(String.fromCharCode(code)) ? 2 : 1;
    return stored === 2;
  };
}

const isNonAsciiSpace = unitTest(/\s/u);
const isNonAsciiLetterOrDigit = unitTest(/[\p{L}\p{N}]/u);
const isNonAsciiUpperOrDigit = unitTest(/[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u);
const isNonAsciiUpper = unitTest(/\p{Lu}/u);
const isNonAsciiUpperOrTitle = unitTest(/[\p{Lu}\p{Lt}]/u);
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_UPPER_OR_TITLE = /^[\p{Lu}\p{Lt}]/u;

/** `/[\p{L}\p{N}]/u` for an ASCII code unit: the scanners' inline fast path, as `classAt` is too big to inline
 * in their loops once other calls have used up the JIT's inlining budget. */
export const isAsciiLetterOrDigit = (code: number): boolean => (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);

/** Whether `text[start, end)` is all ASCII without capitals: text that `toLowerCase` leaves as it is. */
export function isLowerAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = codeAt(text, i);
    if (code >= 128 || (code >= 65 && code <= 90)) return false;
  }
  return true;
}

/** `/\s/u` for one code unit (NaN, past the end of a string, is no space). */
export function isSpaceCode(code: number): boolean {
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : isNonAsciiSpace(code);
}

/** `/[\p{L}\p{N}]/u` for one code unit (a surrogate half is neither). */
export function isLetterOrDigitCode(code: number): boolean {
  return code < 128 ? isAsciiLetterOrDigit(code) : isNonAsciiLetterOrDigit(code);
}

/** `/[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u` for one code unit. */
export function isUpperOrDigitCode(code: number): boolean {
  return code < 128 ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) : isNonAsciiUpperOrDigit(code);
}

/** Whether the code point at `i` is an upper-case letter (`/^\p{Lu}/u`), or with `orTitle` also a
 * title-case one (`/^[\p{Lu}\p{Lt}]/u`). */
export function isUpperAt(text: string, i: number, orTitle = false): boolean {
  const code = codeAt(text, i);
  if (code < 128) return code >= 65 && code <= 90;
  if (code >= 0xd800 && code <= 0xdfff) return (orTitle ? STARTS_UPPER_OR_TITLE : STARTS_UPPER).test(text.slice(i, i + 2));
  return orTitle ? isNonAsciiUpperOrTitle(code) : isNonAsciiUpper(code);
}
