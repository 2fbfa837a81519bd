/**
 * Where an HTML5 parser (parse5, html5ever) would reshape what an HTML tokenizer reads as
 * written. The one-pass writers (styler.ts, body.ts) reproduce a parser's output only for
 * documents it would leave as they are; at anything listed here they decline, and the caller
 * takes the parser's way.
 */

/** Elements whose content a parser reads otherwise (raw text, foreign content, forms, the document's own parts). */
const RESHAPED = new Set([
  "script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript", "textarea", "listing",
  "svg", "math", "template", "select", "option", "optgroup", "form", "frameset", "object", "applet", "marquee", "button",
  "colgroup", "col", "nobr", "image", "isindex",
]);

/** What each table part may hold without the parser moving anything. */
export const TABLE_CONTENT = new Map([
  ["table", ["caption", "thead", "tbody", "tfoot", "tr"]],
  ["thead", ["tr"]],
  ["tbody", ["tr"]],
  ["tfoot", ["tr"]],
  ["tr", ["td", "th"]],
]);
const TABLE_PARTS = new Set(["caption", "thead", "tbody", "tfoot", "tr", "td", "th"]);

/** Start tags that end an open <p> (HTML's "close a p element"). */
const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
  "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul",
  "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "plaintext", "li", "dd", "dt", "table", "hr", "xmp",
]);

/** Whether a <p> is open in the current cell (a table or cell starts a new scope). */
function inParagraph(open: readonly { name: string }[]): boolean {
  for (let index = open.length - 1; index >= 0; index -= 1) {
    const name = open[index]!.name;
    if (name === "p") return true;
    if (name === "td" || name === "th" || name === "table" || name === "html") return false;
  }
  return false;
}

/**
 * What a parser does with this start tag inside the open elements (innermost last): keeps it as
 * written, wraps a row written straight into a table in a <tbody>, or reshapes something else.
 */
export function startTagEffect(name: string, open: readonly { name: string }[]): "none" | "tbody" | "reshape" {
  if (RESHAPED.has(name) || name.includes(":")) return "reshape";
  const parent = open.at(-1)?.name ?? "";
  const allowed = TABLE_CONTENT.get(parent);
  if (allowed ? !allowed.includes(name) : TABLE_PARTS.has(name)) return "reshape";
  if (name === "a" && open.some((element) => element.name === "a")) return "reshape";
  if (CLOSES_P.has(name) && inParagraph(open)) return "reshape";
  return parent === "table" && name === "tr" ? "tbody" : "none";
}

/** Whether a parser moves this text out of where it stands (text other than whitespace in a table part is fostered out). */
export function textMoved(text: string, parent: string): boolean {
  return TABLE_CONTENT.has(parent) && /[^ \t\n\f]/.test(text);
}

