import { describe, expect, it } from "vitest";
import { syntheticBody } from "../../src/bench/corpus.ts";
import { Parser } from "htmlparser2";
import { prepareBody, prepareInOnePass, prepareWithCheerio, type PreparedBody } from "../../src/email/body.ts";
import nunjucks from "nunjucks";
import { type ParserEvent, readAll } from "../../src/html/events.ts";
import { VOID } from "../../src/html/void.ts";
import { BODY_MARKER, briefingEdition, editionDocument, editionView, renderEdition, renderEmail, type EditionShell } from "../../src/email/index.ts";
import { styleFromShape } from "../../src/email/shapes.ts";
import { renderPreview } from "../../src/email/preview.ts";
import { inlineEmailCss, splitFragment } from "../../src/email/inline.ts";
import { inlineAndSplit, styleDocument } from "../../src/email/styler.ts";
import { PlainTextWriter, toPlainText } from "../../src/email/text.ts";
import { cleanForSyndication, cleaningReader, sanitizeForSyndication } from "../../src/html/syndicate.ts";
import type { SiteSettings } from "../../src/config/settings.ts";
import { utmFor } from "../../src/email/links.ts";
import { loadSampleBriefings, makeBriefing, makeNastyBriefing, makeSettings } from "./fixtures.ts";
import { seeded, seededBody } from "../helpers/hostile.ts";

/** What the email was before the one-pass styler: css-inline over the whole document, the fragment cut from its output. */
const inlinedInFull = (document: string) => splitFragment(inlineEmailCss(document));

/** Text as Nunjucks' autoescape writes it. */
const autoescaped = (text: string) => new nunjucks.Environment(null, { autoescape: true }).renderString("{{ text }}", { text });

/** A prepared body's HTML and warnings (its events are checked on their own, below). */
const written = (body: PreparedBody | null) => body && { html: body.html, warnings: body.warnings };

/** Events with adjacent texts joined: how many pieces a text comes in is the parser's affair (every reader here joins them). */
function joinTexts(events: readonly ParserEvent[]): ParserEvent[] {
  const joined: ParserEvent[] = [];
  for (const event of events) {
    const last = joined.at(-1);
    if ("text" in event && last && "text" in last) joined[joined.length - 1] = { text: last.text + event.text };
    else joined.push("close" in event ? { close: event.close, implied: event.implied === true } : event);
  }
  return joined;
}

/** What htmlparser2 reports for this HTML. */
function parsedEvents(html: string): ParserEvent[] {
  const events: ParserEvent[] = [];
  new Parser({ onopentag: (open, attribs) => events.push({ open, attribs }), onclosetag: (close, implied) => events.push({ close, implied }), ontext: (text) => events.push({ text }) }).end(html);
  return joinTexts(events);
}

/** A prepared body's events are those a parser reads from its HTML (void elements' ends implied, as the parser reports them). */
function expectParsersEvents(body: PreparedBody, label: string): void {
  expect(body.events, label).toBeDefined();
  expect(joinTexts(body.events!), label).toEqual(parsedEvents(body.html));
  expect(parsedEvents(body.html).every((event) => !("close" in event) || event.implied === VOID.has(event.close)), label).toBe(true);
}

/** A briefing's email from its body's events (as renderEmail makes it) and from its body's HTML in the document, as before. */
function expectSameFromEvents(briefing: ReturnType<typeof makeBriefing>, settings: SiteSettings, label: string): boolean {
  const { shell, view, warnings, body } = briefingEdition(briefing, settings);
  const fromHtml = renderEdition(shell, { ...view, bodyHtml: body.html }, settings, [...warnings]);
  expect(renderEmail(briefing, settings), label).toEqual(fromHtml);
  return body.events !== undefined;
}

function documentOf(briefing: ReturnType<typeof makeBriefing>, settings: SiteSettings): string {
  const { shell, view, body } = briefingEdition(briefing, settings);
  return editionDocument(shell, { ...view, bodyHtml: body.html }, settings);
}

const MARKDOWN = [
  "Entities &amp; &copy; &#39; &nbsp; and < > \" ' as text; a [link](/page/?a=1&b=2 \"a <title> & more\").",
  "1. one\n2. two\n   - nested *em* **strong** `code`\n\n> quote\n> more\n\n---\n\nText[^1]\n\n[^1]: A note.",
  "| Country | Change |\n|---|--:|\n| France | −12.75 % |\n| Germany | 1,234 |",
  "<table><caption>Raw</caption><tr><td>cells without a tbody</td></tr><tfoot><tr><td>foot</td></tr></tfoot></table>",
  "```\nconst code = 1;\n```\n\n<pre>\nleading newline</pre>",
  "<h3>Three</h3><h4>Four</h4><sup>1</sup><del>old</del><figure><img src=\"/a.png\" alt=\"A figure\" width=\"100\" height=\"50\"><figcaption>Caption</figcaption></figure>",
  "<details><summary>More</summary>Hidden</details><dl><dt>Term</dt><dd>Definition</dd></dl><p lang=\"fr\" dir=\"rtl\" title='\"quoted\" &lt;b&gt;'>Attributes</p>",
];

