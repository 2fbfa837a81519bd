/** Character classes for the linear scanners, computed once per text into a byte array
 * (ASCII inline, other code points through a cache of Unicode-property tests). */

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
const cache = new Map<number, number>();

function classOf(codePoint: number): number {
  let cls = cache.get(codePoint);
  if (cls === undefined) {
    const ch = String.fromCodePoint(codePoint);
    cls = IDEOGRAPH_TEST.test(ch) ? IDEOGRAPH : LETTER_TEST.test(ch) ? LETTER : MARK_TEST.test(ch) ? MARK : OTHER;
    cache.set(codePoint, cls);
  }
  return cls;
}

/** The class of every UTF-16 unit of `text` (both halves of a surrogate pair get the pair's class). */
export function charClasses(text: string): Uint8Array {
  const classes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      const lower = code | 32;
      classes[i] = (code >= 48 && code <= 57) || (lower >= 97 && lower <= 122) ? LETTER : OTHER;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        classes[i] = classes[i + 1] = classOf(((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
        i++;
      }
    } else if (code >= 0xd800 && code <= 0xdfff) {
      classes[i] = OTHER; // lone surrogate
    } else {
      classes[i] = classOf(code);
    }
  }
  return classes;
}
