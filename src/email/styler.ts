import { readAll, type Reader, Reshaped, type Splice } from "../html/events.ts";
import { VOID } from "../html/void.ts";
import { startTagEffect, TABLE_CONTENT, textMoved } from "./html5.ts";
import { cutFragment, EMAIL_CSS, FRAGMENT_END, FRAGMENT_START, inlineEmailCss, splitFragment } from "./inline.ts";
import { escapeAsTemplate } from "./render.ts";

/**
 * The email's CSS inlined in one streaming pass, without running the inliner over every email.
 *
 * What css-inline writes for a start tag depends only on the tag, its attributes' names, its
 * class and style, and its ancestors' classes: the stylesheet's selectors are classes and tags
 * joined by spaces (checked below). So each distinct start tag is inlined once per process as a
 * specimen (its ancestors' classes as wrapper elements, its attribute values as placeholders)
 * and remembered as a pattern; every email then only fills in its own values. Text and attribute
 * values are decoded and escaped as css-inline's HTML5 parser and serializer do, and the few
 * places where that parser reshapes a document (whitespace around <head> and after </body>,
 * <tbody> inside a bare table) are reproduced. Anything else a parser would repair (misnested or
 * unclosed tags, text inside a table, raw-text or foreign elements) makes the pass decline, and
 * that email is inlined in full: the output is the same bytes either way.
 */

/** Selectors the patterns can stand for: compounds of a tag and classes, joined by descendant spaces, every ancestor compound classes only. */
function patternsApply(css: string): boolean {
  const preludes = css.replace(/\{[^}]*\}/g, "\u0000").split("\u0000");
  return preludes.every((prelude) =>
    prelude
      .split(",")
      .map((selector) => selector.trim())
      .filter((selector) => selector !== "")
      .every((selector) => {
        const compounds = selector.split(/\s+/);
        const subject = compounds.pop()!;
        return /^([a-z][a-z0-9]*)?(\.[\w-]+)*$/i.test(subject) && subject !== "" && compounds.every((compound) => /^(\.[\w-]+)+$/.test(compound));
      }),
  );
}

const PATTERNS_APPLY = patternsApply(EMAIL_CSS.inline);

const HEAD_ELEMENTS = new Set(["meta", "title", "link", "base"]);
/** The tags inlineEmailCss gives Outlook's bgcolor/align/valign attributes. */
const TABLE_ATTRIBUTE_TAGS = new Set(["table", "td", "th"]);

const ZWNJ = /\u200c/g;

/** The @media rules, written where the head closes; and end tags, with their escaped sources. */
const STYLE_BLOCK = `<style>\n${EMAIL_CSS.media}\n</style>\n</head>`;
const STYLE_BLOCK_SOURCE = escapeAsTemplate(STYLE_BLOCK);
const CLOSING_TAGS = new Map<string, [string, string]>();
/** The templates' comments (Outlook's conditional markup, the fragment markers), written and escaped. */
const COMMENTS = new Map<string, [string, string]>();

/** Text or a value that neither the document nor its escaped source changes (most are). */
const PLAIN = /^[^&<>"'\\\u00a0\u200c]*$/;

/** Text as css-inline's serializer escapes it (and the preheader's zero-width non-joiners as entities, as inlineEmailCss writes them). */
function escapeText(text: string): string {
  return text.replace(/[&\u00a0<>\u200c]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "\u00a0" ? "&nbsp;" : "&zwnj;"));
}

/** The preheader's padding (src/email/index.ts), escaped once per length: hundreds of characters, each an entity twice over. */
const PADDINGS = new Map<string, [string, string]>();

/** Text in the document and in its escaped source; a run of padding at its end comes from PADDINGS. */
export function escapedText(text: string): [string, string] {
  if (PLAIN.test(text)) return [text, text];
  let from = text.length;
  while (from > 0 && (text[from - 1] === "\u200c" || text[from - 1] === "\u00a0")) from -= 1;
  if (text.length - from < 32) {
    const written = escapeText(text);
    return [written, escapeAsTemplate(written)];
  }
  const run = text.slice(from);
  let padding = PADDINGS.get(run);
  if (!padding) {
    padding = [escapeText(run), escapeAsTemplate(escapeText(run))];
    // The padding's lengths are few (src/email/index.ts); anything else is not kept for long.
    if (PADDINGS.size > 256) PADDINGS.clear();
    PADDINGS.set(run, padding);
  }
  const [head, headSource] = from > 0 ? escapedText(text.slice(0, from)) : ["", ""];
  return [head + padding[0], headSource + padding[1]];
}