const SETTINGS: [string, SiteSettings][] = [
  ["generic", makeSettings()],
  ["right-to-left with UTM tags", makeSettings({ language: "he", direction: "rtl" }, { utm: true })],
  ["Substack (no footer)", makeSettings({}, { tool: "substack" })],
  ["Mailchimp, own unsubscribe and address", makeSettings({}, { tool: "mailchimp", unsubscribeUrl: '[unsub] & "x"', address: "PO Box 1 & Co <x>" })],
];

/** Every body and setting the tests below render. */
function briefingsToTry(): ReturnType<typeof makeBriefing>[] {
  return [
        makeBriefing(),
        makeNastyBriefing(),
        ...loadSampleBriefings(),
        ...MARKDOWN.map((markdown, index) =>
          makeBriefing({
            markdown,
            keyQuote: index % 2 ? null : undefined,
            keyPoints: index % 3 ? [] : undefined,
            authors: index % 2 ? [] : [{ name: "A & B" }, { name: "C" }],
            image: index === 2 ? { src: "/i.png", url: "https://dispatch.example.org/news/i.png", alt: 'Alt & "q"', width: 800, height: 400, caption: "Cap", credit: "Credit" } : null,
          } as Parameters<typeof makeBriefing>[0]),
        ),
      ];
}

describe("the one-pass email styler", () => {
  for (const [name, settings] of SETTINGS) {
    it(`writes the bytes css-inline writes over the whole document (${name})`, () => {
      for (const briefing of briefingsToTry()) {
        const document = documentOf(briefing, settings);
        // The pass itself does the work (it declines nothing here), and its bytes are css-inline's.
        expect(styleDocument(document), briefing.slug).not.toBeNull();
        const { source, ...styled } = inlineAndSplit(document);
        expect(styled).toEqual(inlinedInFull(document));
        // The escaped copy written beside it is what the preview page's autoescape would make of both.
        expect(source).toEqual({ html: autoescaped(styled.html), fragment: autoescaped(styled.fragment) });
        // The plain text reads the same from the document before inlining.
        expect(toPlainText(document, briefing.url)).toBe(toPlainText(styled.html, briefing.url));
      }
    });
  }

  it("styles a digest's document the same way", () => {
    const settings = makeSettings();
    const shell: EditionShell = { contentTemplate: "email/digest-content.njk", subject: "Week 3", preheader: "Three briefings", webUrl: "https://dispatch.example.org/news/digest/", utm: null };
    const item = { title: "A & B", url: "https://dispatch.example.org/news/a/", dateIso: "2026-01-12", dateDisplay: "12 January 2026", summary: "Summary <b>", quote: { text: "Said", speaker: "O'Brien" } };
    const document = editionDocument(shell, { title: "Week 3", intro: "Intro & more", rangeDisplay: "12–18 January", items: [item, { ...item, quote: null, summary: "" }] }, settings);
    expect(styleDocument(document)).not.toBeNull();
    const { source, ...styled } = inlineAndSplit(document);
    expect(styled).toEqual(inlinedInFull(document));
    expect(source).toEqual({ html: autoescaped(styled.html), fragment: autoescaped(styled.fragment) });
  });

  it("gives the preview page the same source boxes as escaping the email there would", () => {
    for (const [, settings] of SETTINGS) {
      for (const briefing of [makeBriefing(), makeNastyBriefing()]) {
        const edition = renderEmail(briefing, settings);
        // A copy of the edition has no escaped copy remembered: the preview escapes its HTML itself.
        expect(renderPreview(edition, settings)).toBe(renderPreview({ ...edition }, settings));
        expect(renderPreview(edition, settings)).toContain(`<textarea id="source-html" readonly>${autoescaped(edition.html)}</textarea>`);
      }
    }
  });

  it("writes the same email from the body's events as from its HTML in the document", () => {
    let fromEvents = 0;
    for (const [name, settings] of SETTINGS) {
      for (const briefing of briefingsToTry()) if (expectSameFromEvents(briefing, settings, `${name}: ${briefing.slug}`)) fromEvents += 1;
    }
    const settings = makeSettings({}, { utm: true });
    const random = seeded(11);
    for (let index = 0; index < 200; index += 1) {
      const html = seededBody(random, 3);
      if (expectSameFromEvents({ ...makeBriefing(), html }, settings, html)) fromEvents += 1;
    }
    // Most bodies take the events' way; those the one pass leaves to cheerio still come out the same.
    expect(fromEvents).toBeGreaterThan(100);
  }, 60_000);

  it("declines what an HTML parser would repair, and then inlines the whole document the old way", () => {
    const document = documentOf(makeBriefing(), makeSettings());
    const repairs = [
      "<b><i>misnested</b> tags</i>",
      "<table><td>a cell outside a row</td></table>",
      "<table>text inside a table<tr><td>x</td></tr></table>",
      "<p>a paragraph <div>holding a block</div></p>",
      "<pre>\na newline the parser drops</pre>",
      "<a href='/a'>a link <a href='/b'>in a link</a></a>",
      "<svg><circle r='1'/></svg>",
      "<p class='x>y'>a class the pattern cannot hold</p>",
      "<table><tbody><tr><td title='a valign=top in a value'>x</td></tr></tbody></table>",
    ];
    for (const repair of repairs) {
      const broken = document.replace('<div class="body">', `<div class="body">${repair}`);
      expect(styleDocument(broken), repair).toBeNull();
      // The plain text is read from the same parse to the end, whatever the styler declined.
      const text = new PlainTextWriter("https://dispatch.example.org/news/a/");
      expect(inlineAndSplit(broken, text)).toEqual(inlinedInFull(broken));
      expect(text.result()).toBe(toPlainText(broken, "https://dispatch.example.org/news/a/"));
      expect(text.result()).toContain("Read on the web [");
    }
  });
});

