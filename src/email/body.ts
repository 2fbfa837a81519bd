import { load } from "cheerio";
import type { Briefing } from "../content/types.ts";
import { cleanForSyndication, cleaningReader } from "../html/syndicate.ts";
import type { SiteSettings } from "../config/settings.ts";
import { normalised, type ParserEvent, readAll, type Reader, Reshaped } from "../html/events.ts";
import { VOID } from "../html/void.ts";
import { startTagEffect, textMoved } from "./html5.ts";
import { withUtm, type Utm } from "./links.ts";

/** The column's inner width (600 px less 24 px padding each side): the widest an image may be. */
const CONTENT_WIDTH = 552;

/** The only image formats every client shows (no SVG, WebP, AVIF; data: URLs never reach here). */
const EMAIL_IMAGE = /\.(jpe?g|png|gif)$/i;

function isEmailImage(src: string): boolean {
  try {
    return EMAIL_IMAGE.test(new URL(src).pathname);
  } catch {
    return false;
  }
}

function dimension(value: string | undefined): number | null {
  const number = Number(value);
  return value !== undefined && Number.isInteger(number) && number > 0 ? number : null;
}

/** The lead image as the email shows it: absolute, at most the column wide, in proportion. */
export interface EmailLeadImage {
  src: string;
  alt: string;
  width: number;
  height: number | null;
  caption: string | null;
  credit: string | null;
}

/**
 * The briefing's lead image for the email, or null (with a warning) when it is in a format some
 * clients cannot show. Local images have their real size; a remote one is shown column-wide.
 */
export function emailLeadImage(briefing: Briefing, warnings: string[]): EmailLeadImage | null {
  const image = briefing.image;
  if (!image) return null;
  if (!isEmailImage(image.url)) {
    warnings.push(`${briefing.sourcePath}: email: the lead image ${image.src} is not JPG, PNG or GIF; the email leaves it out`);
    return null;
  }
  const width = Math.min(image.width ?? CONTENT_WIDTH, CONTENT_WIDTH);
  const height = image.width && image.height ? Math.round((image.height * width) / image.width) : null;
  return { src: image.url, alt: image.alt, width, height, caption: image.caption, credit: image.credit };
}

/** A table cell that is one figure: digits with separators, a sign, a currency or unit, a percent. */
const FIGURE = /^(?=.{1,24}$)[+\-−–±]?\s?\p{Sc}?\s?\d[\d.,\u00a0\u202f ]*(\s?(%|‰|\p{Sc}|[a-zA-Zµ°]{1,3}))?$/u;

export interface PreparedBody {
  html: string;
  warnings: string[];
  /**
   * From the one pass: the events an HTML parser reports for `html` (element starts and ends,
   * text decoded), so that the email's document can take them in its place instead of reading
   * the body again (src/email/styler.ts). None when they hold CR or NUL, which a parser of the
   * document would treat otherwise.
   */
  events?: ParserEvent[];
}

/** What becomes of one image in the email: kept with these attributes, or replaced by its alt text (linked when possible). */
type ImageOutcome = { keep: { alt: string; width: string; height: string | null } } | { replace: "link" | "text"; label: string };

/**
 * The rules for one body image: JPG, PNG or GIF only (others become a link with their alt text,
 * or the text alone inside a link, since a link in a link is invalid), alt text always present,
 * a width no wider than the column and a height in proportion when both are known.
 */
function imageOutcome(sourcePath: string, src: string | undefined, altAttribute: string | undefined, widthAttribute: string | undefined, heightAttribute: string | undefined, insideLink: boolean, warnings: string[]): ImageOutcome {
  const alt = altAttribute?.trim() ?? "";
  if (!src || !isEmailImage(src)) {
    const label = alt || "Image";
    warnings.push(
      src
        ? `${sourcePath}: email: ${src} is not JPG, PNG or GIF; the email links to it by its alt text instead`
        : `${sourcePath}: email: an image ("${label}") has no usable address (data: URLs are removed); its alt text stands in`,
    );
    return { replace: !src || insideLink ? "text" : "link", label };
  }
  if (!alt) warnings.push(`${sourcePath}: email: image ${src} has no alt text; describe it for readers whose client blocks images`);
  const width = dimension(widthAttribute);
  const height = dimension(heightAttribute);
  const shownWidth = Math.min(width ?? CONTENT_WIDTH, CONTENT_WIDTH);
  if (!(width && height)) {
    warnings.push(
      `${sourcePath}: email: image ${src} has no width and height; write it as <img src="…" alt="…" width="…" height="…"> so Outlook keeps its shape`,
    );
  }
  return { keep: { alt, width: String(shownWidth), height: width && height ? String(Math.round((height * shownWidth) / width)) : null } };
}

