import { readFileSync } from "node:fs";
import path from "node:path";
import juice from "juice";
import { LAYOUTS_DIR } from "./render.ts";

const EMAIL_CSS = readFileSync(path.join(LAYOUTS_DIR, "email", "email.css"), "utf8");

const FRAGMENT_START = "<!--dispatch:fragment-->";
const FRAGMENT_END = "<!--/dispatch:fragment-->";

/**
 * Inlines layouts/email/email.css into style attributes (and width/bgcolor attributes Outlook
 * reads). The document keeps the @media rules in one <style> in its head.
 */
export function inlineEmailCss(html: string): string {
  return juice(html, {
    extraCss: EMAIL_CSS,
    removeStyleTags: true,
    preserveMediaQueries: true,
    insertPreservedExtraCss: true,
    preserveImportant: true,
    applyWidthAttributes: true,
    // CSS height:auto would become height="auto", which is not valid HTML.
    applyHeightAttributes: false,
    applyAttributesTableElements: true,
  });
}

/**
 * Splits an inlined document into the document itself and its body fragment: the content rows
 * between the template's markers, in their container table. Cutting after inlining gives both
 * the same inline styles for half the work (inlining is most of an email's build time).
 */
export function splitFragment(inlined: string): { html: string; fragment: string } {
  const start = inlined.indexOf(FRAGMENT_START);
  const end = inlined.indexOf(FRAGMENT_END);
  if (start < 0 || end < start) throw new Error("email/email.njk: the dispatch:fragment markers are missing");
  // The container table is the last table opened before the content rows (topbar and masthead hold none).
  const containerStart = inlined.lastIndexOf("<table", start);
  const containerOpen = inlined.slice(containerStart, inlined.indexOf(">", containerStart) + 1);
  const rows = inlined.slice(start + FRAGMENT_START.length, end).trim();
  return {
    html: inlined.replace(`${FRAGMENT_START}\n`, "").replace(`${FRAGMENT_END}\n`, ""),
    fragment: `${containerOpen}\n${rows}\n</table>\n`,
  };
}
