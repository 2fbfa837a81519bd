import nunjucks from "nunjucks";
import { LAYOUTS_DIR } from "../config/paths.ts";

// Autoescape on: titles, summaries and quotes are plain text that may hold "<", "&" or quotes.
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(LAYOUTS_DIR), {
  autoescape: true,
  throwOnUndefined: true,
});

/** Renders layouts/<name> (e.g. "email/email.njk") with the given view. */
export function renderTemplate(name: string, view: object): string {
  return env.render(name, view);
}

const TEMPLATE_ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" };
const TEMPLATE_SPECIAL = /[&"'<>\\]/g;

/** Text as the templates' autoescape writes it (Nunjucks' escape: &, ", ', <, > and backslash). */
export function escapeAsTemplate(text: string): string {
  TEMPLATE_SPECIAL.lastIndex = 0;
  return TEMPLATE_SPECIAL.test(text) ? text.replace(TEMPLATE_SPECIAL, (char) => TEMPLATE_ESCAPES[char]!) : text;
}

/** Text already escaped by escapeAsTemplate, written by a template as it is. */
export function escapedForTemplate(escaped: string): object {
  return new nunjucks.runtime.SafeString(escaped);
}