/** An attribute value in the document (as css-inline's serializer escapes it) and in its escaped source. */
export function escapedAttribute(value: string): [string, string] {
  if (PLAIN.test(value)) return [value, value];
  const written = value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("\u00a0", "&nbsp;").replaceAll("\u200c", "&zwnj;");
  return [written, escapeAsTemplate(written)];
}

/** A remembered start tag: literal pieces and, between them, the index of the attribute whose value goes there. */
type Pattern = (string | number)[];

/** A pattern, and the same with its literal pieces escaped as the preview page shows the email's source (escapeAsTemplate). */
interface Learnt {
  pattern: Pattern;
  source: Pattern;
}

const PLACEHOLDER = "dispatch-specimen-value-";

/** The patterns learnt under one chain of ancestor classes (keyed by tag, attribute names, class and style), and the chains that go on from it. */
interface Context {
  classes: string[];
  patterns: Map<string, Learnt>;
  children: Map<string, Context>;
}

const ROOT: Context = { classes: [], patterns: new Map(), children: new Map() };

/** The context of an element's descendants: its own, or its parent's when it has no class. */
function contextBelow(context: Context, className: string | null): Context {
  if (className === null) return context;
  let child = context.children.get(className);
  if (!child) {
    child = { classes: [...context.classes, className], patterns: new Map(), children: new Map() };
    context.children.set(className, child);
  }
  return child;
}

function specimenTag(name: string, names: string[], attributes: Record<string, string>): string {
  const written = names.map((attribute, index) => {
    const value = attribute === "class" || attribute === "style" ? attributes[attribute]! : `${PLACEHOLDER}${index}`;
    return ` ${attribute}="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`;
  });
  return `<${name}${written.join("")}>`;
}

/** Inlines one start tag in a minimal document of its own and reads back what css-inline made of it. */
function learnPattern(name: string, names: string[], attributes: Record<string, string>, ancestorClasses: string[]): Learnt {
  const tag = specimenTag(name, names, attributes);
  const wrappers = ancestorClasses.map((value) => `<div class="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}">`).join("");
  const inTable = name === "td" || name === "th" ? `<table><tr>${tag}</tr></table>` : TABLE_CONTENT.get("table")!.includes(name) ? `<table>${tag}</table>` : tag;
  const marker = '<div class="dispatch-specimen">';
  const document =
    name === "html"
      ? `<!doctype html>${tag}<head></head><body></body></html>`
      : name === "head"
        ? `<!doctype html><html>${tag}</head><body></body></html>`
        : name === "body"
          ? `<!doctype html><html><head></head>${tag}</body></html>`
          : HEAD_ELEMENTS.has(name)
            ? `<!doctype html><html><head>${tag}</head><body></body></html>`
            : `<!doctype html><html><head></head><body>${wrappers}${marker}${inTable}</body></html>`;
  const inlined = inlineEmailCss(document);
  const markerAt = inlined.indexOf('class="dispatch-specimen"');
  const from = name === "html" || name === "head" || name === "body" || HEAD_ELEMENTS.has(name) ? 0 : markerAt < 0 ? inlined.length : inlined.indexOf(">", markerAt) + 1;
  const found = new RegExp(`<${name}(?=[\\s>])[^>]*>`, "g");
  found.lastIndex = from;
  const match = found.exec(inlined);
  if (!match) throw new Reshaped();
  const pattern: Pattern = [];
  const pieces = match[0].split(new RegExp(`${PLACEHOLDER}(\\d+)`));
  pieces.forEach((piece, index) => pattern.push(index % 2 === 1 ? Number(piece) : piece.replace(ZWNJ, "&zwnj;")));
  return { pattern, source: pattern.map((piece) => (typeof piece === "number" ? piece : escapeAsTemplate(piece))) };
}

export interface Open {
  name: string;
  /** Where its descendants' patterns are kept (they depend on their ancestors' classes). */
  context: Context;
  /** A <tbody> the parser would insert (a row directly in a table). */
  implied: boolean;
}

