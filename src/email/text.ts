import { Parser } from "htmlparser2";
import type { Reader } from "../html/events.ts";

/**
 * The email's plain-text part, written from the HTML parser's events as they come (no DOM), so
 * that it can share the one parse of the email with the CSS styler (styler.ts).
 *
 * It reads the way html-to-text 10 read our emails with the options Dispatch gave it, and writes
 * the same bytes: blocks separated by blank lines, paragraphs wrapped at TEXT_WIDTH columns,
 * headings and section labels in capitals, lists with " - " or numbers, the key quote and
 * blockquotes with "> ", the briefing's own tables as columns, layout tables as blocks, images
 * as their [alt text], links as "text [n]" with the addresses numbered at the end. The one
 * difference: a word longer than a line is cut in linear time however long it is (html-to-text
 * needed help for words of thousands of characters, and cut those at other places).
 */

/**
 * Plain-text lines stay under 78 columns (RFC 5322's recommendation); links go to a numbered
 * list at the end, the only lines that may be longer (a URL cannot wrap).
 */
export const TEXT_WIDTH = 76;

/** The briefing's own tables: columns at most this wide, this far apart. */
const COLUMN_WIDTH = 12;
const COLUMN_SPACING = 2;
/** Where a word longer than a line is cut, tried in this order (after the character). */
const WRAP_AT = ["/", "-", "?", "&"];
/** The characters that separate words (HTML's whitespace and the zero-width space; not the no-break space). */
function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 0x200b;
}

/** One block's words, wrapped into lines as they are added. */
class Lines {
  readonly done: string[][] = [];
  words: string[] = [];
  left: number;
  /** The text added last ended with whitespace: the next word starts a new word. */
  spaceBefore = false;
  /** A <wbr> came last: the next piece of a word may start a line. */
  mayBreak = false;

  constructor(readonly width: number) {
    this.left = width;
  }

  push(word: string): void {
    if (this.left <= 0) this.newLine();
    const atStart = this.words.length === 0;
    if (word.length + (atStart ? 0 : 1) <= this.left) {
      this.words.push(word);
      this.left -= word.length + (atStart ? 0 : 1);
      return;
    }
    // Too long for what is left: a new line, and the word cut into lines if it is longer than one.
    const parts = this.cut(word);
    if (!atStart) this.newLine();
    for (let index = 0; index < parts.length; index += 1) {
      if (index > 0) this.newLine();
      this.words.push(parts[index]!);
      this.left -= parts[index]!.length;
    }
  }

  /** Glues `word` to the word before it (text that continues a word across an element, like "<b>in</b>side"). */
  glue(word: string): void {
    if (this.mayBreak && word.length > this.left) {
      this.push(word);
      this.mayBreak = false;
      return;
    }
    const last = this.words.pop();
    if (last !== undefined) this.left += last.length + (this.words.length === 0 ? 0 : 1);
    this.push(last ? last + word : word);
  }

  newLine(count = 1): void {
    this.done.push(this.words);
    for (let index = 1; index < count; index += 1) this.done.push([]);
    this.words = [];
    this.left = this.width;
  }

  isEmpty(): boolean {
    return this.done.length === 0 && this.words.length === 0;
  }

  clear(): void {
    this.done.length = 0;
    this.words = [];
    this.left = this.width;
  }

  toString(): string {
    let text = "";
    for (const line of this.done) text += `${line.join(" ")}\n`;
    return text + this.words.join(" ");
  }

  /**
   * A word longer than the line in pieces: after the last "/" within the line, else (from then
   * on) the last "-", "?" or "&", else at the line's end. One scan of at most a line per piece.
   */
  private cut(word: string): string[] {
    const parts: string[] = [];
    let start = 0;
    let mark = 0;
    while (word.length - start > this.width) {
      const end = start + this.width;
      const at = mark < WRAP_AT.length ? word.lastIndexOf(WRAP_AT[mark]!, end - 1) : -1;
      if (at >= start) {
        parts.push(word.slice(start, at + 1));
        start = at + 1;
      } else if (++mark >= WRAP_AT.length) {
        parts.push(word.slice(start, end));
        start = end;
      }
    }
    parts.push(word.slice(start));
    return parts;
  }
}

