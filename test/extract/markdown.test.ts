import fc from "fast-check";
import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { describe, expect, it } from "vitest";
import { toPlainDocument, type Block, type BlockKind, type PlainDocument } from "../../src/extract/index.js";
import { normalizeSource } from "../../src/extract/plaintext.js";
import { simpleBlocks } from "../../src/extract/simpleblocks.js";

// The straightforward conversion the optimised one must match: a full markdown-it parse (block and
// inline rules), the text of every inline token's children, footnotes left out.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnote);
type MdToken = ReturnType<typeof markdown.parse>[number];

function childrenText(children: readonly MdToken[]): string {
  let out = "";
  for (const child of children) {
    if (child.type === "text" || child.type === "code_inline") out += child.content;
    else if (child.type === "softbreak") out += " ";
    else if (child.type === "hardbreak") out += "\n";
  }
  return out;
}

function reference(source: string): PlainDocument {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let length = 0;
  let listDepth = 0;
  let inHeading = false;
  let inFootnotes = false;
  for (const token of markdown.parse(normalizeSource(source), {})) {
    if (token.type === "footnote_block_open") inFootnotes = true;
    else if (token.type === "footnote_block_close") inFootnotes = false;
    else if (inFootnotes) continue;
    else if (token.type === "list_item_open") listDepth++;
    else if (token.type === "list_item_close") listDepth--;
    else if (token.type === "heading_open") inHeading = true;
    else if (token.type === "heading_close") inHeading = false;
    else if (token.type === "inline") {
      const text = childrenText(token.children ?? []).trim();
      if (text === "") continue;
      if (parts.length > 0) length += 2;
      const kind: BlockKind = inHeading ? "heading" : listDepth > 0 ? "list-item" : "paragraph";
      blocks.push({ kind, start: length, end: length + text.length });
      parts.push(text);
      length += text.length;
    }
  }
  return { text: parts.join("\n\n"), blocks };
}

// Mostly lines the fast path accepts (text, ATX headings in their edge forms, blank lines, inline
// syntax, Unicode spaces), some that send a document to markdown-it.
const line = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.constantFrom("Talks", "resumed", "on", "Sunday.", "“Yes,”", "'no'", "3.5", "#tag", "x#", " ", "  ", "\t", "\u00a0", "\u3000", "é", "日本", "🎉"), { minLength: 1, maxLength: 8 }).map((w) => w.join(" ")) },
  { weight: 3, arbitrary: fc.constantFrom("#", "# ", "#\t", "## Title", "###### Six", "####### Seven", "#Title", "# Title #", "# Title#", "# Title ##  ", "#  Spaced  \t", "# #", "## a ## b", "# \u00a0x\u00a0") },
  { weight: 3, arbitrary: fc.constantFrom("*em* and **strong**", "_u_", "`code`", "[link](https://x.test)", "![img](a.png) caption", "<b>bold</b>", "&amp; &#35; &bogus;", "a\\*b", "~~gone~~", "trailing  ", "line\\", "[ref]", "[a] [b]") },
  { weight: 3, arbitrary: fc.constantFrom("", " ", "\t", "  \t ") },
  { weight: 3, arbitrary: fc.constantFrom("- item", "- Talks resumed.", "- *em* [x](y)", "- # h", "- 1. one", "- > q", "- - x", "-  two", "-\titem", "- ", "-", "- \u00a0x", "- x  ", "- `c`", "- #tag") },
  { weight: 1, arbitrary: fc.constantFrom("* item", "+ item", "1. one", "2) two", "10.x", "> quote", "    code", " lead", "\tlead", "```", "~~~", "---", "***", "___", "===", "| a | b |", "|---|---|", ":--", "<div>", "[ref]: https://x.test", "x\0y") },
);
const documents = fc.array(line, { maxLength: 14 }).chain((lines) =>
  fc.constantFrom("\n", "\r\n").map((eol) => lines.join(eol) + (lines.length % 2 ? eol : "")),
);

describe("Markdown to plain text", () => {
  it("matches a full markdown-it parse, with and without the simple-document fast path", () => {
    let simple = 0;
    fc.assert(
      fc.property(documents, (source) => {
        if (simpleBlocks(normalizeSource(source))) simple++;
        expect(toPlainDocument(source, "markdown")).toEqual(reference(source));
      }),
      { numRuns: 1500 },
    );
    expect(simple).toBeGreaterThan(300); // the fast path was exercised
  });

  it("leaves documents with other blocks to markdown-it", () => {
    for (const source of ["Para\n- item", "- item\nlazy", "- item\n## H", "- item\n  more", "Para\n> quote", "    code", "Title\n===", "[a]: https://x.test\n\n[a]", "a | b\n--|--"]) {
      expect(simpleBlocks(source)).toBeNull();
    }
    expect(simpleBlocks("## Heading ##\nText on\ntwo lines.\n\n  \nMore.")).toEqual([
      { kind: "heading", content: "Heading" },
      { kind: "paragraph", content: "Text on\ntwo lines." },
      { kind: "paragraph", content: "More." },
    ]);
    expect(simpleBlocks("## Steps\n- One *now*\n- Two  \n\n- Three\n\nAfter.")).toEqual([
      { kind: "heading", content: "Steps" },
      { kind: "list-item", content: "One *now*" },
      { kind: "list-item", content: "Two" },
      { kind: "list-item", content: "Three" },
      { kind: "paragraph", content: "After." },
    ]);
  });
});
