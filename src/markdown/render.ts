import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { slugify } from "../urls.ts";

type StateCore = Parameters<Parameters<InstanceType<typeof MarkdownIt>["core"]["ruler"]["push"]>[1]>[0];

/**
 * Gives every heading an id for deep links, unique within the briefing ("update", "update-1",
 * "update-2"), from its text and inline code. markdown-it-anchor did this by trying 1, 2, 3…
 * afresh for every heading and searching the token list from the start after each one: 16,000
 * "## Update" headings took 17 s. Remembering the next number for each id keeps it linear.
 */
function headingIds(state: StateCore): void {
  const used = new Map<string, number>();
  const { tokens } = state;
  for (let index = 0; index < tokens.length; index += 1) {
    if (tokens[index]!.type !== "heading_open") continue;
    const text = (tokens[index + 1]?.children ?? [])
      .filter((child) => child.type === "text" || child.type === "code_inline")
      .map((child) => child.content)
      .join("");
    const base = slugify(text) || "section";
    let id = base;
    if (used.has(base)) {
      let next = used.get(base)!;
      while (used.has(`${base}-${next}`)) next += 1;
      id = `${base}-${next}`;
      used.set(base, next + 1);
    }
    if (!used.has(id)) used.set(id, 1);
    tokens[index]!.attrSet("id", id);
  }
}

/**
 * markdown-it-footnote's footnote_tail appends each footnote with `tokens = tokens.concat(…)`,
 * copying the whole token list once per footnote (8,000 footnotes: 17 s). For that one rule the
 * token list appends in place instead (filter() and concat() keep the subclass), then is a
 * plain array again.
 */
class AppendingTokens<T> extends Array<T> {
  override concat(...items: (T | ConcatArray<T>)[]): T[] {
    for (const item of items) {
      if (Array.isArray(item)) for (const token of item as T[]) this.push(token);
      else this.push(item as T);
    }
    return this;
  }
}

/** The typographer's settings, one home for the body and for extracted text shown beside it: "quotes"
 * and 'quotes' become “ ” and ‘ ’, apostrophes ’, and -- … (c) their typographic forms. */
const TYPOGRAPHY = { typographer: true, quotes: "“”‘’" } as const;

/**
 * The one Markdown renderer for briefings. Raw HTML is allowed (editors may embed), the
 * typographer turns "quotes" and -- into typographic ones, headings get ids for deep links.
 */
function createMarkdown() {
  const md = new MarkdownIt({ html: true, linkify: true, ...TYPOGRAPHY }).use(footnote);
  md.core.ruler.push("heading_ids", headingIds);
  md.core.ruler.before("footnote_tail", "footnote_tail_appends", (state) => {
    state.tokens = AppendingTokens.from(state.tokens);
  });
  md.core.ruler.after("footnote_tail", "footnote_tail_done", (state) => {
    state.tokens = Array.from(state.tokens);
  });
  return md;
}

const shared = createMarkdown();

export function renderMarkdown(body: string): string {
  return shared.render(body);
}

/** markdown-it reading plain text as nothing but text (no inline syntax, entities or escapes), so that
 * only the typographer's rules change it. */
function createPlainTypographer() {
  const md = new MarkdownIt({ html: false, linkify: false, ...TYPOGRAPHY });
  md.inline.ruler.enableOnly(["text"]);
  md.inline.ruler2.enableOnly([]);
  md.core.ruler.enableOnly(["normalize", "block", "inline", "replacements", "smartquotes", "text_join"]);
  return md;
}

const plainTypographer = createPlainTypographer();

/**
 * Plain text (an extracted summary, key point or pull quote) with the body's typography, for display:
 * the same quotes, apostrophes and dashes as the rendered Markdown. Not for text whose offsets matter:
 * the extractors' plain text and quotations stay as written.
 */
export function typographic(text: string): string {
  return TYPOGRAPHY_AT_WORK.test(text) ? typographicByParser(text) : text;
}

/**
 * What the typographer's rules change (markdown-it's own tests before running them: quotes, its
 * rare replacements, (c) (tm) (r)) and what its normalize rule changes (CR, NUL): text with none
 * of them comes out as it went in, so it is not parsed at all.
 */
const TYPOGRAPHY_AT_WORK = /['"\r\0]|\+-|\.\.|\?\?\?\?|!!!!|,,|--|\((?:c|tm|r)\)/i;

/** typographic by markdown-it, whatever the text holds. */
export function typographicByParser(text: string): string {
  if (text === "") return text;
  const [inline] = plainTypographer.parseInline(text, {});
  return (inline?.children ?? []).map((child) => child.content).join("");
}
