/**
 * Workarounds for how feed 6 (through xml-js 1.6) writes XML: it puts values into the document
 * unchanged, so whatever XML cannot hold must be dealt with before.
 */

/** Control characters and non-characters XML 1.0 forbids, and unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Drops characters no XML document may contain (a form feed pasted from a word processor would
 * otherwise make the whole feed unreadable). Applied to every item field, in all three formats,
 * so that they carry the same text.
 */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, "");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Plain text as HTML, for elements feed 6 marks type="html" (Atom) or readers treat as HTML. */
export function textAsHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => HTML_ESCAPES[char] ?? char);
}

const CDATA_END = "]]>";

/**
 * xml-js splits only the first "]]>" of a CDATA section (String.replace with a string), so a
 * second one would end the section early and break the document. Split every later one the same
 * way beforehand; xml-js still splits the first itself.
 */
export function cdataSafe(text: string): string {
  const first = text.indexOf(CDATA_END);
  if (first < 0) return text;
  const cut = first + CDATA_END.length;
  return text.slice(0, cut) + text.slice(cut).replaceAll(CDATA_END, "]]]]><![CDATA[>");
}

/**
 * xml-js escapes only '"' in attribute values and feed only '&', so a "<" would make the
 * document ill-formed. Returns undefined (attribute left out) for values that cannot be written.
 */
export function attributeOrNothing(value: string): string | undefined {
  return value.includes("<") ? undefined : value;
}
