/**
 * A fast path for the commonest briefing shape: paragraphs of plain lines, ATX (`## …`) headings and
 * `- ` bullet lists of one-line items. Such a document is split here exactly as markdown-it's block parser
 * splits it (same lines, same heading and list rules, same ASCII-only trimming of block content) at a
 * fraction of its cost, which on a long article is most of the Markdown work left. Any line that could
 * open another kind of block, and any item that a following line could continue, makes it give up, and
 * markdown-it does the work; test/extract/markdown.test.ts checks that the two agree.
 */
import { codeAt } from "./chars.js";
import type { BlockKind } from "./types.js";

export interface SimpleBlock {
  kind: BlockKind;
  /** The block's inline source, as in markdown-it's `inline` token. */
  content: string;
}

/** markdown-it's `isSpace`: only space and tab indent or separate. */
function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

function isAsciiTrimmable(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** markdown-it's `asciiTrim`: block content keeps its Unicode spaces. */
function asciiTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiTrimmable(codeAt(text, start))) start++;
  while (end > start && isAsciiTrimmable(codeAt(text, end - 1))) end--;
  return text.slice(start, end);
}

// First characters of lines that may belong to other blocks: indented lines (code, continuations),
// blockquotes, lists, thematic breaks, fences, HTML, setext underlines, link reference definitions and
// table delimiter rows.
const BLOCK_OPENERS = new Set([..."\t >-+*_`~<=[|:"].map((c) => c.charCodeAt(0)));
const ORDERED_LIST = /\d+[.)]/y;

/** The content of the ATX heading on line `[start, end)`, or null if it is none (markdown-it's `heading`). */
function headingContent(src: string, start: number, end: number): string | null {
  let pos = start;
  if (codeAt(src, pos) !== 35 || pos >= end) return null; // #
  let level = 1;
  let code = codeAt(src, ++pos);
  while (code === 35 && pos < end && level <= 6) {
    level++;
    code = codeAt(src, ++pos);
  }
  if (level > 6 || (pos < end && !isSpaceOrTab(code))) return null;
  // Drop trailing spaces, then a closing run of # if a space precedes it.
  let max = end;
  while (max > pos && isSpaceOrTab(codeAt(src, max - 1))) max--;
  let closing = max;
  while (closing > pos && codeAt(src, closing - 1) === 35) closing--;
  if (closing > pos && isSpaceOrTab(codeAt(src, closing - 1))) max = closing;
  return asciiTrim(src.slice(pos, max));
}

function isBlank(src: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceOrTab(codeAt(src, i))) return false;
  return true;
}

/** Whether a non-blank line might be anything but paragraph text or an ATX heading (conservatively). */
function mayOpenOtherBlock(src: string, start: number): boolean {
  if (BLOCK_OPENERS.has(codeAt(src, start))) return true;
  ORDERED_LIST.lastIndex = start;
  return ORDERED_LIST.test(src);
}

/** Where the content of a `- item` line starts, or -1 when the line is no such item or its content could be
 * more than one paragraph line (a nested block, a heading, an indented start, nothing at all). */
function listItemContent(src: string, start: number, end: number): number {
  if (codeAt(src, start) !== 45 || codeAt(src, start + 1) !== 32) return -1; // "- "
  const content = start + 2;
  if (content >= end || mayOpenOtherBlock(src, content) || headingContent(src, content, end) !== null) return -1;
  return content;
}

/** The blocks of a document made of nothing else, in order; null for any other document. */
export function simpleBlocks(src: string): SimpleBlock[] | null {
  if (src.includes("\0")) return null; // markdown-it replaces NUL before parsing
  const blocks: SimpleBlock[] = [];
  let paragraphStart = -1; // first line of the open paragraph, if any
  let paragraphEnd = 0;
  let afterItem = false; // the line before was a list item
  for (let start = 0; start < src.length; ) {
    const newline = src.indexOf("\n", start);
    const end = newline === -1 ? src.length : newline;
    const blank = isBlank(src, start, end);
    const heading = blank ? null : headingContent(src, start, end);
    const item = blank || heading !== null ? -1 : listItemContent(src, start, end);
    // A line right after an item could continue it (lazily) or end it in ways not modelled here.
    if (afterItem && !blank && item < 0) return null;
    if (item >= 0) {
      if (paragraphStart >= 0) return null; // a list interrupting a paragraph
      blocks.push({ kind: "list-item", content: asciiTrim(src.slice(item, end)) });
    } else if (!blank && heading === null) {
      // Paragraph text, unless it could be something else.
      if (mayOpenOtherBlock(src, start)) return null;
      if (paragraphStart < 0) paragraphStart = start;
      paragraphEnd = end;
    } else if (paragraphStart >= 0) {
      // A blank line or a heading ends the paragraph.
      blocks.push({ kind: "paragraph", content: asciiTrim(src.slice(paragraphStart, paragraphEnd)) });
      paragraphStart = -1;
    }
    if (heading !== null) blocks.push({ kind: "heading", content: heading });
    afterItem = item >= 0;
    start = end + 1;
  }
  if (paragraphStart >= 0) blocks.push({ kind: "paragraph", content: asciiTrim(src.slice(paragraphStart, paragraphEnd)) });
  return blocks;
}
