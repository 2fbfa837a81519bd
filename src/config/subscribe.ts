import { load } from "cheerio";
import sanitizeHtml from "sanitize-html";

/**
 * A mailing tool's sign-up form from the settings, reduced to a plain HTML form: the elements and
 * attributes a form needs, web addresses only, no scripts, event handlers, iframes or inline
 * styles. The embed is the site owner's, but it goes into every page: a pasted script would run on
 * all of them, so scripts pass only with subscribe.allowScripts (then the embed is used as it is).
 */
export function cleanSubscribeEmbed(html: string): string {
  // Tools hide an anti-spam field with an inline style; the site's own class does it instead
  // (inline styles are dropped with everything else a page should not take from outside).
  const $ = load(html, null, false);
  $("[style]").each((_, element) => {
    const node = $(element);
    if (/display:\s*none|position:\s*absolute/i.test(node.attr("style") ?? "")) node.addClass("visually-hidden");
  });
  const clean = sanitizeHtml($.html(), {
    allowedTags: ["form", "input", "label", "button", "select", "option", "textarea", "fieldset", "legend", "div", "p", "span", "br", "a", "strong", "em", "small"],
    allowedAttributes: {
      form: ["action", "method", "target", "accept-charset", "name", "id", "class", "novalidate"],
      input: ["type", "name", "value", "placeholder", "required", "id", "class", "autocomplete", "tabindex", "aria-label", "aria-describedby", "checked", "size", "maxlength"],
      button: ["type", "name", "value", "id", "class"],
      select: ["name", "id", "class", "required"],
      option: ["value", "selected"],
      textarea: ["name", "id", "class", "rows", "placeholder"],
      label: ["for", "id", "class"],
      a: ["href", "class", "rel", "target"],
      "*": ["class", "id", "aria-hidden"],
    },
    allowedSchemes: ["https", "http", "mailto"],
    allowedSchemesAppliedToAttributes: ["href", "action"],
    allowProtocolRelative: false,
  });
  // Written again as HTML (<input>, not sanitize-html's XHTML-style <input />).
  return load(clean, null, false).html();
}

/** True when the cleaned embed still holds a form that posts somewhere. */
export function hasForm(html: string): boolean {
  return /<form\b[^>]*\baction="https?:\/\//i.test(html);
}