/**
 * The briefing body as the email shows it: sanitised and absolute (cleanForSyndication), links
 * tagged, <picture> reduced to its <img>, images that some clients cannot show replaced by a
 * link with their alt text, and every image given a width (and height when known) so that
 * Outlook neither blows it up nor collapses it. One streaming pass (prepareInOnePass) over the
 * rendered body cleans and prepares it where it can (cleaningReader, src/html/syndicate.ts); a body it declines is
 * cleaned by sanitize-html, then prepared in one pass or, if an HTML parser would reshape it,
 * with cheerio.
 */
export function prepareBody(briefing: Briefing, settings: SiteSettings, utm: Utm | null): PreparedBody {
  const cleanedInPass = prepareInOnePass(briefing.html, briefing.sourcePath, settings, utm, { pageUrl: briefing.url });
  if (cleanedInPass) return cleanedInPass;
  const cleaned = cleanForSyndication(briefing.html, briefing.url, settings.url);
  return prepareInOnePass(cleaned, briefing.sourcePath, settings, utm) ?? prepareWithCheerio(cleaned, briefing.sourcePath, settings, utm);
}

export function prepareWithCheerio(cleaned: string, sourcePath: string, settings: SiteSettings, utm: Utm | null): PreparedBody {
  const warnings: string[] = [];
  const $ = load(cleaned, null, false);

  $("picture").each((_, picture) => {
    const img = $(picture).find("img").first();
    $(picture).replaceWith(img.length > 0 ? img : "");
  });
  $("source").remove();

  $("img").each((_, element) => {
    const img = $(element);
    const src = img.attr("src");
    img.removeAttr("srcset").removeAttr("sizes");
    const outcome = imageOutcome(sourcePath, src, img.attr("alt"), img.attr("width"), img.attr("height"), img.closest("a").length > 0, warnings);
    if ("replace" in outcome) {
      img.replaceWith(outcome.replace === "text" ? $("<span></span>").text(outcome.label) : $("<a></a>").attr("href", src!).text(outcome.label));
      return;
    }
    img.attr("alt", outcome.keep.alt).attr("width", outcome.keep.width);
    if (outcome.keep.height) img.attr("height", outcome.keep.height);
    else img.removeAttr("height");
  });

  // Header cells say what they head, for screen readers (Markdown tables have no scope).
  $("thead th").attr("scope", "col");
  // Figures must not wrap inside a narrow column (the stylesheet keeps .num on one line).
  $("td, th").each((_, element) => {
    const cell = $(element);
    if (FIGURE.test(cell.text().trim())) cell.addClass("num");
  });

  $("a[href]").each((_, element) => {
    const link = $(element);
    link.attr("href", withUtm(link.attr("href") ?? "", settings.url, utm));
  });

  return { html: $.html(), warnings };
}

/** Text and attribute values as parse5 (cheerio's serializer) escapes them. */
function escapeText(text: string): string {
  return text.replace(/[&\u00a0<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&nbsp;"));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"\u00a0]/g, (c) => (c === "&" ? "&amp;" : c === '"' ? "&quot;" : "&nbsp;"));
}

/** The HTML of the one pass's events, as cheerio (parse5) writes it. */
function writtenHtml(events: readonly ParserEvent[]): string {
  let html = "";
  for (const event of events) {
    if ("text" in event) {
      html += escapeText(event.text);
    } else if ("open" in event) {
      html += `<${event.open}`;
      for (const [attribute, value] of Object.entries(event.attribs)) html += ` ${attribute}="${escapeAttribute(value)}"`;
      html += ">";
    } else if (!event.implied) {
      html += `</${event.close}>`;
    }
  }
  return html;
}

/** Sets an attribute where it stands, or adds it at the end (as cheerio's attr() does). */
function setAttribute(attributes: [string, string][], name: string, value: string): void {
  const existing = attributes.find(([attribute]) => attribute === name);
  if (existing) existing[1] = value;
  else attributes.push([name, value]);
}

/**
 * prepareWithCheerio's rules in one htmlparser2 pass over the cleaned body, writing what
 * cheerio (parse5) would write; null where a parser would reshape the body (see html5.ts).
 * With `clean`, `html` is the body as rendered and the same pass cleans it as
 * cleanForSyndication would for that page (cleaningReader); null at anything the cleaning
 * would remove or rewrite.
 */
