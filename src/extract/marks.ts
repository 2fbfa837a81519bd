/** Quote-mark scanning: tells quote marks from apostrophes and pairs them into spans, per block. */
import { firstNotBefore } from "./bisect.js";
import { CLOSING_QUOTE_MARKS, QUOTE_MARKS, charClass } from "./charsets.js";
import type { PlainDocument } from "./types.js";

type Family = "double" | "single" | "guillemet" | "single-guillemet" | "corner" | "white-corner";

/** A quoted span between marks: `[start, end)` is the content, marks excluded, untrimmed. */
export interface MarkedSpan {
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark's last character (a mark may be two: `''`), or null when the quotation runs
   * on into the next paragraph. */
  close: number | null;
  block: number;
  /** Spans of one quotation running over several paragraphs share a group id. */
  group: number;
}

interface OpenMark {
  family: Family;
  char: string;
  pos: number;
  /** 2 for two apostrophes typed as one double mark (`''`). */
  width: number;
}

const FAMILY_OF: Readonly<Record<string, Family>> = {
  '"': "double", "“": "double", "”": "double", "„": "double",
  "'": "single", "‘": "single", "’": "single", "‚": "single",
  "«": "guillemet", "»": "guillemet", "‹": "single-guillemet", "›": "single-guillemet",
  "「": "corner", "」": "corner", "『": "white-corner", "』": "white-corner",
};
// Quote marks are sparse: a regex finds them far faster than a JavaScript loop over every character.
const MARK_PATTERN = new RegExp(`[${charClass(QUOTE_MARKS)}]`, "g");
const OPEN_CONTEXT = new Set([..."([{—–-/…:", ...QUOTE_MARKS]);
const CLOSE_CONTEXT = new Set([...".,;:!?)]}—–-…/。，、！？", ...QUOTE_MARKS]);
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/u;
// Elided words after an apostrophe: 'em, 'til, 'cause, 'tis, 'twas, 'n', 'bout, 'round.
const ELISIONS = new Set(["em", "til", "cause", "tis", "twas", "n", "bout", "round", "kay", "ello"]);

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || SPACE.test(ch);
}

/** An apostrophe starting a word: `'90s`, `'em`, rock `'n'` roll. */
function isLeadingElision(text: string, pos: number, end: number): boolean {
  let j = pos + 1;
  while (j < end && j - pos <= 6 && isLetter(text[j])) j++;
  const word = text.slice(pos + 1, j).toLowerCase();
  if (/^\d\d(?:s)?$/.test(word) && !isLetter(text[j])) return true;
  return ELISIONS.has(word) && (word !== "n" || text[j] === "'" || text[j] === "’");
}

/** The closing apostrophe of rock 'n' roll. */
function isTrailingElision(text: string, pos: number): boolean {
  return (text[pos - 1] === "n" || text[pos - 1] === "N") && (text[pos - 2] === "'" || text[pos - 2] === "‘" || text[pos - 2] === "’") && isSpace(text[pos - 3]);
}

type Flank = "open" | "close" | "both" | "neither";

function flankOf(text: string, pos: number, start: number, end: number, width: number): Flank {
  const prev = pos > start ? text[pos - 1] : undefined;
  const next = pos + width < end ? text[pos + width] : undefined;
  const canOpen = (prev === undefined || isSpace(prev) || OPEN_CONTEXT.has(prev)) && next !== undefined && !isSpace(next);
  const canClose = (next === undefined || isSpace(next) || CLOSE_CONTEXT.has(next)) && prev !== undefined && !isSpace(prev);
  return canOpen ? (canClose ? "both" : "open") : canClose ? "close" : "neither";
}

type Action = "open" | "close" | "ignore";

/** Scans one block, keeping a stack of open marks. */
class BlockScanner {
  private readonly stack: OpenMark[] = [];
  // Per-family stacks make "is this family open, and with which mark" O(1).
  private readonly byFamily = new Map<Family, OpenMark[]>();
  readonly closed: { open: number; openWidth: number; close: number; closeWidth: number }[] = [];
  /** Single marks that can only open or only close, for the possessive look-ahead. */
  private readonly singleFlanks: { pos: number; flank: Flank }[] = [];
  private singleCursor = 0;

  constructor(private readonly text: string, private readonly start: number, private readonly end: number) {}

  private innermost(family: Family): OpenMark | undefined {
    const marks = this.byFamily.get(family);
    return marks?.[marks.length - 1];
  }