export interface StyledDocument {
  html: string;
  /** Offsets of the fragment's marker comments in `html`. */
  start: number;
  end: number;
  /**
   * `html` as the preview page shows it (escapeAsTemplate(html)), written beside it piece by
   * piece (a start tag's escaped literal pieces are learnt with its pattern), and the offsets of
   * the markers in it.
   */
  source: { html: string; start: number; end: number };
}

/** A slot in a template's view (src/email/shapes.ts): its value's index between \uE000 and \uE001 (private-use characters). */
export const SLOT = /\uE000(\d+)\uE001/g;
const SLOT_START = "\uE000";
/** How the styler marks them where it writes them: a value in text, a value in an attribute; and the body. */
const TEXT_SLOT = "\uE000t$1\uE001";
const ATTRIBUTE_SLOT = "\uE000a$1\uE001";
const BODY_SLOT = "\uE000b\uE001";

/**
 * The one pass's state and its parser callbacks: fed by the parser over a whole document
 * (styleDocument), or, from where a template styled once left off, by a body's kept events
 * (Styler.resume). Every callback throws Reshaped at what it does not reproduce.
 */
export class Styler implements Reader {
  private readonly out: string[] = [];
  private readonly source: string[] = [];
  private length = 0;
  private sourceLength = 0;
  private stack: Open[] = [];
  // Where the HTML parser would be (its insertion modes, as far as they matter here).
  private phase: "initial" | "beforeHead" | "inHead" | "afterHead" | "inBody" | "afterBody" | "afterHtml" = "initial";
  private trailing = "";
  // The HTML parser drops a newline right after <pre>.
  private justOpenedPre = false;
  private start = -1;
  private end = -1;
  private sourceStart = -1;
  private sourceEnd = -1;
  /** Styling a template with slots: where its body goes (a comment) and, once met, the elements open there. */
  private readonly hole: { marker: string; open?: Open[] } | null;

  constructor(hole: string | null = null) {
    this.hole = hole === null ? null : { marker: hole };
  }

  /** A styler inside a template's body, its elements open (see `hole`): for a body's events alone. */
  static resume(open: readonly Open[]): Styler {
    const styler = new Styler();
    styler.stack = [...open];
    styler.phase = "inBody";
    return styler;
  }

  /** The elements open at the template's body marker (a styler made with `hole`), or null if it had none. */
  get openAtHole(): readonly Open[] | null {
    return this.hole?.open ?? null;
  }

  /** What a styler resumed at `open` wrote, and its escaped copy; null unless it closed just what it opened. */
  writtenInside(open: readonly Open[]): [string, string] | null {
    const closed = this.stack.length === open.length && this.stack.every((element, index) => element === open[index]);
    return closed ? [this.out.join(""), this.source.join("")] : null;
  }

  private write(piece: string, escaped = escapeAsTemplate(piece)): void {
    this.out.push(piece);
    this.length += piece.length;
    this.source.push(escaped);
    this.sourceLength += escaped.length;
  }

  private openTag(name: string, attributes: Record<string, string>): void {
    const names = Object.keys(attributes);
    // inlineEmailCss looks for bgcolor=, align= and valign= in a cell's whole tag, values included, which a pattern (or a slot) cannot know.
    if (TABLE_ATTRIBUTE_TAGS.has(name) && names.some((attribute) => / (bgcolor|align|valign)=|\uE000/.test(attributes[attribute]!))) throw new Reshaped();
    const context = this.stack.at(-1)?.context ?? ROOT;
    const key = `${name}\u0002${names.join(" ")}\u0002${attributes.class ?? ""}\u0002${attributes.style ?? ""}`;
    let learnt = context.patterns.get(key);
    if (!learnt) {
      // A class or style is written into the pattern as it is: one that could end the tag, pose as a placeholder or hold a slot is not.
      if (/[<>\uE000]|dispatch-specimen/.test(`${attributes.class ?? ""}${attributes.style ?? ""}`)) throw new Reshaped();
      learnt = learnPattern(name, names, attributes, context.classes);
      context.patterns.set(key, learnt);
    }
    let tag = "";
    let escaped = "";
    const { pattern, source: sourcePattern } = learnt;
    for (let index = 0; index < pattern.length; index += 1) {
      const piece = pattern[index]!;
      if (typeof piece === "number") {
        const [value, valueSource] = escapedAttribute(attributes[names[piece]!]!);
        tag += value;
        escaped += valueSource;
      } else {
        tag += piece;
        escaped += sourcePattern[index] as string;
      }
    }
    if (this.hole && tag.includes(SLOT_START)) {
      tag = tag.replace(SLOT, ATTRIBUTE_SLOT);
      escaped = escaped.replace(SLOT, ATTRIBUTE_SLOT);
    }
    this.write(tag, escaped);
    if (!VOID.has(name)) {
      const className = attributes.class !== undefined && /[^ \t\n\f]/.test(attributes.class) ? attributes.class : null;
      this.stack.push({ name, context: contextBelow(context, className), implied: false });
    }
    this.justOpenedPre = name === "pre";
  }