export function prepareInOnePass(html: string, sourcePath: string, settings: SiteSettings, utm: Utm | null, clean?: { pageUrl: string }): PreparedBody | null {
  const warnings: string[] = [];
  const open: { name: string }[] = [];
  /** Cells still open: their start tag's attributes and their text so far (a figure gets class="num"). */
  const cells: { attribs: Record<string, string>; text: string }[] = [];
  /** The open <picture>'s depth in `open`, and whether its one <img> was written. */
  let picture: { depth: number; written: boolean } | null = null;
  let justOpenedPre = false;

  /** What the pass writes, as the events a parser reports for it (written out as HTML only when asked: writtenHtml). */
  const events: ParserEvent[] = [];

  const writeText = (text: string) => {
    events.push({ text });
    for (const cell of cells) cell.text += text;
  };
  /** Writes a start tag (and a void element's end, as the parser reports it); returns its attributes. */
  const writeStart = (name: string, attributes: [string, string][]): Record<string, string> => {
    const attribs: Record<string, string> = {};
    for (const [attribute, value] of attributes) attribs[attribute] = value;
    events.push({ open: name, attribs });
    if (VOID.has(name)) events.push({ close: name, implied: true });
    return attribs;
  };
  const writeEnd = (name: string) => {
    events.push({ close: name });
  };

  const writer: Reader = {
    onopentag(name, attribs, isImplied) {
      justOpenedPre = false;
      if (isImplied || name === "html" || name === "head" || name === "body" || name === "title" || name === "meta" || name === "link" || name === "base") throw new Reshaped();
      if (startTagEffect(name, open) !== "none") throw new Reshaped();
      if (!VOID.has(name)) open.push({ name });
      if (picture) {
        // A <picture> becomes its first <img>; its sources and anything else in it go.
        if (name === "picture") throw new Reshaped();
        if (name !== "img" || picture.written) return;
        picture.written = true;
      } else if (name === "picture") {
        picture = { depth: open.length, written: false };
        return;
      }
      if (name === "source") return;
      const attributes = Object.entries(attribs);
      if (name === "img") {
        const src = attribs.src;
        const kept = attributes.filter(([attribute]) => attribute !== "srcset" && attribute !== "sizes");
        const outcome = imageOutcome(sourcePath, src, attribs.alt, attribs.width, attribs.height, open.some((element) => element.name === "a"), warnings);
        if ("replace" in outcome) {
          const replacement = outcome.replace === "link" ? "a" : "span";
          writeStart(replacement, outcome.replace === "link" ? [["href", withUtm(src!, settings.url, utm)]] : []);
          writeText(outcome.label);
          writeEnd(replacement);
          return;
        }
        setAttribute(kept, "alt", outcome.keep.alt);
        setAttribute(kept, "width", outcome.keep.width);
        if (outcome.keep.height) setAttribute(kept, "height", outcome.keep.height);
        writeStart(name, outcome.keep.height ? kept : kept.filter(([attribute]) => attribute !== "height"));
        return;
      }
      if (name === "th" && open.some((element) => element.name === "thead")) setAttribute(attributes, "scope", "col");
      if (name === "a" && attribs.href !== undefined) setAttribute(attributes, "href", withUtm(attribs.href, settings.url, utm));
      if ((name === "td" || name === "th") && attribs.class !== undefined) throw new Reshaped();
      const written = writeStart(name, attributes);
      if (name === "td" || name === "th") cells.push({ attribs: written, text: "" });
      justOpenedPre = name === "pre";
    },
    onclosetag(name, isImplied) {
      justOpenedPre = false;
      if (VOID.has(name)) return;
      if (isImplied) throw new Reshaped();
      if (open.pop()?.name !== name) throw new Reshaped();
      if (picture) {
        if (open.length < picture.depth) picture = null;
        return;
      }
      if (name === "td" || name === "th") {
        const cell = cells.pop()!;
        if (FIGURE.test(cell.text.trim())) cell.attribs.class = "num";
      }
      writeEnd(name);
    },
    ontext(text) {
      // The parser drops a newline right after <pre>.
      if (justOpenedPre && text.startsWith("\n")) throw new Reshaped();
      justOpenedPre = false;
      if (textMoved(text, open.at(-1)?.name ?? "")) throw new Reshaped();
      if (!picture) writeText(text);
    },
    oncomment() {
      throw new Reshaped();
    },
    onprocessinginstruction() {
      throw new Reshaped();
    },
  };
  const complete = readAll(html, clean ? cleaningReader(writer, clean.pageUrl, settings.url) : writer);
  if (!complete || open.length > 0) return null;
  let written: string | undefined;
  const body = {
    get html() {
      return (written ??= writtenHtml(events));
    },
    warnings,
  };
  // A parser gives CR and NUL from the body only through character references: then the events are not offered.
  const readOtherwise = html.includes("&#") && events.some((event) => ("text" in event ? normalised(event.text) : "open" in event && Object.values(event.attribs).some(normalised)));
  return readOtherwise ? body : Object.assign(body, { events });
}
