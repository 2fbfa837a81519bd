import { normalised, type ParserEvent, readEvents, type Reader, replay } from "../html/events.ts";
import { cutFragment } from "./inline.ts";
import { escapeAsTemplate, renderTemplate } from "./render.ts";
import { escapedAttribute, escapedText, type InlinedEmail, type Open, SLOT, Styler, styleTemplate } from "./styler.ts";

/**
 * The email template styled once per shape, not once per email.
 *
 * The template's markup and CSS are the same in every briefing's email; only its values differ
 * (title, dateline, lead image, key points, pull quote, links) and the body. What the template
 * writes depends on its values only through which of them are there (a lead image or none, how
 * many key points and authors, an empty caption): the shape. So, per shape:
 *
 *  1. the view's values become slots (slottedView): each text or number written as a mark
 *     (`\uE000` index `\uE001`), every null, empty or false value and every list's length kept;
 *     the few values the templates compare or include by name (LITERAL) are kept as they are;
 *  2. Nunjucks renders that view once, and the one-pass styler styles the document once,
 *     marking where each slot is written (in text or in an attribute) and where the body goes,
 *     with the elements open there (styleTemplate);
 *  3. the styled document, its fragment and both escaped for the preview are cut into literal
 *     pieces and slots (compile), and the parser's events kept for the plain text.
 *
 * Then each email only styles its body's events from where the template left off
 * (Styler.resume), escapes its values as the styler would have escaped them (escapedText,
 * escapedAttribute) and joins the pieces; its plain text reads the template's events with the
 * values in them, and the body's. The bytes are those of styling the whole document (tested
 * against it). A value a parser would read otherwise (CR, NUL), a body the pass declines, or a
 * shape the styler declines takes that way instead (src/email/index.ts).
 *
 * The templates may therefore only write a value (escaped) or test whether it is there, never
 * compare or transform it, except the LITERAL ones.
 */

/** View keys the templates compare, include by name or write unescaped: part of the shape, not slots. */
const LITERAL = new Set(["contentTemplate", "lang", "dir", "bodyHtml"]);

/** A view with its values as slots, the values in slot order, and the shape they fill. */
interface Slotted {
  view: Record<string, unknown>;
  values: string[];
  shape: string;
}

/** Thrown at a view value other than plain data (text, numbers, lists, plain objects): its email is styled whole. */
class NotPlainData extends Error {}

/** The view with its values as slots (step 1); null if it holds something other than plain data. */
function slottedView(view: Record<string, unknown>): Slotted | null {
  const values: string[] = [];
  let shape = "";
  const slot = (value: string) => `\uE000${values.push(value) - 1}\uE001`;
  const walk = (value: unknown): unknown => {
    if (typeof value === "string" || typeof value === "number") {
      // A falsy value stays itself: the templates' tests of it must see it.
      if (!value) {
        shape += typeof value === "number" ? String(value) : '""';
        return value;
      }
      shape += "$";
      return slot(String(value));
    }
    if (value === null || value === undefined || typeof value === "boolean") {
      shape += String(value);
      return value;
    }
    if (Array.isArray(value)) {
      shape += "[";
      const items = value.map(walk);
      shape += "]";
      return items;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) throw new NotPlainData();
    shape += "{";
    const object: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      shape += `${key}:`;
      object[key] = walk(item);
      shape += ",";
    }
    shape += "}";
    return object;
  };
  const slotted: Record<string, unknown> = {};
  try {
    for (const [key, value] of Object.entries(view)) {
      shape += `${key}:`;
      if (LITERAL.has(key)) {
        // Written as they are: one holding a slot's mark would pose as one.
        const literal = JSON.stringify(value) ?? "undefined";
        if (literal.includes("\uE000")) return null;
        shape += literal;
        slotted[key] = value;
      } else {
        slotted[key] = walk(value);
      }
      shape += ",";
    }
  } catch (error) {
    if (error instanceof NotPlainData) return null;
    throw error;
  }
  return { view: slotted, values, shape };
}

/** A literal piece of the styled template, or a slot: its value's index, in text or in an attribute; null for the body. */
type Piece = string | { text: number } | { attribute: number } | null;

/** The parser's events over the template, for the plain text: those holding slots are filled in per email. */
type TemplateEvent = (ParserEvent & { slotted?: boolean }) | { comment: string } | { instruction: [string, string] } | "body";

/** A template styled once for one shape (steps 2 and 3). */
interface Shape {
  html: Piece[];
  fragment: Piece[];
  /** The two as the preview page's source boxes show them (escapeAsTemplate). */
  source: { html: Piece[]; fragment: Piece[] };
  /** The elements open where the body goes. */
  open: readonly Open[];
  events: TemplateEvent[];
}

const MARKS = /\uE000(t\d+|a\d+|b)\uE001/;

