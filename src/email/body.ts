import { load } from "cheerio";
import type { Briefing } from "../content/types.ts";
import { cleanForSyndication } from "../html/syndicate.ts";
import type { SiteSettings } from "../site/settings.ts";
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
}

/**
 * The briefing body as the email shows it: sanitised and absolute (cleanForSyndication), links
 * tagged, <picture> reduced to its <img>, images that some clients cannot show replaced by a
 * link with their alt text, and every image given a width (and height when known) so that
 * Outlook neither blows it up nor collapses it.
 */
export function prepareBody(briefing: Briefing, settings: SiteSettings, utm: Utm | null): PreparedBody {
  const warnings: string[] = [];
  const $ = load(cleanForSyndication(briefing.html, briefing.url, settings.url), null, false);

  $("picture").each((_, picture) => {
    const img = $(picture).find("img").first();
    $(picture).replaceWith(img.length > 0 ? img : "");
  });
  $("source").remove();

  $("img").each((_, element) => {
    const img = $(element);
    const src = img.attr("src");
    const alt = img.attr("alt")?.trim() ?? "";
    img.removeAttr("srcset").removeAttr("sizes");
    if (!src || !isEmailImage(src)) {
      const label = alt || "Image";
      // A link inside a link is invalid: inside one, the alt text alone stands in.
      const replacement = !src || img.closest("a").length > 0 ? $("<span></span>").text(label) : $("<a></a>").attr("href", src).text(label);
      img.replaceWith(replacement);
      warnings.push(
        src
          ? `${briefing.sourcePath}: email: ${src} is not JPG, PNG or GIF; the email links to it by its alt text instead`
          : `${briefing.sourcePath}: email: an image ("${label}") has no usable address (data: URLs are removed); its alt text stands in`,
      );
      return;
    }
    img.attr("alt", alt);
    if (!alt) warnings.push(`${briefing.sourcePath}: email: image ${src} has no alt text; describe it for readers whose client blocks images`);
    const width = dimension(img.attr("width"));
    const height = dimension(img.attr("height"));
    const shownWidth = Math.min(width ?? CONTENT_WIDTH, CONTENT_WIDTH);
    img.attr("width", String(shownWidth));
    if (width && height) {
      img.attr("height", String(Math.round((height * shownWidth) / width)));
    } else {
      img.removeAttr("height");
      warnings.push(
        `${briefing.sourcePath}: email: image ${src} has no width and height; write it as <img src="…" alt="…" width="…" height="…"> so Outlook keeps its shape`,
      );
    }
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
