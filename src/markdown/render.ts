import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";
import { slugify } from "../urls.ts";

/**
 * The one Markdown renderer for briefings. Raw HTML is allowed (editors may embed), the
 * typographer turns "quotes" and -- into typographic ones, headings get ids for deep links.
 */
function createMarkdown() {
  return new MarkdownIt({ html: true, linkify: true, typographer: true })
    .use(anchor, { slugify: (text: string) => slugify(text) || "section", tabIndex: false })
    .use(footnote);
}

const shared = createMarkdown();

export function renderMarkdown(body: string): string {
  return shared.render(body);
}
