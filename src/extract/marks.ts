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
  /** Offset of the closing mark, or null when the quotation runs on into the next paragraph. */
  close: number | null;
  block: number;
  /** Spans of one quotation running over several paragraphs share a group id. */
  group: number;
}

interface OpenMark {
  family: Family;
  char: string;
  pos: number;
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

function flankOf(text: string, pos: number, start: number, end: number): Flank {
  const prev = pos > start ? text[pos - 1] : undefined;
  const next = pos + 1 < end ? text[pos + 1] : undefined;
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
  readonly closed: { open: number; close: number }[] = [];
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

  private push(family: Family, char: string, pos: number): void {
    const mark = { family, char, pos };
    this.stack.push(mark);
    const marks = this.byFamily.get(family);
    if (marks) marks.push(mark);
    else this.byFamily.set(family, [mark]);
  }

  /** Closes the innermost open mark of `family`, dropping unclosed marks opened inside it. */
  private close(family: Family, pos: number): void {
    if (!this.isOpen(family)) return;
    for (;;) {
      const mark = this.stack.pop()!;
      this.byFamily.get(mark.family)!.pop();
      if (mark.family === family) {
        this.closed.push({ open: mark.pos, close: pos });
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
    const marks: { pos: number; char: string; family: Family; flank: Flank; doubled: boolean }[] = [];
    for (let k = first; k < offsets.length && offsets[k]! < end; k++) {
      const i = offsets[k]!;
      const char = text[i]!;
      const family = FAMILY_OF[char]!;
      const flank = flankOf(text, i, start, end);
      const doubled = isDoubledAt(text, i, end);
      marks.push({ pos: i, char, family, flank, doubled });
      if (doubled) {
        marks.push({ pos: i + 1, char, family, flank: flankOf(text, i + 1, start, end), doubled: false });
        k++;
      } else if (family === "single" && (flank === "open" || flank === "close") && !this.isApostrophe(i, flank)) {
        this.singleFlanks.push({ pos: i, flank });
      }
    }
    for (let m = 0; m < marks.length; m++) {
      const { pos, char, family, flank, doubled } = marks[m]!;
      // Two apostrophes typed for a double mark (`''…''`) are no quote mark at all (quotations are between " “ ”
      // or single marks), unless a single quotation is open: then they are two single marks closing together
      // (`'Locals call it 'the wall'' she said`).
      if (doubled && !this.isOpen("single")) m++; // skips the pair's second mark too
      else this.apply(char, family, pos, flank);
    }
  }

  private apply(char: string, family: Family, pos: number, flank: Flank): void {
    const action = this.action(char, family, pos, flank);
    if (action === "open") this.push(family, char, pos);
    else if (action === "close") this.close(family, pos);
  }

  /** The outermost mark still open at the end of the block. */
  outermostOpen(): OpenMark | undefined {
    return this.stack[0];
  }
}

/** Single marks that, typed twice (`''`, `‘‘`, `’’`), stand for a double mark on a typewriter. */
const DOUBLING_MARKS = "'‘’";

/** Whether the mark at `pos` (before `end`) is the first of two single marks typed for a double one. */
function isDoubledAt(text: string, pos: number, end: number): boolean {
  return pos + 1 < end && text[pos + 1] === text[pos] && DOUBLING_MARKS.includes(text[pos]!);
}

/** Whether the mark at `pos` can open a quotation of `family` (for quotations continued over paragraphs). */
function opensFamily(text: string, pos: number, end: number, family: Family): boolean {
  const char = text[pos];
  return char !== undefined && pos < end && FAMILY_OF[char] === family && !CLOSING_QUOTE_MARKS.includes(char) && !isDoubledAt(text, pos, end);
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
    const blockSpans: MarkedSpan[] = scanner.closed.map(({ open, close }) => ({ start: open + 1, end: close, open, close, block: index, group: -1 }));
    const pending = scanner.outermostOpen();
    const nextBlock = blocks[index + 1];
    // A paragraph that leaves a quotation open and is followed by one reopening it continues it.
    if (pending && nextBlock && opensFamily(text, nextBlock.start, nextBlock.end, FAMILY_OF[pending.char]!)) {
      blockSpans.push({ start: pending.pos + 1, end: block.end, open: pending.pos, close: null, block: index, group: -1 });
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
