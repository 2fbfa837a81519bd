import { readFileSync } from "node:fs";
import path from "node:path";
import juice from "juice";
import { LAYOUTS_DIR } from "./render.ts";

const EMAIL_CSS = readFileSync(path.join(LAYOUTS_DIR, "email", "email.css"), "utf8");

/**
 * Inlines layouts/email/email.css into style attributes (and width/bgcolor attributes Outlook
 * reads). A document keeps the @media rules in one <style> in its head; a fragment has no head,
 * so it gets inline styles only.
 */
export function inlineEmailCss(html: string, kind: "document" | "fragment"): string {
  const document = kind === "document";
  return juice(html, {
    extraCss: EMAIL_CSS,
    removeStyleTags: true,
    preserveMediaQueries: document,
    insertPreservedExtraCss: document,
    preserveImportant: true,
    applyWidthAttributes: true,
    // CSS height:auto would become height="auto", which is not valid HTML.
    applyHeightAttributes: false,
    applyAttributesTableElements: true,
  });
}