describe("the template styled once per shape", () => {
  /** A briefing's email from its template's shape (null where that way declines it), and its plain text. */
  function fromShape(briefing: ReturnType<typeof makeBriefing>, settings: SiteSettings) {
    const { shell, view, body } = briefingEdition(briefing, settings);
    const text = new PlainTextWriter(shell.webUrl);
    const styled = styleFromShape(editionView(shell, { ...view, bodyHtml: `<!--${BODY_MARKER}-->` }, settings), BODY_MARKER, body.events!, text);
    return styled && { ...styled, text: text.result() };
  }

  /** The same email styled whole: its document (the body's HTML in it) through the one pass. */
  function styledWhole(briefing: ReturnType<typeof makeBriefing>, settings: SiteSettings) {
    const text = new PlainTextWriter(briefing.url);
    const styled = inlineAndSplit(documentOf(briefing, settings), text);
    return { ...styled, text: text.result() };
  }

  /** Front matter that varies the template's shape and values: hostile text, empty and missing parts, images, marks that pose as slots. */
  const variants: Partial<ReturnType<typeof makeBriefing>>[] = [
    {},
    { title: `A <b>"title"</b> & 'more' \\ \u00a0 \u200c`, summary: "Short." },
    { title: "Posing as a slot \uE0000\uE001 and \uE000t1\uE001 \uE000b\uE001", summary: "\uE000a0\uE001" },
    { authors: [], keyPoints: [], keyQuote: null },
    { authors: [{ name: "A & B" }, { name: "C <D>" }, { name: "E" }], keyPoints: ["<img src=x onerror=alert(1)>", "1 < 2", "x"], keyQuote: { text: "Quote", speaker: null } },
    { image: { src: "/i.png", url: "https://dispatch.example.org/news/i.png?a=1&b=2", alt: 'Alt & "q" onerror=x', width: 800, height: 400, caption: "Cap <i>", credit: "" } },
    { image: { src: "/i.png", url: "https://dispatch.example.org/news/i.png", alt: "", width: null, height: null, caption: null, credit: "Credit & co" } },
    { title: "javascript:alert(1)", url: "https://dispatch.example.org/news/briefings/2026/a\"b/" },
  ] as Partial<ReturnType<typeof makeBriefing>>[];

  it("writes the email, its preview's source and its plain text as styling the whole document does", () => {
    for (const [name, settings] of SETTINGS) {
      for (const overrides of variants) {
        for (const briefing of [makeBriefing(overrides as Parameters<typeof makeBriefing>[0]), { ...makeNastyBriefing(), ...overrides }]) {
          const label = `${name}: ${JSON.stringify(overrides)}`;
          const shaped = fromShape(briefing, settings);
          // The shape's way takes every one of these (values with CR or NUL aside, below).
          expect(shaped, label).not.toBeNull();
          expect(shaped, label).toEqual(styledWhole(briefing, settings));
          expectSameFromEvents(briefing, settings, label);
        }
      }
    }
  });

  it("leaves values a parser reads otherwise (CR, NUL) to the whole document", () => {
    const settings = makeSettings();
    for (const title of ["Carriage\rreturn", "Null\u0000byte"]) {
      const briefing = makeBriefing({ title });
      expect(fromShape(briefing, settings), title).toBeNull();
      expectSameFromEvents(briefing, settings, title);
    }
  });
});