/** Something that holds text: a block, a list, a list item or a table cell. */
class Block {
  raw = "";
  /** Line breaks owed before whatever comes next in this block. */
  owed = 0;
  readonly lines: Lines;
  constructor(
    /** Line breaks wanted before this block (taken from its first content when that wants another number). */
    public leading: number,
    width: number,
    readonly pre: boolean,
  ) {
    this.lines = new Lines(width);
  }

  text(): string {
    return this.lines.isEmpty() ? this.raw : this.raw + this.lines.toString();
  }

  /** Adds a finished child's text, at least `leading` line breaks after what is here. */
  add(text: string, leading: number, trailing: number): void {
    const before = this.text();
    const breaks = Math.max(this.owed, leading);
    this.lines.clear();
    if (before) {
      this.raw = before + "\n".repeat(breaks) + text;
    } else {
      this.raw = text;
      this.leading = breaks;
    }
    this.owed = trailing;
  }
}

interface TableCell {
  colspan: number;
  rowspan: number;
  text: string;
  lines?: string[];
  written?: boolean;
}

class Table {
  readonly rows: TableCell[][] = [];
  constructor(readonly pre: boolean) {}
}

class Row {
  readonly cells: TableCell[] = [];
  constructor(readonly pre: boolean) {}
}

type Item = Block | Table | Row;

function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === "\n") start += 1;
  while (end > start && text[end - 1] === "\n") end -= 1;
  return text.slice(start, end);
}

/**
 * A table's cells in columns: each column as wide as its widest line plus COLUMN_SPACING, cells
 * spanning rows and columns where their colspan and rowspan put them.
 */
function tableText(rows: TableCell[][]): string {
  const layout: (TableCell | undefined)[][] = [];
  const row = (index: number) => (layout[index] ??= []);
  const offset = (offsets: number[], index: number): number => {
    let from = index;
    while (offsets[from] === undefined) from -= 1;
    for (let at = from + 1; at <= index; at += 1) offsets[at] = offsets[at - 1]! + 1;
    return offsets[index]!;
  };
  const widen = (offsets: number[], base: number, span: number, size: number) => {
    offsets[base + span] = Math.max(offset(offsets, base + span), offset(offsets, base) + size);
  };
  let columns = 0;
  const rowOffsets = [0];
  for (let y = 0; y < rows.length; y += 1) {
    const cells = row(y);
    let x = 0;
    for (const cell of rows[y]!) {
      while (cells[x]) x += 1;
      for (let r = 0; r < cell.rowspan; r += 1) for (let c = 0; c < cell.colspan; c += 1) row(y + r)[x + c] = cell;
      x += cell.colspan;
      cell.lines = cell.text.split("\n");
      widen(rowOffsets, y, cell.rowspan, cell.lines.length);
    }
    columns = Math.max(columns, cells.length);
  }
  // Column by column from here.
  const size = Math.max(rows.length, columns);
  for (let i = 0; i < size; i += 1) {
    const rowI = row(i);
    for (let j = 0; j < i; j += 1) {
      const rowJ = row(j);
      if (rowI[j] || rowJ[i]) [rowI[j], rowJ[i]] = [rowJ[i], rowI[j]];
    }
  }
  const out: string[] = [];
  const columnOffsets = [0];
  for (let x = 0; x < columns; x += 1) {
    const column = layout[x]!;
    const height = Math.min(rows.length, column.length);
    for (let y = 0; y < height; ) {
      const cell = column[y];
      if (!cell) {
        out[rowOffsets[y]!] ??= "";
        y += 1;
        continue;
      }
      if (!cell.written) {
        let width = 0;
        cell.lines!.forEach((line, index) => {
          const at = rowOffsets[y]! + index;
          out[at] = (out[at] ?? "").padEnd(columnOffsets[x]!) + line;
          width = Math.max(width, line.length);
        });
        widen(columnOffsets, x, cell.colspan, width + COLUMN_SPACING);
        cell.written = true;
      }
      y += cell.rowspan;
    }
  }
  return out.join("\n");
}