/** Literal pieces and slots of a styled piece of markup, from the styler's marks. */
function pieces(markup: string): Piece[] {
  return markup.split(MARKS).map((part, index) => {
    if (index % 2 === 0) return part;
    if (part === "b") return null;
    return part[0] === "t" ? { text: Number(part.slice(1)) } : { attribute: Number(part.slice(1)) };
  });
}

/** Keeps the template's parser events (the plain text reads them with each email's values). */
function recorder(events: TemplateEvent[], marker: string): Reader {
  const holds = (text: string) => text.includes("\uE000");
  return {
    onopentag: (open, attribs) => events.push({ open, attribs, slotted: Object.values(attribs).some(holds) }),
    onclosetag: (close, implied) => events.push({ close, implied }),
    ontext: (text) => events.push({ text, slotted: holds(text) }),
    oncomment: (comment) => events.push(comment === marker ? "body" : { comment }),
    onprocessinginstruction: (name, data) => events.push({ instruction: [name, data] }),
  };
}

/** Steps 2 and 3 for one shape; null where the styler declines it. */
function compile(slotted: Record<string, unknown>, marker: string): Shape | null {
  const events: TemplateEvent[] = [];
  const template = styleTemplate(renderTemplate("email/email.njk", slotted), marker, recorder(events, marker));
  if (!template) return null;
  const { styled, open } = template;
  const document = cutFragment(styled.html, styled.start, styled.end);
  const source = cutFragment(styled.source.html, styled.source.start, styled.source.end, escapeAsTemplate);
  return {
    html: pieces(document.html),
    fragment: pieces(document.fragment),
    source: { html: pieces(source.html), fragment: pieces(source.fragment) },
    open,
    events,
  };
}

/** Shapes seen in this process (a few dozen in a build); null for one the styler declines. */
const SHAPES = new Map<string, Shape | null>();

/** One email's values, escaped as the styler writes them in the document and in its source, each once. */
class Filler {
  private readonly texts: ([string, string] | undefined)[] = [];
  private readonly attributes: ([string, string] | undefined)[] = [];
  constructor(
    private readonly values: readonly string[],
    private readonly body: [string, string],
  ) {}

  /** The pieces joined, with the values (and the body) in the document (0) or in its source (1). */
  join(pieces: readonly Piece[], copy: 0 | 1): string {
    let written = "";
    for (const piece of pieces) {
      if (typeof piece === "string") written += piece;
      else if (piece === null) written += this.body[copy];
      else if ("text" in piece) written += (this.texts[piece.text] ??= escapedText(this.values[piece.text]!))[copy];
      else written += (this.attributes[piece.attribute] ??= escapedAttribute(this.values[piece.attribute]!))[copy];
    }
    return written;
  }
}

/** The template's events for one email: the values in the slots, the body's events where it goes. */
function readTemplate(shape: Shape, values: readonly string[], body: readonly ParserEvent[], reader: Reader): void {
  const fill = (text: string) => text.replace(SLOT, (_slot, index: string) => values[Number(index)]!);
  for (const event of shape.events) {
    if (event === "body") replay(body, reader);
    else if ("comment" in event) reader.oncomment?.(event.comment);
    else if ("instruction" in event) reader.onprocessinginstruction?.(...event.instruction);
    else if ("text" in event) reader.ontext?.(event.slotted ? fill(event.text) : event.text);
    else if ("open" in event) {
      const attribs = event.slotted ? Object.fromEntries(Object.entries(event.attribs).map(([name, value]) => [name, fill(value)])) : event.attribs;
      reader.onopentag?.(event.open, attribs, false);
    } else reader.onclosetag?.(event.close, event.implied === true);
  }
}

/**
 * The email of `view` (layouts/email/email.njk's, `marker` standing for the body) with the body's
 * events, from its shape's template styled once; `text` reads the whole email's events. Null, and
 * `text` untouched, where the email must be styled whole (see the top of this file).
 */
export function styleFromShape(view: Record<string, unknown>, marker: string, body: readonly ParserEvent[], text: Reader): InlinedEmail | null {
  const slotted = slottedView(view);
  if (!slotted || slotted.values.some(normalised)) return null;
  let shape = SHAPES.get(slotted.shape);
  if (shape === undefined) {
    shape = compile(slotted.view, marker);
    if (SHAPES.size > 256) SHAPES.clear();
    SHAPES.set(slotted.shape, shape);
  }
  if (!shape) return null;
  const styler = Styler.resume(shape.open);
  const styledBody = readEvents(body, styler) ? styler.writtenInside(shape.open) : null;
  if (!styledBody) return null;
  const filler = new Filler(slotted.values, styledBody);
  readTemplate(shape, slotted.values, body, text);
  return {
    html: filler.join(shape.html, 0),
    fragment: filler.join(shape.fragment, 0),
    source: { html: filler.join(shape.source.html, 1), fragment: filler.join(shape.source.fragment, 1) },
  };
}