describe("the one-pass email body", () => {
  for (const [name, settings] of SETTINGS) {
    it(`writes what cheerio writes, with the same warnings (${name})`, () => {
      for (const briefing of briefingsToTry()) {
        const cleaned = cleanForSyndication(briefing.html, briefing.url, settings.url);
        const utm = utmFor(briefing, settings);
        const onePass = prepareInOnePass(cleaned, briefing.sourcePath, settings, utm);
        // Only the raw HTML written to be reshaped (a bare table row, a <pre> starting with a newline) is left to cheerio.
        if (/<pre>\n|<caption>/.test(cleaned)) expect(onePass).toBeNull();
        else {
          expect(written(onePass)).toEqual(prepareWithCheerio(cleaned, briefing.sourcePath, settings, utm));
          expectParsersEvents(onePass!, briefing.slug);
        }
      }
    });
  }

  it("handles pictures, images in links, header cells and figures like cheerio", () => {
    const settings = makeSettings({}, { utm: true });
    const cleaned =
      '<p><picture><source srcset="https://x.org/a.webp"> <span>dropped</span><img src="https://x.org/a.jpg" alt=" Kept " width="1200" height="600" srcset="https://x.org/b.jpg 2x"><img src="https://x.org/c.jpg" alt="second"></picture></p>' +
      '<p><a href="https://dispatch.example.org/news/x/"><img src="https://x.org/d.svg" alt="in a link"></a> <img src="https://x.org/e.webp"> <source srcset="https://x.org/f.webp"></p>' +
      '<table><thead><tr><th>Name</th><th scope="row">1,234</th></tr></thead><tbody><tr><td><img src="https://x.org/g.svg" alt="12 %"></td><td>Text &amp; <b>42</b></td></tr></tbody></table>' +
      "<p><picture><source srcset=\"https://x.org/h.webp\"></picture>no image in that picture</p>";
    const onePass = prepareInOnePass(cleaned, "b.md", settings, utmFor(makeBriefing(), settings));
    expect(onePass).not.toBeNull();
    expect(written(onePass)).toEqual(prepareWithCheerio(cleaned, "b.md", settings, utmFor(makeBriefing(), settings)));
    expectParsersEvents(onePass!, "pictures");
    expect(onePass!.html).toContain('<th scope="col" class="num">1,234</th>');
    expect(onePass!.html).toContain('<td class="num"><a href="https://x.org/g.svg">12 %</a></td>');
  });

  it("declines what a parser would reshape, and the body is then prepared with cheerio", () => {
    const settings = makeSettings();
    for (const cleaned of ["<b><i>x</b>y</i>", "<table><tr><td>no tbody</td></tr></table>", "<p>a <div>block</div></p>", "<pre>\nnewline</pre>", "<picture><picture><img src=\"https://x.org/a.jpg\"></picture></picture>", "<table><tbody><tr><td class=\"x\">1</td></tr></tbody></table>"]) {
      expect(prepareInOnePass(cleaned, "b.md", settings, null), cleaned).toBeNull();
    }
  });
});

/** The body as prepared before the one pass cleaned it too: sanitize-html, then the one pass over its output (or cheerio). */
function preparedAfterSanitizeHtml(html: string, briefing: ReturnType<typeof makeBriefing>, settings: SiteSettings) {
  const cleaned = sanitizeForSyndication(html, briefing.url, settings.url);
  const utm = utmFor(briefing, settings);
  return prepareInOnePass(cleaned, briefing.sourcePath, settings, utm) ?? prepareWithCheerio(cleaned, briefing.sourcePath, settings, utm);
}