  onprocessinginstruction(name: string, data: string): void {
    if (this.phase !== "initial" || this.length > 0 || name !== "!doctype" || data.toLowerCase() !== "!doctype html") throw new Reshaped();
    this.write("<!doctype html>\n");
  }

  onopentag(name: string, attributes: Record<string, string>, isImplied: boolean): void {
    if (isImplied) throw new Reshaped();
    if (name === "html") {
      if (this.phase !== "initial" || this.length === 0) throw new Reshaped();
      this.phase = "beforeHead";
    } else if (name === "head") {
      if (this.phase !== "beforeHead") throw new Reshaped();
      this.phase = "inHead";
    } else if (name === "body") {
      if (this.phase !== "afterHead") throw new Reshaped();
      this.phase = "inBody";
    } else if (this.phase === "inHead") {
      if (!HEAD_ELEMENTS.has(name) || this.stack.at(-1)?.name !== "head") throw new Reshaped();
    } else if (this.phase !== "inBody") {
      throw new Reshaped();
    } else {
      const effect = startTagEffect(name, this.stack);
      if (effect === "reshape") throw new Reshaped();
      if (effect === "tbody") {
        // The HTML parser puts rows written straight into a table into a <tbody>.
        this.openTag("tbody", {});
        this.stack.at(-1)!.implied = true;
      }
    }
    this.openTag(name, attributes);
  }

  onclosetag(name: string, isImplied: boolean): void {
    this.justOpenedPre = false;
    if (VOID.has(name)) return;
    if (isImplied) throw new Reshaped();
    if (this.stack.at(-1)?.implied && name === "table") {
      this.stack.pop();
      this.write("</tbody>");
    }
    const open = this.stack.pop();
    if (open?.name !== name) throw new Reshaped();
    if (name === "head") {
      this.write(STYLE_BLOCK, STYLE_BLOCK_SOURCE);
      this.phase = "afterHead";
    } else if (name === "body") {
      this.phase = "afterBody";
    } else if (name === "html") {
      if (this.phase !== "afterBody") throw new Reshaped();
      this.phase = "afterHtml";
    } else {
      let tag = CLOSING_TAGS.get(name);
      if (!tag) CLOSING_TAGS.set(name, (tag = [`</${name}>`, escapeAsTemplate(`</${name}>`)]));
      this.write(tag[0], tag[1]);
    }
  }

  ontext(text: string): void {
    // A slot could hold a newline: none may start a <pre>.
    if (this.justOpenedPre && (text.startsWith("\n") || text.startsWith(SLOT_START))) throw new Reshaped();
    this.justOpenedPre = false;
    const phase = this.phase;
    if (phase === "inHead" || phase === "afterHead" || phase === "inBody") {
      const parent = this.stack.at(-1)!.name;
      if (textMoved(text, parent) || ((parent === "head" || phase === "afterHead") && /[^ \t\n\f]/.test(text))) throw new Reshaped();
      const [written, source] = escapedText(text);
      if (this.hole && text.includes(SLOT_START)) this.write(written.replace(SLOT, TEXT_SLOT), source.replace(SLOT, TEXT_SLOT));
      else this.write(written, source);
    } else if (/[^ \t\n\f]/.test(text)) {
      throw new Reshaped();
    } else if (phase === "afterBody" || phase === "afterHtml") {
      // The parser moves whitespace after </body> and </html> into the body.
      this.trailing += text;
    }
    // Whitespace before <head> is dropped.
  }