  private isOpen(family: Family): boolean {
    return this.innermost(family) !== undefined;
  }

  private top(): OpenMark | undefined {
    return this.stack[this.stack.length - 1];
  }

  private push(family: Family, char: string, pos: number, width: number): void {
    const mark = { family, char, pos, width };
    this.stack.push(mark);
    const marks = this.byFamily.get(family);
    if (marks) marks.push(mark);
    else this.byFamily.set(family, [mark]);
  }

  /** Closes the innermost open mark of `family`, dropping unclosed marks opened inside it. */
  private close(family: Family, pos: number, width: number): void {
    if (!this.isOpen(family)) return;
    for (;;) {
      const mark = this.stack.pop()!;
      this.byFamily.get(mark.family)!.pop();
      if (mark.family === family) {
        this.closed.push({ open: mark.pos, openWidth: mark.width, close: pos, closeWidth: width });
        return;
      }
    }
  }

  private isApostrophe(pos: number, flank: Flank): boolean {
    const { text } = this;
    if (isLetter(text[pos - 1]) && isLetter(text[pos + 1])) return true;
    if (flank === "open" && isLeadingElision(text, pos, this.end)) return true;
    return flank === "close" && isTrailingElision(text, pos);
  }

  /** `workers' pension`: a closing-looking mark after -s that is followed by a word closes only if
   * the next single mark in the block would open rather than close. */
  private isPluralPossessive(pos: number): boolean {
    const { text } = this;
    if (text[pos - 1] !== "s" && text[pos - 1] !== "S") return false;
    let k = pos + 1;
    while (k < this.end && text[k] === " ") k++;
    if (k === pos + 1 || !isLetter(text[k])) return false;
    while (this.singleCursor < this.singleFlanks.length && this.singleFlanks[this.singleCursor]!.pos <= pos) this.singleCursor++;
    const next = this.singleFlanks[this.singleCursor];
    return next !== undefined && next.flank === "close";
  }

  private singleAction(char: string, pos: number, flank: Flank): Action {
    if (this.isApostrophe(pos, flank)) return "ignore";
    const top = this.top();
    if (char === "‘" && top?.char === "‚") return "close";
    if (char === "‚") return flank === "open" ? "open" : "ignore";
    if (flank === "open") return "open";
    if (flank === "close") {
      if (!this.isOpen("single") || this.isPluralPossessive(pos)) return "ignore";
      return "close";
    }
    // Not between letters (those are apostrophes): a mark standing alone (`'Oh, this is important,' ' he said`)
    // or squeezed between punctuation and a word (`paranoia,’Clinton said`, `here.'We`) closes an open
    // quotation; else a straight one before a word opens one. Curly left marks always open.
    if (char === "‘") return "open";
    if (this.isOpen("single")) return "close";
    return char === "'" && isLetter(this.text[pos + 1]) ? "open" : "ignore";
  }

  private doubleAction(char: string, flank: Flank): Action {
    const top = this.top();
    switch (char) {
      case "„":
        return "open";
      case "“":
        if (top?.char === "„") return "close";
        return flank === "close" && this.isOpen("double") ? "close" : "open";
      case "”":
        // Swedish and sloppy typing open with ”.
        return flank === "open" && !this.isOpen("double") ? "open" : "close";
      default:
        if (flank === "open") return "open";
        if (flank === "close") return "close";
        return this.isOpen("double") ? "close" : "open";
    }
  }

  private guillemetAction(char: string, family: Family, flank: Flank): Action {
    const opening = char === "«" || char === "‹";
    const openMark = this.innermost(family);
    if (openMark && openMark.char !== char) return "close";
    if (opening) return "open";
    // German »text« opens with the right-pointing mark.
    return flank === "open" ? "open" : "ignore";
  }

  private action(char: string, family: Family, pos: number, flank: Flank): Action {
    switch (family) {
      case "double":
        return this.doubleAction(char, flank);
      case "single":
        return this.singleAction(char, pos, flank);
      case "guillemet":
      case "single-guillemet":
        return this.guillemetAction(char, family, flank);
      default:
        return char === "「" || char === "『" ? "open" : "close";
    }
  }