describe("the cleaning reader by itself", () => {
  // The email's writer drops srcset today; the reader must still never hand it a URL the cleaning refuses.
  it("passes no javascript: or data: URL in a srcset to its writer", () => {
    for (const srcset of ["javascript:alert(1) 1x", "/a.jpg 1x, javascript:alert(1) 2x", "/a.jpg 1x,data:image/png;base64,AAAA 2x"]) {
      const seen: string[] = [];
      const writer = { onopentag: (_name: string, attribs: Record<string, string>) => void seen.push(attribs.srcset ?? "") };
      const read = readAll(`<p><img src="/a.jpg" srcset="${srcset}" alt="a"></p>`, cleaningReader(writer, "https://dispatch.example.org/news/x/", "https://dispatch.example.org/news/"));
      expect(read, srcset).toBe(false);
      expect(seen.join(" "), srcset).not.toMatch(/javascript:|data:/);
    }
  });

  it("keeps a srcset of web addresses", () => {
    const seen: Record<string, string>[] = [];
    const read = readAll('<img src="/a.jpg" srcset="/a.jpg 1x, https://x.org/b.jpg 2x" alt="a">', cleaningReader({ onopentag: (_name, attribs) => void seen.push(attribs) }, "https://dispatch.example.org/news/x/", "https://dispatch.example.org/news/"));
    expect(read).toBe(true);
    expect(seen[0]?.srcset).toBe("https://dispatch.example.org/news/a.jpg 1x, https://x.org/b.jpg 2x");
  });
});

describe("the one-pass email body, cleaning as it reads", () => {
  const briefing = makeBriefing();
  for (const [name, settings] of SETTINGS) {
    it(`prepares the rendered bodies as sanitize-html and the one pass over its output did (${name})`, () => {
      for (const one of briefingsToTry()) {
        const prepared = prepareBody(one, settings, utmFor(one, settings));
        expect(written(prepared), one.slug).toEqual(written(preparedAfterSanitizeHtml(one.html, one, settings)));
        if (prepared.events) expectParsersEvents(prepared, one.slug);
      }
    });
  }

  it("cleans the bench's and the sample's bodies in its own pass (sanitize-html is not run)", () => {
    const settings = makeSettings();
    for (const one of [makeBriefing(), ...loadSampleBriefings(), ...[0, 1, 2, 3].map((index) => makeBriefing({ markdown: syntheticBody(index) }))]) {
      expect(prepareInOnePass(one.html, one.sourcePath, settings, null, { pageUrl: one.url }), one.slug).not.toBeNull();
    }
  });

  it("writes what the cleaning and the one pass wrote, on 400 seeded bodies of hostile pieces", () => {
    const random = seeded(8);
    const settings = makeSettings({}, { utm: true });
    let cleanedInPass = 0;
    for (let index = 0; index < 400; index += 1) {
      const html = seededBody(random, 3);
      const one = { ...briefing, html };
      const fast = prepareInOnePass(html, one.sourcePath, settings, utmFor(one, settings), { pageUrl: one.url });
      if (fast) cleanedInPass += 1;
      const prepared = prepareBody(one, settings, utmFor(one, settings));
      expect(written(prepared), html).toEqual(written(preparedAfterSanitizeHtml(html, one, settings)));
      if (prepared.events) expectParsersEvents(prepared, html);
    }
    // Both ways are exercised: bodies the pass cleans itself, and bodies it leaves to sanitize-html.
    expect(cleanedInPass).toBeGreaterThan(80);
    expect(cleanedInPass).toBeLessThan(320);
    // Bodies a parser repairs go through cheerio, slow on a busy machine.
  }, 60_000);

  it("drops handlers, styles and classes itself, and leaves javascript:, data: and script to sanitize-html", () => {
    const settings = makeSettings();
    const page = { pageUrl: briefing.url };
    const handled = prepareInOnePass('<p onclick="alert(1)" style="position:absolute" class="x">Hi <a href="/a/" onmouseover="x()">a</a><img src="/b.jpg" alt="b" onerror="alert(2)"></p>', "b.md", settings, null, page);
    expect(handled).not.toBeNull();
    expect(handled!.html).not.toMatch(/on(click|mouseover|error)|style=|class=/);
    expect(handled!.html).toContain('<a href="https://dispatch.example.org/news/a/">a</a>');
    for (const hostile of ['<a href="javascript:alert(1)">x</a>', '<a href=" java&#09;script:alert(1)">x</a>', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="d">', "<script>alert(1)</script>", "<p>a<!-- c -->b</p>", "<iframe src=\"https://evil.example/\"></iframe>"]) {
      expect(prepareInOnePass(hostile, "b.md", settings, null, page), hostile).toBeNull();
      const prepared = prepareBody({ ...briefing, html: hostile }, settings, null);
      expect(prepared.html, hostile).not.toMatch(/javascript:|data:|<script|<iframe|<!--/i);
    }
  });
});
