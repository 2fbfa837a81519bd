import { readFileSync } from "node:fs";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { renderEmail } from "../../src/email/index.ts";
import { TEXT_WIDTH } from "../../src/email/text.ts";
import { makeBriefing, makeNastyBriefing, makeSettings, NASTY_MARKDOWN } from "./fixtures.ts";

const settings = makeSettings();
const briefing = makeBriefing();
const email = renderEmail(briefing, settings);
const $ = load(email.html);

/** Every URL a mail client would follow or fetch. */
function urls(html: string): string[] {
  const doc = load(html);
  return [
    ...doc("[href]").map((_, element) => doc(element).attr("href") ?? "").get(),
    ...doc("[src]").map((_, element) => doc(element).attr("src") ?? "").get(),
  ];
}

describe("the fragment", () => {
  it("is cut at the template's marker comments, not at the same text inside an attribute", () => {
    const markdown = 'Read [the report](https://example.org/ "x <!--/dispatch:fragment--> y") and ![<!--dispatch:fragment-->](https://example.org/a.png).\n\nThe paragraph after the link.';
    const tricky = renderEmail(makeBriefing({ markdown }), settings);
    const fragment = load(tricky.fragment, null, false);
    expect(fragment("a[title]").attr("title")).toBe("x <!--/dispatch:fragment--> y");
    expect(fragment("img[src$='a.png']").attr("alt")).toBe("<!--dispatch:fragment-->");
    expect(fragment.text()).toContain("The paragraph after the link.");
    expect(fragment.text()).toContain("Read on the web");
    const whole = load(tricky.html);
    expect(whole("a[title]").attr("title")).toBe("x <!--/dispatch:fragment--> y");
    expect(tricky.html).not.toMatch(/^<!--\/?dispatch:fragment-->$/m);
  });
});

describe("the email document", () => {
  it("is a complete document with language, direction, charset, title and colour-scheme metadata", () => {
    expect(email.html.startsWith("<!doctype html>")).toBe(true);
    expect($("html").attr("lang")).toBe("en-GB");
    expect($("html").attr("dir")).toBe("ltr");
    expect($("meta[charset]").attr("charset")).toBe("utf-8");
    expect($("title").text()).toBe(briefing.title);
    expect($('meta[name="viewport"]').attr("content")).toContain("width=device-width");
    expect($('meta[name="color-scheme"]').attr("content")).toBe("light dark");
    expect($('meta[name="supported-color-schemes"]').attr("content")).toBe("light dark");
  });

  it("starts with a hidden preheader: the summary, then padding", () => {
    const preheader = $("body > div").first();
    expect(preheader.text().startsWith(briefing.summary)).toBe(true);
    expect(preheader.attr("style")).toMatch(/display: none/);
    expect(preheader.attr("style")).toMatch(/mso-hide: all/);
    expect(email.html).toMatch(new RegExp(`${briefing.summary.slice(-20)}(&zwnj;&nbsp;){30,}</div>`));
    expect(email.preheader).toBe(briefing.summary);
  });

  it("shows masthead, title, date, key points, key quote, body, button and footer in that order", () => {
    const text = $("body").text();
    const order = [
      "The Dispatch",
      briefing.title,
      "15 January 2026",
      "In brief",
      briefing.keyPoints[0]!,
      briefing.keyQuote!.text,
      briefing.keyQuote!.speaker!,
      "The findings",
      "Read on the web",
      "1 Example Street, London EC1A 1AA",
      "Unsubscribe",
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(email.subject).toBe(briefing.title);
  });

  it("lays out in role=presentation tables, with a fixed 600 px table for Outlook only", () => {
    const layout = $("table").filter((_, table) => $(table).closest(".body").length === 0);
    expect(layout.length).toBeGreaterThan(2);
    layout.each((_, table) => expect($(table).attr("role")).toBe("presentation"));
    expect(email.html).toMatch(/<!--\[if mso\]><table role="presentation" width="600"/);
    expect($(".container").attr("style")).toMatch(/max-width: 600px/);
  });

  it("inlines the styles reading depends on, and keeps only @media rules in <style>", () => {
    expect($(".content").attr("style")).toMatch(/font-size: 17px/);
    expect($("h1").attr("style")).toMatch(/font-size: 30px/);
    expect($(".body p").first().attr("style")).toMatch(/margin: 0 0 16px 0/);
    expect($(".button-cell").attr("bgcolor")).toBe("#1a4f8b");
    const styles = $("style").map((_, element) => $(element).text()).get().join("\n");
    const outside = styles.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, "").trim();
    expect(outside).toBe("");
    expect(styles).toContain("prefers-color-scheme: dark");
  });

  it("makes every href and src absolute, footnote anchors included", () => {
    const all = urls(email.html);
    expect(all.length).toBeGreaterThan(5);
    for (const url of all.filter((url) => url !== "[[UNSUBSCRIBE_URL]]")) expect(url).toMatch(/^(https?:\/\/[^/]|mailto:)/);
    expect(all).toContain(`${briefing.url}#fn1`);
    expect(all).toContain("https://dispatch.example.org/news/reports/2026/");
    expect($(".button-cell a").attr("href")).toBe(briefing.url);
  });

  it("gives images alt text and a width no wider than the column", () => {
    const img = $(".body img");
    expect(img.attr("alt")).toBe("Sea-surface temperature map");
    expect(img.attr("width")).toBe("552");
    expect(email.warnings.join("\n")).toMatch(/sst\.png has no width and height/);
  });

  it("adds no UTM tags unless email.utm is on", () => {
    expect(email.html).not.toContain("utm_");
    const tagged = renderEmail(briefing, makeSettings({}, { utm: true }));
    const $tagged = load(tagged.html);
    expect($tagged(".button-cell a").attr("href")).toBe(`${briefing.url}?utm_source=the-dispatch&utm_medium=email&utm_campaign=climate-report`);
    expect(urls(tagged.html)).toContain("https://wmo.int/");
    expect(urls(tagged.html)).toContain(`${briefing.url}?utm_source=the-dispatch&utm_medium=email&utm_campaign=climate-report#fn1`);
  });

  it("sets the direction for right-to-left sites, on the html element and on the column", () => {
    const rtl = load(renderEmail(briefing, makeSettings({ language: "he", direction: "rtl" })).html);
    expect(rtl("html").attr("dir")).toBe("rtl");
    expect(rtl(".container").attr("dir")).toBe("rtl");
    expect(rtl(".points").attr("style")).toMatch(/padding: 0 24px 0 0/);
  });
});

