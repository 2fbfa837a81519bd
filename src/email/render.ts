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