  oncomment(data: string): void {
    this.justOpenedPre = false;
    if (this.phase !== "inHead" && this.phase !== "inBody") throw new Reshaped();
    if (data.includes(SLOT_START)) throw new Reshaped();
    if (this.hole && data === this.hole.marker) {
      // One body a template.
      if (this.hole.open) throw new Reshaped();
      this.hole.open = [...this.stack];
      this.write(BODY_SLOT, BODY_SLOT);
      return;
    }
    const comment = `<!--${data}-->`;
    if (this.start < 0 && comment === FRAGMENT_START) {
      this.start = this.length;
      this.sourceStart = this.sourceLength;
    } else if (this.start >= 0 && this.end < 0 && comment === FRAGMENT_END) {
      this.end = this.length;
      this.sourceEnd = this.sourceLength;
    }
    let written = COMMENTS.get(comment);
    if (!written) {
      const html = comment.replace(ZWNJ, "&zwnj;");
      written = [html, escapeAsTemplate(html)];
      // Comments come from the templates only (the body's pass declines them): a few, the same in every email.
      if (COMMENTS.size > 64) COMMENTS.clear();
      COMMENTS.set(comment, written);
    }
    this.write(written[0], written[1]);
  }

  /** The document as written, once the parser has read it all; null unless it ended as a document does. */
  finish(): StyledDocument | null {
    if (this.phase !== "afterHtml" || this.stack.length > 0) return null;
    this.write(`${this.trailing}</body></html>`);
    return { html: this.out.join(""), start: this.start, end: this.end, source: { html: this.source.join(""), start: this.sourceStart, end: this.sourceEnd } };
  }
}

/**
 * The document as inlineEmailCss would write it, with the offsets of its fragment markers; null
 * when the document holds something the pass does not reproduce (then inline it in full).
 * `reader` reads the whole document from the same parse either way (the plain text). With
 * `body`, the document holds the body's marker comment and both read the body's events there
 * (the body as its preparation pass wrote it, not read again).
 */
export function styleDocument(document: string, reader?: Reader, body?: Splice): StyledDocument | null {
  if (!PATTERNS_APPLY) {
    if (reader) readAll(document, {}, reader, body);
    return null;
  }
  const styler = new Styler();
  return readAll(document, styler, reader, body) ? styler.finish() : null;
}

/**
 * A template's document styled once, its view's values as slots (src/email/shapes.ts): the
 * document with each slot marked where it is written (in text or in an attribute) and the body's
 * marker comment as BODY_SLOT, and the elements open there (where a body's events resume:
 * Styler.resume). Null where the pass declines, or a slot stands where a value could change how
 * the pass reads the document (a class or style, a table cell's attributes, text a parser moves).
 */
export function styleTemplate(document: string, marker: string, reader: Reader): { styled: StyledDocument; open: readonly Open[] } | null {
  if (!PATTERNS_APPLY) return null;
  const styler = new Styler(marker);
  const styled = readAll(document, styler, reader) ? styler.finish() : null;
  const open = styler.openAtHole;
  return styled && open ? { styled, open } : null;
}

/** An email's document and fragment; `source`, when the one pass made them, the two as the preview page shows them (escapeAsTemplate). */
export interface InlinedEmail {
  html: string;
  fragment: string;
  source?: { html: string; fragment: string };
}

/**
 * Inlines layouts/email/email.css into a rendered email and cuts its fragment (fragment.html):
 * the same bytes as splitFragment(inlineEmailCss(document)), in one pass where it can. `reader`
 * sees every event of that pass (see styleDocument). With `body`, `document` stands for
 * `body.document()` (the body's events in place of its marker); that is inlined in full if the
 * pass declines.
 */
export function inlineAndSplit(document: string, reader?: Reader, body?: Splice & { document: () => string }): InlinedEmail {
  const styled = styleDocument(document, reader, body);
  if (!styled) return splitFragment(inlineEmailCss(body ? body.document() : document));
  const { source } = styled;
  return { ...cutFragment(styled.html, styled.start, styled.end), source: cutFragment(source.html, source.start, source.end, escapeAsTemplate) };
}