  /** Scans the block's marks (`offsets[first…]`, sorted; those past the block end are ignored). */
  scan(offsets: readonly number[], first: number): void {
    const { text, start, end } = this;
    const marks: { pos: number; char: string; width: number; family: Family; flank: Flank }[] = [];
    for (let k = first; k < offsets.length && offsets[k]! < end; k++) {
      const i = offsets[k]!;
      const { char, width } = markAt(text, i, end);
      k += width - 1; // the second apostrophe of `''` is part of this mark
      const family = FAMILY_OF[char]!;
      const flank = flankOf(text, i, start, end, width);
      marks.push({ pos: i, char, width, family, flank });
      if (family === "single" && (flank === "open" || flank === "close") && !this.isApostrophe(i, flank)) {
        this.singleFlanks.push({ pos: i, flank });
      }
    }
    for (const { pos, char, width, family, flank } of marks) {
      if (width === 1 || !this.isOpen("single")) this.apply(char, family, pos, flank, width);
      // `'He said 'no''`: with a single quotation open, two apostrophes are two single marks closing together.
      else for (const at of [pos, pos + 1]) this.apply(text[at]!, "single", at, flankOf(text, at, start, end, 1), 1);
    }
  }

  private apply(char: string, family: Family, pos: number, flank: Flank, width: number): void {
    const action = this.action(char, family, pos, flank);
    if (action === "open") this.push(family, char, pos, width);
    else if (action === "close") this.close(family, pos, width);
  }

  /** The outermost mark still open at the end of the block. */
  outermostOpen(): OpenMark | undefined {
    return this.stack[0];
  }
}

/** Two apostrophes typed for one double mark (`''…''`, as typewriters and some newspapers write them). */
const DOUBLED_SINGLES: Readonly<Record<string, string>> = { "''": '"', "‘‘": "“", "’’": "”" };

/** The quote mark at `pos` (before `end`): one character, or two apostrophes standing for a double mark. */
function markAt(text: string, pos: number, end: number): { char: string; width: number } {
  const doubled = pos + 1 < end ? DOUBLED_SINGLES[text.slice(pos, pos + 2)] : undefined;
  return doubled === undefined ? { char: text[pos]!, width: 1 } : { char: doubled, width: 2 };
}

/** Whether the mark at `pos` can open a quotation of `family` (for quotations continued over paragraphs). */
function opensFamily(text: string, pos: number, end: number, family: Family): boolean {
  if (pos >= end || FAMILY_OF[text[pos]!] === undefined) return false;
  const { char } = markAt(text, pos, end);
  return FAMILY_OF[char] === family && !CLOSING_QUOTE_MARKS.includes(char);
}

/** Offsets of every quote mark in `text`, in order. */
function markOffsets(text: string): number[] {
  const offsets: number[] = [];
  MARK_PATTERN.lastIndex = 0;
  for (let match = MARK_PATTERN.exec(text); match !== null; match = MARK_PATTERN.exec(text)) offsets.push(match.index);
  return offsets;
}

/** Outermost quoted spans of every block, in document order. */
export function findMarkedSpans(doc: PlainDocument): MarkedSpan[] {
  const { text, blocks } = doc;
  const offsets = markOffsets(text);
  const spans: MarkedSpan[] = [];
  let group = 0;
  let continuing: number | null = null;
  blocks.forEach((block, index) => {
    const first = firstNotBefore(offsets.length, (k) => offsets[k]! < block.start);
    if (first === offsets.length || offsets[first]! >= block.end) {
      continuing = null; // no quote mark: nothing to scan, and no quotation runs through
      return;
    }
    const scanner = new BlockScanner(text, block.start, block.end);
    scanner.scan(offsets, first);
    const blockSpans: MarkedSpan[] = scanner.closed.map(({ open, openWidth, close, closeWidth }) => ({
      start: open + openWidth, end: close, open, close: close + closeWidth - 1, block: index, group: -1,
    }));
    const pending = scanner.outermostOpen();
    const nextBlock = blocks[index + 1];
    // A paragraph that leaves a quotation open and is followed by one reopening it continues it.
    if (pending && nextBlock && opensFamily(text, nextBlock.start, nextBlock.end, FAMILY_OF[pending.char]!)) {
      blockSpans.push({ start: pending.pos + pending.width, end: block.end, open: pending.pos, close: null, block: index, group: -1 });
    }
    blockSpans.sort((a, b) => a.start - b.start || b.end - a.end);
    let reach = -1;
    for (const span of blockSpans) {
      if (span.end <= reach) continue; // nested inside a kept span
      reach = span.end;
      const continuesPrevious = continuing !== null && span.open === block.start;
      span.group = continuesPrevious ? continuing! : group++;
      spans.push(span);
    }
    const last = spans[spans.length - 1];
    continuing = last && last.block === index && last.close === null ? last.group : null;
  });
  return spans;
}
