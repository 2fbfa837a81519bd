import { Parser } from "htmlparser2";
import { inline } from "@css-inline/css-inline";
import { readFileSync } from "node:fs";
import path from "node:path";
import { LAYOUTS_DIR } from "../config/paths.ts";

/**
 * layouts/email/email.css in two parts: the plain rules, inlined into style attributes, and the
 * top-level @media blocks (narrow screens, dark mode), which only work from a <style> element.
 */
export function splitMediaRules(css: string): { inline: string; media: string } {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const media: string[] = [];
  let plain = "";
  let from = 0;
  for (let at = text.indexOf("@media"); at >= 0; at = text.indexOf("@media", from)) {
    plain += text.slice(from, at);
    let depth = 0;
    let end = text.indexOf("{", at);
    for (; end < text.length; end += 1) {
      if (text[end] === "{") depth += 1;
      else if (text[end] === "}" && --depth === 0) break;
    }
    media.push(text.slice(at, end + 1).trim());
    from = end + 1;
  }
  plain += text.slice(from);
  return { inline: plain.trim(), media: media.join("\n") };
}

export const EMAIL_CSS = splitMediaRules(readFileSync(path.join(LAYOUTS_DIR, "email", "email.css"), "utf8"));

export const FRAGMENT_START = "<!--dispatch:fragment-->";
export const FRAGMENT_END = "<!--/dispatch:fragment-->";

/** CSS that classic Outlook (Word) only reads as the old table attributes. */
const TABLE_ATTRIBUTES = [
  ["background-color", "bgcolor"],
  ["text-align", "align"],
  ["vertical-align", "valign"],
] as const;

/**
 * Tidies css-inline's output where mail clients or editors care: "a: 1; b: 2;" in style
 * attributes (as written by hand and by juice before it), and beside the style of a table or
 * cell the bgcolor/align/valign attributes classic Outlook reads, unless already set. Only
 * tags match: a "<" in text is always escaped by then, and one inside an attribute value is skipped.
 */
function tidyStyles(html: string): string {
  // Attributes are matched whole (css-inline writes every value in double quotes, a '"' inside as &quot;), so a raw
  // "<a" inside an alt or title text is never taken for a tag.
  return html.replace(/<([a-z][a-z0-9]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*?) style="([^"]*)"/g, (_whole, tag: string, attributes = "", style: string) => {
    const spaced = style.replace(/;(?=\S)/g, "; ");
    let added = "";
    if (tag === "table" || tag === "td" || tag === "th") {
      for (const [property, attribute] of TABLE_ATTRIBUTES) {
        if (new RegExp(`\\s${attribute}=`).test(attributes)) continue;
        const value = new RegExp(`(?:^|;)\\s*${property}:\\s*([^;]+?)\\s*(?:;|$)`).exec(style)?.[1];
        if (value) added += ` ${attribute}="${value}"`;
      }
    }
    return `<${tag}${attributes} style="${spaced}"${added}`;
  });
}

/**
 * Inlines layouts/email/email.css into style attributes (and the bgcolor/align/valign and width
 * attributes Outlook reads) with css-inline, a compiled inliner about ten times faster than
 * juice. The document keeps the @media rules in one <style> at the end of its head.
 */
export function inlineEmailCss(html: string): string {
  const inlined = inline(html, {
    // The template has no <style> of its own outside Outlook's conditional comments.
    inlineStyleTags: false,
    extraCss: EMAIL_CSS.inline,
    applyWidthAttributes: true,
    // CSS height:auto would become height="auto", which is not valid HTML.
    applyHeightAttributes: false,
  });
  return tidyStyles(inlined)
    .replace(/^<!DOCTYPE html>/, "<!doctype html>\n")
    // css-inline writes the preheader's padding characters raw; as entities they stay visible to editors.
    .replaceAll("\u200c", "&zwnj;")
    .replace("</head>", `<style>\n${EMAIL_CSS.media}\n</style>\n</head>`);
}

/**
 * Where the template's marker comments start. Found as comment nodes by an HTML tokenizer, never
 * by searching the text: the same characters inside an attribute (a link title, an alt text,
 * which the inliner writes with a raw "<") would cut the fragment mid-tag. Content never brings
 * comments of its own (the body is cleaned before it reaches the template).
 */
function markerComments(html: string): { start: number; end: number } {
  let start = -1;
  let end = -1;
  const parser = new Parser({
    oncomment(data) {
      if (start < 0 && `<!--${data}-->` === FRAGMENT_START) start = parser.startIndex;
      else if (start >= 0 && end < 0 && `<!--${data}-->` === FRAGMENT_END) end = parser.startIndex;
    },
  });
  parser.end(html);
  return { start, end };
}

/**
 * Cuts an inlined document at its marker comments (offsets of FRAGMENT_START and FRAGMENT_END)
 * into the document itself and its body fragment: the content rows between the markers, in
 * their container table. With `escape`, `inlined` is an escaped copy (escape(document), offsets in
 * it) and so are the two parts.
 */
export function cutFragment(inlined: string, start: number, end: number, escape = (markup: string) => markup): { html: string; fragment: string } {
  if (start < 0 || end < start) throw new Error("email/email.njk: the dispatch:fragment markers are missing");
  const [fragmentStart, fragmentEnd, table, tagEnd, tableEnd] = [FRAGMENT_START, FRAGMENT_END, "<table", ">", "\n</table>\n"].map(escape) as [string, string, string, string, string];
  // The container table is the last table opened before the content rows (topbar and masthead hold none).
  const containerStart = inlined.lastIndexOf(table, start);
  const containerOpen = inlined.slice(containerStart, inlined.indexOf(tagEnd, containerStart) + tagEnd.length);
  const rows = inlined.slice(start + fragmentStart.length, end).trim();
  const after = (offset: number, marker: string) => offset + marker.length + (inlined[offset + marker.length] === "\n" ? 1 : 0);
  return {
    html: inlined.slice(0, start) + inlined.slice(after(start, fragmentStart), end) + inlined.slice(after(end, fragmentEnd)),
    fragment: `${containerOpen}\n${rows}${tableEnd}`,
  };
}

/**
 * Splits an inlined document into the document itself and its body fragment. Cutting after
 * inlining gives both the same inline styles for half the work.
 */
export function splitFragment(inlined: string): { html: string; fragment: string } {
  const { start, end } = markerComments(inlined);
  return cutFragment(inlined, start, end);
}