const ROMAN = [
  ["M", 1000], ["CM", 900], ["D", 500], ["CD", 400], ["C", 100], ["XC", 90], ["L", 50], ["XL", 40], ["X", 10], ["IX", 9], ["V", 5], ["IV", 4], ["I", 1],
] as const;

function roman(number: number): string {
  let text = "";
  for (const [letters, value] of ROMAN) for (; number >= value; number -= value) text += letters;
  return text;
}

/** a, b, … z, aa, ab, … (A, B, … with "A"). */
function letters(number: number, first: string): string {
  let text = "";
  let rest = number;
  do {
    rest -= 1;
    text = String.fromCharCode(first.charCodeAt(0) + (rest % 26)) + text;
    rest = Math.trunc(rest / 26);
  } while (rest > 0);
  return text;
}

/** An ordered list's marker for item `number` (<ol type>). */
function marker(number: number, type: string | undefined): string {
  if (type === "a" || type === "A") return letters(number, type);
  if (type === "i") return roman(number).toLowerCase();
  if (type === "I") return roman(number);
  return String(number);
}

/** What the writer does with an element. */
const enum Format {
  Inline,
  Skip,
  Block,
  Heading,
  Quote,
  Paragraph,
  Pre,
  Rule,
  Break,
  WordBreak,
  Image,
  Link,
  List,
  Table,
}

const BLOCKS_1 = new Set(["article", "aside", "div", "footer", "form", "header", "main", "nav", "section"]);

function hasClass(attribs: Record<string, string>, name: string): boolean {
  const classes = attribs.class;
  return classes !== undefined && classes.includes(name) && classes.split(/[ \t\n\r\f]+/).includes(name);
}

/**
 * An element's format, line breaks before and after. The template's classes decide first (the
 * key quote's cell reads as a quotation, its coloured bar and the hidden preheader not at all,
 * section labels as headings); layout tables read as blocks, the briefing's own as tables.
 */
function formatOf(name: string, attribs: Record<string, string>): [Format, number, number] {
  if (name === "td" && hasClass(attribs, "quote-cell")) return [Format.Quote, 2, 2];
  if (name === "p" && hasClass(attribs, "section-label")) return [Format.Heading, 2, 1];
  if (name === "table" && attribs.role === "presentation") return [Format.Block, 2, 2];
  if (hasClass(attribs, "preheader") || hasClass(attribs, "quote-bar")) return [Format.Skip, 0, 0];
  switch (name) {
    case "a":
      return [Format.Link, 0, 0];
    case "blockquote":
      return [Format.Quote, 2, 2];
    case "br":
      return [Format.Break, 0, 0];
    case "h1":
    case "h2":
    case "h3":
      return [Format.Heading, 3, 2];
    case "h4":
    case "h5":
    case "h6":
      return [Format.Heading, 2, 2];
    case "hr":
      return [Format.Rule, 2, 2];
    case "img":
      return [Format.Image, 0, 0];
    case "ol":
    case "ul":
      return [Format.List, 2, 2];
    case "p":
      return [Format.Paragraph, 2, 2];
    case "pre":
      return [Format.Pre, 2, 2];
    case "table":
      return [Format.Table, 2, 2];
    case "tr":
    case "td":
      return [Format.Block, 2, 2];
    case "wbr":
      return [Format.WordBreak, 0, 0];
    default:
      return BLOCKS_1.has(name) ? [Format.Block, 1, 1] : [Format.Inline, 0, 0];
  }
}

/** What closing an element does; `skip` elements and table parts the text leaves out have none. */
interface Open {
  name: string;
  close: "none" | "block" | "quote" | "heading" | "link" | "table" | "table-part" | "row" | "cell";
  trailing: number;
  /** A link's address (no reference when empty) and the text of its words. */
  href?: string;
  words?: string;
  /** A table cell's colspan and rowspan. */
  span?: [number, number];
}

type Event = { open: string; attribs: Record<string, string> } | { close: string } | { text: string };

const ONLY_SPACE = /^\s*$/;

/**
 * Writes the plain text from parser events (see the top of this file): the <body>'s text;
 * `pageUrl` is the briefing's permalink: links to its own anchors (footnotes) get no reference.
 */
