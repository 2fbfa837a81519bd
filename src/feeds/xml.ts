/**
 * Workarounds for how feed 6 (through xml-js 1.6) writes XML: it puts values into the document
 * unchanged, so whatever XML cannot hold must be dealt with before.
 */

/**
 * Control characters and non-characters XML 1.0 forbids, unpaired surrogates, and the
 * non-characters U+FDD0 and U+FDD1 that rssPlainText uses as marks.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFDD0\uFDD1\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NOT_XML without its lookarounds (a surrogate may well be paired): a cheaper first test. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFDD0\uFDD1\uFFFE\uFFFF]/;

/**
 * Drops characters no XML document may contain (a form feed pasted from a word processor would
 * otherwise make the whole feed unreadable). Applied to every item field, in all three formats,
 * so that they carry the same text.
 */
export function xmlChars(text: string): string {
  return MAYBE_NOT_XML.test(text) ? text.replace(NOT_XML, "") : text;
}

const AMP_MARK = "\uFDD0";
const LT_MARK = "\uFDD1";

/**
 * Plain text for an RSS element (titles, categories, dc:creator): the RSS Best Practices Profile
 * asks for "&" and "<" as the hexadecimal references &#x26; and &#x3C;, so that readers (and the
 * W3C validator) know the text is not HTML. xml-js would write &amp; and &lt; (and first turns
 * a literal "&amp;" back into "&"), so both characters become marks here that
 * rssCharacterReferences turns into references in the finished document.
 */
export function rssPlainText(text: string): string {
  return xmlChars(text).replaceAll("&", AMP_MARK).replaceAll("<", LT_MARK);
}

/** The second half of rssPlainText, on the whole serialised feed. */
export function rssCharacterReferences(xml: string): string {
  return xml.replaceAll(AMP_MARK, "&#x26;").replaceAll(LT_MARK, "&#x3C;");
}

/**
 * xml-js escapes only '"' in attribute values and feed only '&', so a "<" would make the
 * document ill-formed. Returns undefined (attribute left out) for values that cannot be written.
 */
export function attributeOrNothing(value: string): string | undefined {
  return value.includes("<") ? undefined : value;
}
