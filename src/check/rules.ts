import type { ConfigData } from "html-validate";

/** html-validate on the site's pages: its recommended rules, two turned off for stated reasons. */
export const SITE_HTML_VALIDATE: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: {
    // A <title> is the editor's headline plus the site name: cutting it at 70 characters
    // (an SEO habit, not a validity rule) would misquote the headline.
    "long-title": "off",
    // Eleventy's base-URL plugin re-serialises pages, writing boolean attributes as
    // readonly="": valid HTML, only not this rule's preferred style.
    "attribute-boolean-style": "off",
  },
};

/** html-validate's recommended rules, changed only where email HTML must differ from web HTML. */
export const EMAIL_HTML_VALIDATE: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: {
    // Inline styles are the point: Gmail drops <style> on any error, some accounts drop it entirely.
    "no-inline-style": "off",
    // width, align, valign, bgcolor, cellpadding, cellspacing and border on tables are what
    // classic Outlook's Word engine reads instead of the CSS it ignores.
    "no-deprecated-attr": "off",
    // <!--[if mso]> comments give Outlook for Windows its fixed 600 px table and font.
    "no-conditional-comment": "off",
    // The issue asks for "<!doctype html>"; case is irrelevant to every parser.
    "doctype-style": ["error", { style: "lowercase" }],
    // Layout tables are single rows of cells; browsers add <tbody> in the DOM anyway, and every
    // byte counts against Gmail's clipping limit. Data tables from Markdown keep their <tbody>.
    "prefer-tbody": "off",
    // <title> is the briefing's headline, which is also the subject line: its length is the
    // editor's call, and mail clients show the subject from the message header anyway.
    "long-title": "off",
  },
};