export class PlainTextWriter implements Reader {
  private root = new Block(1, TEXT_WIDTH, false);
  private items: Item[] = [this.root];
  private open: Open[] = [{ name: "", close: "none", trailing: 0 }];
  private references: string[] = [];
  /** Word transforms, innermost last: capitals in headings, a link collecting its words. */
  private transforms: ((word: string) => string)[] = [];
  private pending = "";
  private skipping = 0;
  /** A list's events, kept until it closes: its markers' width depends on how many items it has. */
  private list: { depth: number; events: Event[] } | null = null;
  /** The text is the <body>'s; a document without one is read whole. */
  private state: "document" | "body" | "after" = "document";
  private readonly page: { origin: string; pathname: string } | null;

  constructor(pageUrl: string) {
    try {
      const url = new URL(pageUrl);
      this.page = { origin: url.origin, pathname: url.pathname };
    } catch {
      this.page = null;
    }
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    this.flush();
    if (this.state === "document" && name === "body") {
      // What came before the body (the head's title) is not part of the text.
      this.root = new Block(1, TEXT_WIDTH, false);
      this.items = [this.root];
      this.open = [{ name, close: "none", trailing: 0 }];
      this.references = [];
      this.transforms = [];
      this.skipping = 0;
      this.list = null;
      this.state = "body";
    } else if (this.state !== "after") {
      this.openEvent(name, attribs);
    }
  }

  onclosetag(name: string): void {
    this.flush();
    if (this.state === "body" && this.open.length === 1 && !this.list && this.skipping === 0) this.state = "after";
    else if (this.state !== "after") this.closeEvent(name);
  }

  ontext(text: string): void {
    // One text node may come in several pieces (around character references): it is read whole.
    if (this.state !== "after") this.pending += text;
  }

  oncomment(): void {
    this.flush();
  }

  onprocessinginstruction(): void {
    this.flush();
  }

  /** The text, with the numbered list of link addresses at the end. */
  result(): string {
    this.flush();
    const body = this.root.text().trim();
    if (this.references.length === 0) return `${body}\n`;
    const list = this.references.map((href, index) => `[${index + 1}] ${href}`).join("\n");
    return `${body}\n\nLinks:\n${list}\n`;
  }

  private flush(): void {
    if (this.pending === "") return;
    const text = this.pending;
    this.pending = "";
    this.textEvent(text);
  }

  private event(event: Event): void {
    if ("text" in event) this.textEvent(event.text);
    else if ("open" in event) this.openEvent(event.open, event.attribs);
    else this.closeEvent(event.close);
  }

  // The events one by one (no event object unless a list keeps it).
  private textEvent(text: string): void {
    if (this.list) this.list.events.push({ text });
    else if (this.skipping === 0) this.addInline(text);
  }

  private openEvent(name: string, attribs: Record<string, string>): void {
    if (this.list) {
      this.list.events.push({ open: name, attribs });
      this.list.depth += 1;
    } else if (this.skipping > 0) {
      this.skipping += 1;
    } else {
      this.openElement(name, attribs);
    }
  }

  private closeEvent(name: string): void {
    if (this.list) {
      this.list.events.push({ close: name });
      if (--this.list.depth === 0) {
        const { events } = this.list;
        this.list = null;
        this.writeList(events);
      }
    } else if (this.skipping > 0) {
      this.skipping -= 1;
    } else {
      this.closeElement();
    }
  }

  private get top(): Item {
    return this.items.at(-1)!;
  }

