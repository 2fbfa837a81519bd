import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";

/** The project's layouts folder: email templates live in layouts/email/. */
export const LAYOUTS_DIR = fileURLToPath(new URL("../../layouts/", import.meta.url));

// Autoescape on: titles, summaries and quotes are plain text that may hold "<", "&" or quotes.
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(LAYOUTS_DIR), {
  autoescape: true,
  throwOnUndefined: true,
});

/** Renders layouts/<name> (e.g. "email/email.njk") with the given view. */
export function renderTemplate(name: string, view: object): string {
  return env.render(name, view);
}
