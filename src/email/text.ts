import { compile, type FormatCallback } from "html-to-text";

/**
 * Plain-text lines stay under 78 columns (RFC 5322's recommendation); links go to a numbered
 * list at the end, the only lines that may be longer (a URL cannot wrap).
 */
export const TEXT_WIDTH = 76;

interface TextContext {
  pageUrl: string;
  references: string[];
}

type Builder = Parameters<FormatCallback>[2];

/** The per-conversion context html-to-text 10 hands formatters (its @types, for version 9, omit it). */
function contextOf(builder: Builder): TextContext {
  return (builder as Builder & { metadata: TextContext }).metadata;
}

function isInPageAnchor(href: string, context: TextContext): boolean {
  try {
    const url = new URL(href);
    const page = new URL(context.pageUrl);
    return url.hash !== "" && url.origin === page.origin && url.pathname === page.pathname;
  } catch {
    return false;
  }
}

/** Links become "text [n]" with the URLs numbered at the end; the list lives in the builder's metadata. */
const formatReference: FormatCallback = (elem, walk, builder) => {
  const href = elem.attribs?.href?.replace(/^mailto:/, "") ?? "";
  let text = "";
  builder.pushWordTransform((word) => {
    text += word;
    return word;
  });
  walk(elem.children, builder);
  builder.popWordTransform();
  // Footnote marks point into this very text. A bare URL still gets a reference: the text may
  // have wrapped it, the list at the end keeps it whole.
  if (!href || isInPageAnchor(href, contextOf(builder))) return;
  const { references } = contextOf(builder);
  let number = references.indexOf(href) + 1;
  if (number === 0) number = references.push(href);
  builder.addInline(text ? ` [${number}]` : `[${number}]`, { noWordTransform: true });
};

/** Images keep their alt text in brackets; decorative ones (no alt) vanish. */
const formatAlt: FormatCallback = (elem, _walk, builder) => {
  const alt = elem.attribs?.alt?.trim();
  if (alt) builder.addInline(`[${alt}]`, { noWordTransform: true });
};

// compile() passes its second argument to formatters as builder.metadata (html-to-text 10).
const convert: (html: string, context: TextContext) => string = compile({
  wordwrap: TEXT_WIDTH,
  // Words longer than a line (URLs, compounds, table cells) break, at a slash or hyphen if possible.
  longWordSplit: { wrapCharacters: ["/", "-", "?", "&"], forceWrapOnLimit: true },
  formatters: { reference: formatReference, alt: formatAlt },
  selectors: [
    { selector: "a", format: "reference" },
    { selector: "img", format: "alt" },
    { selector: ".preheader", format: "skip" },
    { selector: ".quote-bar", format: "skip" },
    { selector: "p.section-label", format: "heading", options: { uppercase: true, leadingLineBreaks: 2, trailingLineBreaks: 1 } },
    { selector: "td.quote-cell", format: "blockquote", options: { trimEmptyLines: true } },
    // Layout tables read as blocks; the briefing's own tables (no role) stay tables, their
    // columns narrow enough that five fit in the line (longer cells wrap inside the column).
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false, maxColumnWidth: 12, colSpacing: 2 } },
    { selector: "table[role=presentation]", format: "block" },
    { selector: "tr", format: "block" },
    { selector: "td", format: "block" },
    { selector: "ul", options: { itemPrefix: " - " } },
  ],
});

/** The longest run of text without a space that html-to-text is given in one piece. */
const LONGEST_RUN = 1000;
/** A character reference is at most ~32 characters ("&CounterClockwiseContourIntegral;"). */
const LONGEST_REFERENCE = 40;

/** Cuts one long run into pieces of at most LONGEST_RUN, never inside "&amp;" or a surrogate pair. */
function splitRun(run: string): string {
  const pieces: string[] = [];
  let start = 0;
  while (run.length - start > LONGEST_RUN) {
    let cut = start + LONGEST_RUN;
    const reference = run.lastIndexOf("&", cut - 1);
    if (reference > start && cut - reference < LONGEST_REFERENCE && !run.slice(reference, cut).includes(";")) cut = reference;
    if (/[\uD800-\uDBFF]/.test(run[cut - 1]!)) cut -= 1;
    pieces.push(run.slice(start, cut));
    start = cut;
  }
  pieces.push(run.slice(start));
  return pieces.join("<wbr>");
}

/** Whether `html` has a run of more than LONGEST_RUN characters without whitespace (as \s) or "<": one linear scan (the regex alone revisits every run once per character). */
function hasLongRun(html: string): boolean {
  let run = 0;
  for (let index = 0; index < html.length; index += 1) {
    const code = html.charCodeAt(index);
    const space =
      code === 60 || (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
      code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
    run = space ? 0 : run + 1;
    if (run > LONGEST_RUN) return true;
  }
  return false;
}

/**
 * html-to-text splits a word longer than the line by gluing the rest of the word back together
 * after every line, so one 400 KB "word" (a pasted run of &amp;s) took 8 s and 2.2 GB. Text
 * runs longer than LONGEST_RUN get a <wbr> (a place to break, which adds no character) every
 * LONGEST_RUN characters: the text wraps in linear time, and a run that long is cut into lines
 * anyway. Tags (and their attributes, such as long link addresses) are left alone.
 */
function breakLongRuns(html: string): string {
  if (!hasLongRun(html)) return html;
  return html.replace(new RegExp(`(<[^>]*>)|[^\\s<]{${LONGEST_RUN + 1},}`, "g"), (match: string, tag?: string) => tag ?? splitRun(match));
}

/**
 * The plain-text part, from the email's own HTML so that both parts say the same thing.
 * `pageUrl` is the briefing's permalink: links to its own anchors (footnotes) get no reference.
 */
export function toPlainText(html: string, pageUrl: string): string {
  const references: string[] = [];
  const body = convert(breakLongRuns(html), { pageUrl, references } satisfies TextContext).trim();
  if (references.length === 0) return `${body}\n`;
  const list = references.map((href, index) => `[${index + 1}] ${href}`).join("\n");
  return `${body}\n\nLinks:\n${list}\n`;
}
