import fc from "fast-check";
import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { describe, expect, it } from "vitest";
import { analyze, looksLikeHeading, toPlainDocument } from "../../src/extract/index.js";

const blocks = (source: string, format: "markdown" | "text") => {
  const doc = toPlainDocument(source, format);
  return doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)]);
};

describe("toPlainDocument", () => {
  it("turns Markdown tokens into headings, paragraphs and list items without markup", () => {
    const md = "# Title\n\n![photo](a.jpg)\n\nSome *emphasis* and [a link](https://x.test)\nover two lines.\n\n- first item\n- `code` item\n\n<div>raw html</div>\n\n```\ncode block\n```";
    expect(blocks(md, "markdown")).toEqual([
      ["heading", "Title"],
      ["paragraph", "Some emphasis and a link over two lines."],
      ["list-item", "first item"],
      ["list-item", "code item"],
    ]);
  });

  it("splits plain text at blank lines and single newlines, and finds headings", () => {
    const text = "Announcement Follows Paris Summit\nThe statement was made on Tuesday.\n\nA second paragraph.\r\nA third one.";
    expect(blocks(text, "text")).toEqual([
      ["heading", "Announcement Follows Paris Summit"],
      ["paragraph", "The statement was made on Tuesday."],
      ["paragraph", "A second paragraph."],
      ["paragraph", "A third one."],
    ]);
  });

  it("joins a hard-wrapped line that continues in lower case", () => {
    expect(blocks("The minister said the plan\nwould cost more than expected.", "text")).toEqual([
      ["paragraph", "The minister said the plan would cost more than expected."],
    ]);
  });

  it("recognises headings by length and missing end punctuation", () => {
    expect(looksLikeHeading("Details of the Proposed Military Presence")).toBe(true);
    expect(looksLikeHeading("The plan was announced.")).toBe(false);
    expect(looksLikeHeading("He asked 'why?'")).toBe(false);
    expect(looksLikeHeading("x ".repeat(60))).toBe(false);
    // The first line of an article is its headline even when long.
    const headline = "Software maker Quillon to cut 1,200 jobs as AI takes over its customer support work";
    expect(looksLikeHeading(headline)).toBe(false);
    expect(looksLikeHeading(headline, true)).toBe(true);
    expect(looksLikeHeading("The plan was announced on Tuesday.", true)).toBe(false);
    expect(blocks(`${headline}\n\nSAN FRANCISCO - Quillon said on Wednesday it would cut jobs.`, "text")[0]![0]).toBe("heading");
  });

  it("keeps block offsets consistent with the plain text", () => {
    const doc = toPlainDocument("\uFEFFOne.\n\n\nTwo.\nThree.", "text");
    expect(doc.text).toBe("One.\n\nTwo.\n\nThree.");
    for (const b of doc.blocks) expect(doc.text.slice(b.start, b.end).trim()).toBe(doc.text.slice(b.start, b.end));
  });
});

describe("footnotes in Markdown", () => {
  it("are neither prose nor key points: references vanish and definitions are left out", () => {
    const source = "Ministers met on Monday.[^1] They agreed a plan.\n\n[^1]: The meeting was in Brussels, officials said.\n";
    const result = analyze(source, "markdown");
    expect(result.plainText).toBe("Ministers met on Monday. They agreed a plan.");
    expect(result.keyPoints.join(" ")).not.toContain("[^");
  });
});

describe("links in Markdown", () => {
  it("keep their text whatever their target, as markdown-it reads them", () => {
    const md = "[a](HTTPS://Ex\u00e4mple.test/p\u00e4th?q=1) [b](javascript:alert(1)) [c](http://x.test/%zz) [d](data:text/html,x) <https://x.test/y>";
    expect(toPlainDocument(md, "markdown").text).toBe("a [b](javascript:alert(1)) c [d](data:text/html,x) https://x.test/y");
  });

  it("read without markdown-it when their only syntax is [label](http…), as markdown-it reads them", () => {
    // The reference: markdown-it parsing every block's inline content, its text tokens as extraction keeps them.
    const md = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnote);
    const reference = (source: string): string =>
      md.parse(source, {}).filter((t) => t.type === "inline").map((t) => (t.children ?? []).map((c) =>
        c.type === "text" || c.type === "text_special" || c.type === "code_inline" ? c.content : c.type === "softbreak" ? " " : c.type === "hardbreak" ? "\n" : "").join("").trim())
        .filter(Boolean).join("\n\n");
    const piece = fc.constantFrom("[", "]", "(", ")", "[a](https://x.test/p)", "[b c](HTTP://y.test)", "](https://z.test/(q))", "https://", "http://w.test",
      "word", " ", "!", "\\", "*", "_", "`", "<", "&amp;", "'", "\"", "é", ":", "%", "<https://v.test>", "\t", "\u0000");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const source = `Lead ${pieces.join("")} end.`;
        return toPlainDocument(source, "markdown").text === reference(source);
      }),
      { numRuns: 3000 },
    );
    // `^[` opens an inline footnote, which is no prose.
    expect(toPlainDocument("Lead ^[note](https://x.test) end.", "markdown").text).toBe("Lead (https://x.test) end.");
  });

  // Extraction skips normalising http(s) targets (plaintext.ts): only valid if normalising never changes
  // markdown-it's verdict on them.
  it("with an http(s) target pass markdown-it's validation after normalising, as before", () => {
    const md = new MarkdownIt();
    const unit = fc.constantFrom("a", "Z", "0", ".", "/", ":", "@", "%", "?", "#", "[", "]", " ", "\n", "\\", "ä", "\u0000", "\ud800", "xn--", "javascript:", "data:");
    fc.assert(
      fc.property(fc.constantFrom("http://", "https://", "HTTPS://", "hTtP://"), fc.string({ unit, maxLength: 40 }), (scheme, rest) => md.validateLink(md.normalizeLink(scheme + rest))),
      { numRuns: 300 },
    );
  });
});
