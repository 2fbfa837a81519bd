import yaml from "js-yaml";

export interface SplitSource {
  data: Record<string, unknown>;
  body: string;
  /** Line in the file where the body starts (1-based), for messages about the body. */
  bodyLine: number;
}

export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

const FENCE = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Splits YAML front matter from the Markdown body. YAML's core schema keeps dates as
 * written ("2026-01-06" stays text) so that the site's time zone, not UTC, decides midnight.
 */
export function splitFrontMatter(source: string): SplitSource {
  const text = source.replace(/^\uFEFF/, "");
  const opening = FENCE.exec(text);
  if (!opening) return { data: {}, body: text, bodyLine: 1 };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    throw new FrontMatterError("front matter opens with --- on line 1 but never closes: add a line with --- after the last field", 1);
  }
  const yamlText = rest.slice(0, closing.index);
  let data: unknown;
  try {
    data = yaml.load(yamlText, { schema: yaml.CORE_SCHEMA }) ?? {};
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? error.mark.line + 2 : null;
      throw new FrontMatterError(`front matter is not valid YAML: ${error.reason}; check the quotes and colons`, line);
    }
    throw error;
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new FrontMatterError("front matter must be a list of fields like title: …", 2);
  }
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, "");
  const bodyLine = text.length - afterClosing.length > 0 ? text.slice(0, text.length - afterClosing.length).split("\n").length : 1;
  return { data: data as Record<string, unknown>, body: afterClosing, bodyLine };
}
