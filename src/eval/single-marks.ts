/** The British-style variant of a corpus: every figure is also measured with single quote marks. */
import type { CorpusCase, Matching } from "./corpus.js";

const DOUBLE_TO_SINGLE: Readonly<Record<string, string>> = { '"': "'", "“": "‘", "”": "’" };
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Converts double quote marks to single ones and inner single quote marks to double, character for
 * character (offsets are kept). A single mark opens when it follows a non-letter and precedes a letter
 * (not `'90s`, `'n'`); its closer is a closing-looking single mark before the next opener (see below), or
 * none when the quotation runs on into the next paragraph. German „…“ and other marks are left alone. */
export function toSingleMarks(text: string): string {
  if (text.includes("„")) return text;
  const out = text.split("");
  const isOpener = (i: number): boolean =>
    (out[i] === "'" || out[i] === "‘") && !WORD_CHAR.test(out[i - 1] ?? " ") && WORD_CHAR.test(out[i + 1] ?? " ") &&
    !/^(?:\d\d|n['’])/u.test(text.slice(i + 1, i + 3));
  const isCloser = (i: number): boolean =>
    (out[i] === "'" || out[i] === "’") && !/\s/u.test(out[i - 1] ?? " ") && !WORD_CHAR.test(out[i + 1] ?? " ") &&
    !(out[i - 1] === "n" && /['‘’]/u.test(out[i - 2] ?? ""));
  const swaps: [number, string][] = [];
  const toDouble = (i: number): void => void swaps.push([i, out[i] === "'" ? '"' : out[i] === "‘" ? "“" : "”"]);
  for (let i = 0; i < out.length; i++) {
    if (!isOpener(i)) continue;
    // Prefer a closer next to punctuation, then one not after -s (a plural possessive), then the last one.
    let strong = -1;
    let weak = -1;
    let last = -1;
    let j = i + 1;
    for (; j < out.length && out[j] !== "\n" && !isOpener(j); j++) {
      if (!isCloser(j)) continue;
      last = j;
      if (strong < 0 && (/\p{P}/u.test(out[j - 1]!) || /\p{P}/u.test(out[j + 1] ?? "."))) strong = j;
      if (weak < 0 && out[j - 1] !== "s") weak = j;
    }
    const closer = strong >= 0 ? strong : weak >= 0 ? weak : last;
    if (closer >= 0) {
      toDouble(i);
      toDouble(closer);
      i = closer;
    } else if (out[j] === "\n" && /^\n+['‘]/u.test(text.slice(j, j + 4))) {
      toDouble(i); // a quotation continued in the next paragraph
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = DOUBLE_TO_SINGLE[out[i]!] ?? out[i]!;
  for (const [i, mark] of swaps) out[i] = mark;
  return out.join("");
}

/** Double marks made single, inner single marks left as they are: what the team's scorer feeds with
 * `--style british`, so that figures on a corpus in its format (`tokens` matching) are the same as its own. */
export function toSingleMarksAsTheTeam(text: string): string {
  return text.replace(/“/gu, "‘").replace(/”/gu, "’").replace(/"/gu, "'");
}

/** The same case with single (British) marks: gold spans keep their offsets. A corpus in the team's format
 * is converted as the team's scorer converts it. */
export function toSingleMarkCase(c: CorpusCase, matching: Matching = "exact"): CorpusCase {
  const convert = matching === "tokens" ? toSingleMarksAsTheTeam : toSingleMarks;
  const text = convert(c.text);
  const convertSpan = (span: string): string => {
    const at = c.text.indexOf(span);
    return at < 0 ? convert(span) : text.slice(at, at + span.length);
  };
  return {
    ...c,
    text,
    quotes: c.quotes.map((q) => ({ ...q, text: convertSpan(q.text) })),
    nonQuotes: c.nonQuotes?.map(convertSpan),
    summary: c.summary === undefined ? undefined : convert(c.summary),
  };
}