  private openElement(name: string, attribs: Record<string, string>): void {
    const parent = this.open.at(-1)!.close;
    // Inside a table only its parts count, and only cells hold text.
    if (parent === "table" || parent === "table-part") {
      if (name === "thead" || name === "tbody" || name === "tfoot" || name === "center") this.open.push({ name, close: "table-part", trailing: 0 });
      else if (name === "tr") {
        this.items.push(new Row(this.top.pre));
        this.open.push({ name, close: "row", trailing: 0 });
      } else this.skipping = 1;
      return;
    }
    if (parent === "row") {
      if (name === "td" || name === "th") {
        this.items.push(new Block(1, COLUMN_WIDTH, this.top.pre));
        this.open.push({ name, close: "cell", trailing: 0, span: [+attribs.colspan! || 1, +attribs.rowspan! || 1] });
      } else this.skipping = 1;
      return;
    }
    const [format, leading, trailing] = formatOf(name, attribs);
    const element: Open = { name, close: "none", trailing };
    switch (format) {
      case Format.Skip:
        this.skipping = 1;
        return;
      case Format.List:
        this.list = { depth: 1, events: [{ open: name, attribs }] };
        return;
      case Format.Block:
      case Format.Paragraph:
        this.openBlock(leading, 0, false);
        element.close = "block";
        break;
      case Format.Pre:
        this.openBlock(leading, 0, true);
        element.close = "block";
        break;
      case Format.Heading:
        this.openBlock(leading, 0, false);
        this.transforms.push((word) => word.toUpperCase());
        element.close = "heading";
        break;
      case Format.Quote:
        this.openBlock(leading, 2, false);
        element.close = "quote";
        break;
      case Format.Rule:
        this.openBlock(leading, 0, false);
        this.addInline("-".repeat(TEXT_WIDTH));
        element.close = "block";
        break;
      case Format.Break: {
        const top = this.top;
        if (top instanceof Block) {
          if (top.pre) top.raw += "\n";
          else top.lines.newLine();
        }
        break;
      }
      case Format.WordBreak:
        if (this.top instanceof Block) this.top.lines.mayBreak = true;
        break;
      case Format.Image: {
        // Images keep their alt text in brackets; decorative ones (no alt) vanish.
        const alt = attribs.alt?.trim();
        if (alt) this.addInline(`[${alt}]`, false);
        break;
      }
      case Format.Link:
        element.close = "link";
        element.href = attribs.href?.replace(/^mailto:/, "") ?? "";
        element.words = "";
        this.transforms.push((word) => {
          element.words += word;
          return word;
        });
        break;
      case Format.Table:
        this.items.push(new Table(this.top.pre));
        element.close = "table";
        break;
      case Format.Inline:
        break;
    }
    this.open.push(element);
  }

  private closeElement(): void {
    const element = this.open.pop()!;
    switch (element.close) {
      case "block":
        this.closeBlock(element.trailing);
        break;
      case "heading":
        this.transforms.pop();
        this.closeBlock(element.trailing);
        break;
      case "quote":
        this.closeBlock(element.trailing, (text) =>
          trimNewlines(text)
            .split("\n")
            .map((line) => `> ${line}`)
            .join("\n"),
        );
        break;
      case "link":
        this.transforms.pop();
        this.addReference(element.href!, element.words!);
        break;
      case "table": {
        const table = this.items.pop() as Table;
        const text = tableText(table.rows);
        if (text) (this.top as Block).add(text, 2, element.trailing);
        break;
      }
      case "row": {
        const row = this.items.pop() as Row;
        (this.top as Table).rows.push(row.cells);
        break;
      }
      case "cell": {
        const cell = this.items.pop() as Block;
        const [colspan, rowspan] = element.span!;
        (this.top as Row).cells.push({ colspan, rowspan, text: trimNewlines(cell.text()) });
        break;
      }
      case "table-part":
      case "none":
        break;
    }
  }

  /**
   * A link becomes "text [n]", its address numbered in the list at the end. Footnote marks
   * point into this very text: no reference. A bare URL still gets one: the text may have
   * wrapped it, the list keeps it whole.
   */
  private addReference(href: string, words: string): void {
    if (!href || this.isInPageAnchor(href)) return;
    let number = this.references.indexOf(href) + 1;
    if (number === 0) number = this.references.push(href);
    this.addInline(words ? ` [${number}]` : `[${number}]`, false);
  }

  private isInPageAnchor(href: string): boolean {
    if (!this.page || !href.includes("#")) return false;
    try {
      const url = new URL(href);
      return url.hash !== "" && url.origin === this.page.origin && url.pathname === this.page.pathname;
    } catch {
      return false;
    }
  }

  private openBlock(leading: number, reserved: number, pre: boolean): void {
    const top = this.top as Block;
    this.items.push(new Block(leading, Math.max(20, top.lines.width - reserved), pre || top.pre));
  }