describe("the pull quote", () => {
  it("reads as on the web page, whose stylesheet adds the quote marks and the speaker's dash", () => {
    const css = readFileSync(new URL("../../content/assets/site.css", import.meta.url), "utf8");
    const content = (selector: string): string => {
      const rule = new RegExp(`${selector.replaceAll(".", "\\.")}\\s*\\{\\s*content:\\s*"([^"]*)"`, "u").exec(css);
      expect(rule, selector).not.toBeNull();
      return rule![1]!;
    };
    const { text, speaker } = briefing.keyQuote!;
    expect($(".quote-text").text()).toBe(`${content(".pull-quote blockquote p::before")}${text}${content(".pull-quote blockquote p::after")}`);
    expect($(".quote-speaker").text()).toBe(`${content(".pull-quote figcaption::before")}${speaker}`);
    expect($(".quote-text").text()).toBe(`“${text}”`);
  });
});

describe("nasty content", () => {
  const nasty = makeNastyBriefing();
  const edition = renderEmail(nasty, settings);
  const doc = load(edition.html);

  it("escapes title, summary, key points and quote instead of letting them into the markup", () => {
    expect(doc("title").text()).toBe(nasty.title);
    expect(doc("h1").text()).toBe(nasty.title);
    expect(doc(".points li").first().text()).toBe(nasty.keyPoints[0]);
    expect(doc(".quote-text").text()).toBe(`“${nasty.keyQuote!.text}”`);
    expect(doc(".quote-speaker").text()).toBe(`— ${nasty.keyQuote!.speaker}`);
    expect(doc("body > div").first().text().startsWith(nasty.summary)).toBe(true);
    expect(doc("script, form, input, iframe, svg, link, object, embed").length).toBe(0);
    expect(doc("img").length).toBe(doc(".body img").length);
  });

  it("keeps no JavaScript, event handlers, data: URLs, or layout CSS the clients lack", () => {
    doc("*").each((_, element) => {
      for (const [name, value] of Object.entries(doc(element).attr() ?? {})) {
        expect(name).not.toMatch(/^on/i);
        if (name === "href" || name === "src") expect(value).not.toMatch(/^\s*(javascript|data):/i);
      }
    });
    expect(edition.html).not.toMatch(/display:\s*(flex|grid)|position:\s*(absolute|fixed|relative)/);
  });

  it("replaces SVG and WebP images by links with their alt text, and scales large ones to the column", () => {
    const srcs = doc("img").map((_, element) => doc(element).attr("src")).get();
    expect(srcs).toEqual(["https://dispatch.example.org/news/images/map.jpg", "https://dispatch.example.org/news/images/a.jpg"]);
    expect(doc('a[href="https://dispatch.example.org/news/images/chart.svg"]').text()).toBe("An SVG chart");
    expect(doc('a[href="https://dispatch.example.org/news/images/photo.webp"]').text()).toBe("A WebP photo");
    const map = doc('img[alt="A map of the region"]');
    expect([map.attr("width"), map.attr("height")]).toEqual(["552", "368"]);
    const picture = doc('img[alt="Picture fallback"]');
    expect([picture.attr("width"), picture.attr("height")]).toEqual(["300", "200"]);
    expect(doc("picture, source, [srcset]").length).toBe(0);
    expect(edition.warnings.join("\n")).toMatch(/chart\.svg is not JPG, PNG or GIF/);
  });

  it("keeps emoji and right-to-left text as they are", () => {
    expect(edition.html).toContain("🇨🇭");
    expect(edition.html).toContain("שלום עולם");
    expect(edition.text).toContain("שלום עולם");
  });
});

