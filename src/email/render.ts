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

/** Nunjucks' own escape, the one autoescape applies (its type declarations leave `lib.escape` out). */
const nunjucksEscape = (nunjucks as unknown as { lib: { escape(text: string): string } }).lib.escape;
/** What nunjucksEscape changes (&, ", ', <, > and backslash): most pieces the styler writes hold none. */
const TEMPLATE_SPECIAL = /[&"'<>\\]/;

/** Text as the templates' autoescape writes it. */
export function escapeAsTemplate(text: string): string {
  return TEMPLATE_SPECIAL.test(text) ? nunjucksEscape(text) : text;
}

/** Text already escaped by escapeAsTemplate, written by a template as it is. */
export function escapedForTemplate(escaped: string): object {
  return new nunjucks.runtime.SafeString(escaped);
}
