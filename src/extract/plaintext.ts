/** Source → plain text split into blocks (headings, paragraphs, list items) with offsets. */
import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { SENTENCE_CLOSERS, SENTENCE_ENDS } from "./charsets.js";
import { simpleBlocks, type SimpleBlock } from "./simpleblocks.js";
import type { Block, BlockKind, PlainDocument, SourceFormat } from "./types.js";

// html: true so raw HTML is recognised as such and skipped instead of being read as prose.
// The footnote plugin, as on the site, so that `[^1]` references and `[^1]: …` definitions are read
// as footnotes: with inline parsing deferred, definitions leave the token stream and are not prose.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnote);
// Inline parsing is most of markdown-it's time, yet most paragraphs have no inline syntax at all: the core
// chain runs without it and `blockText` parses only the blocks that need it.
markdown.core.ruler.disable("inline");
// The plain text keeps no link targets, yet markdown-it normalises each one (URL parsing, punycode,
// percent-encoding) before validating it: about a fifth of inline parsing on the bench briefings. An http(s)
// URL passes validation before and after normalising, so it is handed on as it is.
const WEB_URL = /^https?:\/\//i;
const normalizeLink = markdown.normalizeLink.bind(markdown);
markdown.normalizeLink = (url: string): string => (WEB_URL.test(url) ? url : normalizeLink(url));
/** Characters at which some enabled inline rule can fire (linkify and typographer are off). Text without
 * them parses to a single text token equal to itself. */
const INLINE_SYNTAX = /[\n\\`~_*[!<&]/;
/** `[label](http…)` with no inline syntax in its label and a web target without spaces, brackets or escapes:
 * markdown-it reads it as a link whose text is the label. */
// eslint-disable-next-line no-control-regex -- a target ends at a control character or a space, as markdown-it reads it
const PLAIN_LINK = /\[([^\n\\`~_*[\]!<&]*)\]\((https?:\/\/[^\x00-\x20\x7f()\\]*)\)/giu;

type MdToken = ReturnType<typeof markdown.parse>[number];
/** markdown-it's parsing environment: it carries the link reference definitions. */
type Env = Record<string, unknown>;

const BLOCK_SEPARATOR = "\n\n";

/** Accumulates block texts into one plain text, recording each block's offsets. */
class DocumentBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly blocks: Block[] = [];

  add(kind: BlockKind, raw: string): void {
    const text = raw.trim();
    if (text === "") return;
    if (this.parts.length > 0) {
      this.parts.push(BLOCK_SEPARATOR);
      this.length += BLOCK_SEPARATOR.length;
    }
    this.blocks.push({ kind, start: this.length, end: this.length + text.length });
    this.parts.push(text);
    this.length += text.length;
  }

  build(): PlainDocument {
    return { text: this.parts.join(""), blocks: this.blocks };
  }
}

/** Normalises line endings and drops a byte-order mark. */
export function normalizeSource(source: string): string {
  const withoutBom = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return withoutBom.includes("\r") ? withoutBom.replace(/\r\n?/g, "\n") : withoutBom;
}

/** The prose of a block's inline source (a paragraph, heading or table cell). */
function blockText(content: string, env: Env): string {
  if (!INLINE_SYNTAX.test(content)) return content;
  // A block whose only inline syntax is such links is its text with each link replaced by its label
  // (unless a `^` might open an inline footnote, `^[…]`).
  if (!content.includes("^")) {
    const labels = content.replace(PLAIN_LINK, "$1");
    if (!INLINE_SYNTAX.test(labels)) return labels;
  }
  const children: MdToken[] = [];
  markdown.inline.parse(content, markdown, env, children);
  return inlineText(children);
}

function inlineText(children: readonly MdToken[]): string {
  let out = "";
  for (const child of children) {
    switch (child.type) {
      case "text":
      case "text_special": // escapes and entities; the core rule text_join would have made them text
      case "code_inline":
        out += child.content;
        break;
      case "softbreak":
        out += " ";
        break;
      case "hardbreak":
        out += "\n";
        break;
      default:
        // Images, raw HTML and formatting markers carry no prose.
        break;
    }
  }
  return out;
}

function markdownToPlain(source: string): PlainDocument {
  const simple = simpleBlocks(source);
  return simple ? simpleToPlain(simple) : markdownItToPlain(source);
}

function simpleToPlain(blocks: readonly SimpleBlock[]): PlainDocument {
  const builder = new DocumentBuilder();
  const env: Env = {}; // a simple document defines no link references
  for (const block of blocks) builder.add(block.kind, blockText(block.content, env));
  return builder.build();
}

function markdownItToPlain(source: string): PlainDocument {
  const builder = new DocumentBuilder();
  let listDepth = 0;
  let inHeading = false;
  const env: Env = {}; // shared by block and inline parsing
  for (const token of markdown.parse(source, env)) {
    switch (token.type) {
      case "list_item_open":
        listDepth++;
        break;
      case "list_item_close":
        listDepth--;
        break;
      case "heading_open":
        inHeading = true;
        break;
      case "heading_close":
        inHeading = false;
        break;
      case "inline":
        builder.add(inHeading ? "heading" : listDepth > 0 ? "list-item" : "paragraph", blockText(token.content, env));
        break;
      default:
        // Code blocks, HTML blocks and rules are not prose.
        break;
    }
  }
  return builder.build();
}

const HEADING_MAX_CHARS = 100;
const HEADING_MAX_WORDS = 12;
/** A plain-text article's first line is its headline when it lacks end punctuation, even a long one. */
const HEADLINE_MAX_CHARS = 200;
const TRAILING_CLOSERS = new Set(SENTENCE_CLOSERS);
const END_PUNCTUATION = new Set([...SENTENCE_ENDS, ...":;,"]);

function endsPunctuated(text: string): boolean {
  let last = text.length - 1;
  while (last > 0 && TRAILING_CLOSERS.has(text[last]!)) last--;
  return END_PUNCTUATION.has(text[last]!);
}

/** A short line with no end punctuation reads as a heading in a plain-text article; the first line
 * (`first`) may be a long headline. */
export function looksLikeHeading(line: string, first = false): boolean {
  const text = line.trim();
  if (text === "" || endsPunctuated(text)) return false;
  if (first) return text.length <= HEADLINE_MAX_CHARS;
  return text.length <= HEADING_MAX_CHARS && text.split(/\s+/).length <= HEADING_MAX_WORDS;
}

const STARTS_LOWERCASE = /^\p{Ll}/u;

function textToPlain(source: string): PlainDocument {
  const builder = new DocumentBuilder();
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length === 0) return;
    const text = paragraph.join(" ");
    const first = builder.blocks.length === 0;
    builder.add(paragraph.length === 1 && looksLikeHeading(text, first) ? "heading" : "paragraph", text);
    paragraph = [];
  };
  for (const rawLine of source.split("\n")) {
    const line = rawLine.trim();
    if (line === "") {
      flush();
      continue;
    }
    // One paragraph per line, except a line starting in lower case continues a hard-wrapped one.
    if (!(paragraph.length > 0 && STARTS_LOWERCASE.test(line))) flush();
    paragraph.push(line);
  }
  flush();
  return builder.build();
}

/** Converts a Markdown body or a plain-text article into plain text with block offsets. */
export function toPlainDocument(source: string, format: SourceFormat = "markdown"): PlainDocument {
  const normalized = normalizeSource(source);
  return format === "markdown" ? markdownToPlain(normalized) : textToPlain(normalized);
}