describe("the plain-text part", () => {
  const text = renderEmail(makeNastyBriefing(), makeSettings({}, { tool: "mailchimp" })).text;
  const [body = "", links = ""] = email.text.split("\nLinks:\n");

  it("has no HTML left", () => {
    expect(email.text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(email.text).not.toMatch(/&(amp|lt|gt|nbsp|zwnj|quot);/);
    // In plain text, markup-like text is just text: the key point reads as the editor wrote it.
    expect(text).toContain(" - <img src=x onerror=alert(1)> is text here");
  });

  it("marks headings in capitals and keeps the key points and quote", () => {
    expect(body).toContain(briefing.title.toUpperCase());
    expect(body).toContain("IN BRIEF");
    expect(body).toContain("THE FINDINGS");
    expect(body).toContain(` - ${briefing.keyPoints[0]}`);
    expect(body).toMatch(/^> “The trend is not in doubt/m);
    expect(body).toContain(`> — ${briefing.keyQuote!.speaker}`);
  });

  it(`wraps paragraphs at ${TEXT_WIDTH} columns`, () => {
    for (const line of body.split("\n")) expect([...line].length).toBeLessThanOrEqual(TEXT_WIDTH);
    // Long words, long URLs and wide tables wrap too; only code keeps its lines, as written.
    const code = NASTY_MARKDOWN.split("```")[1]!.split("\n");
    for (const line of text.split("\nLinks:\n")[0]!.split("\n")) {
      if (!code.includes(line)) expect([...line].length).toBeLessThanOrEqual(TEXT_WIDTH);
    }
    expect(text).toMatch(/^\[\d+\] https:\/\/example\.com\/(very-long-path-segment\/){12}\?query=x{80}$/m);
  });

  it("numbers links and lists them at the end", () => {
    expect(body).toMatch(/annual report \[\d+\]/);
    const number = /annual report \[(\d+)\]/.exec(body)![1];
    expect(links).toContain(`[${number}] https://dispatch.example.org/news/reports/2026/`);
    expect(links.trim().split("\n").every((line) => /^\[\d+\] \S+$/.test(line))).toBe(true);
    // Footnote marks point into this same text: no reference of their own.
    expect(links).not.toContain("#fn1");
  });
});

describe("the fragment", () => {
  it("is the content alone, styles inlined, no document or <style>", () => {
    const fragment = email.fragment;
    expect(fragment).not.toMatch(/<(html|head|body|style|title)\b/);
    expect(fragment).toContain(briefing.title);
    expect(fragment).toContain("The findings");
    expect(fragment).not.toContain("Unsubscribe");
    expect(load(fragment)(".content").attr("style")).toMatch(/font-size: 17px/);
    expect(load(fragment)("table").first().attr("dir")).toBe("ltr");
  });
});