  private closeBlock(trailing: number, transform?: (text: string) => string): void {
    const block = this.items.pop() as Block;
    const text = transform ? transform(block.text()) : block.text();
    (this.top as Block).add(text, block.leading, Math.max(block.owed, trailing));
  }

  /** Text into the current block: whitespace collapsed, words wrapped (as written in <pre>). */
  private addInline(text: string, transformed = true): void {
    const block = this.top;
    if (!(block instanceof Block)) return;
    if (block.pre) {
      block.raw += text;
      return;
    }
    if (text === "" || (block.owed > 0 && !/[^ \t\r\n\f\u200b]/.test(text))) return;
    const lines = block.lines;
    if (block.owed > 0) lines.newLine(block.owed);
    const spaceBefore = lines.spaceBefore;
    const transforms = transformed ? this.transforms : [];
    let first = true;
    // The words, scanned by character code (a pattern's match objects cost more than the words).
    for (let at = 0; at < text.length; ) {
      while (at < text.length && isSpace(text.charCodeAt(at))) at += 1;
      if (at === text.length) break;
      const from = at;
      while (at < text.length && !isSpace(text.charCodeAt(at))) at += 1;
      let word = text.slice(from, at);
      for (let index = transforms.length - 1; index >= 0; index -= 1) word = transforms[index]!(word);
      if (first && from === 0 && !spaceBefore) lines.glue(word);
      else lines.push(word);
      first = false;
    }
    lines.spaceBefore = (spaceBefore && first) || isSpace(text.charCodeAt(text.length - 1));
    block.owed = 0;
  }

  /**
   * A list, from its kept events: items are its <li>s and any other element or text in it
   * (whitespace between items aside), each after its marker (" - ", " 1. ", or "- ", "1. " in a
   * list inside an item), markers padded to the widest.
   */
  private writeList(events: Event[]): void {
    const first = events[0] as { open: string; attribs: Record<string, string> };
    const nested = this.open.at(-1)!.name === "li";
    // The list's children: [from, to) ranges of its events.
    const children: [number, number][] = [];
    for (let index = 1, depth = 0, from = 0; index < events.length - 1; index += 1) {
      const event = events[index]!;
      if ("text" in event) {
        if (depth === 0 && !ONLY_SPACE.test(event.text)) children.push([index, index + 1]);
      } else if ("open" in event) {
        if (depth++ === 0) from = index;
      } else if (--depth === 0) {
        children.push([from, index + 1]);
      }
    }
    if (children.length === 0) return;
    let next = Number(first.attribs.start || "1");
    const prefixes = children.map(([from]) => {
      const event = events[from]!;
      if (!("open" in event) || event.open !== "li") return "";
      const prefix = first.open === "ul" ? " - " : ` ${marker(next++, first.attribs.type)}. `;
      return nested ? prefix.trimStart() : prefix;
    });
    const widest = Math.max(0, ...prefixes.map((prefix) => prefix.length));
    const parent = this.top as Block;
    const list = new Block(nested ? 1 : 2, parent.lines.width, parent.pre);
    this.items.push(list);
    this.open.push({ name: first.open, close: "none", trailing: 0 });
    children.forEach(([from, to], index) => {
      const prefix = prefixes[index]!;
      const width = Math.max(prefix.length, widest);
      const item = new Block(1, Math.max(20, list.lines.width - width), list.pre);
      this.items.push(item);
      for (let at = from; at < to; at += 1) this.event(events[at]!);
      this.items.pop();
      list.add(prefix.padEnd(width) + item.text().replaceAll("\n", `\n${" ".repeat(width)}`), item.leading, Math.max(item.owed, 1));
    });
    this.open.pop();
    this.items.pop();
    const text = list.text();
    if (text) parent.add(text, list.leading, nested ? 1 : 2);
  }
}

/** The plain-text part of an email, from its HTML (see PlainTextWriter). */
export function toPlainText(html: string, pageUrl: string): string {
  const writer = new PlainTextWriter(pageUrl);
  new Parser(writer).end(html);
  return writer.result();
}
