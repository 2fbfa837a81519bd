import { parseDocument, YAMLError } from "yaml";
import { fieldName } from "./issues.ts";
import { DEFAULT_LIMITS, howToRaise, type InputLimits } from "./limits.ts";

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
/** C0 controls but tab and line breaks, DEL and C1: invisible, invalid in XML, mangled by mail. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) line += 1;
  return line;
}

/** The first field (or field name) holding a control character, walked without recursion. */
function findControlCharacter(data: object): { path: PropertyKey[]; char: string } | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      const found = CONTROL.exec(value);
      if (found) return { path, char: found[0] };
    } else if (value !== null && typeof value === "object" && !seen.has(value)) {
      seen.add(value);
      for (const [key, child] of Object.entries(value).reverse()) {
        const path2 = [...path, Array.isArray(value) ? Number(key) : key];
        const inKey = CONTROL.exec(key);
        if (inKey && !Array.isArray(value)) return { path: path2, char: inKey[0] };
        stack.push({ value: child, path: path2 });
      }
    }
  }
  return null;
}

/** A top-level field on one line: `name:` and what follows. */
const SIMPLE_FIELD = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
/** Words the core schema reads as null or a boolean rather than text. */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
/** What the core schema reads as a number (left to the YAML parser). */
const NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Text without quotes on one line: no indicator first, no comment, no nested field. */
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#]*[^\s#:])?$/;
/** The same inside [a, b]: no commas or brackets either. */
const FLOW_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#,[\]{}]*[^\s#:,[\]{}])?$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;
/** What makes YAML read a line otherwise (tabs, control characters, CR). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_SIMPLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFEFF]/;

function simpleScalar(text: string, plain: RegExp): unknown {
  const quoted = DOUBLE_QUOTED.exec(text) ?? SINGLE_QUOTED.exec(text);
  if (quoted) return quoted[1];
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (NUMBER.test(text) || !plain.test(text) || text.includes(": ")) return undefined;
  return text;
}

/**
 * Front matter in the shape nearly every briefing has (one field a line: quoted or plain text,
 * true/false, nothing, or a [list] of such on one line), read the way the YAML parser reads it at
 * a fraction of its cost; undefined for anything else (numbers, nested or multi-line fields,
 * comments, escapes, a repeated name), which the YAML parser reads.
 */
export function simpleYaml(yamlText: string): Record<string, unknown> | undefined {
  if (NOT_SIMPLE.test(yamlText)) return undefined;
  const data: Record<string, unknown> = {};
  for (const line of yamlText.split("\n")) {
    if (line === "") continue;
    const field = SIMPLE_FIELD.exec(line);
    if (!field) return undefined;
    const [, name, value = ""] = field;
    // YAML reads a key of more than 1,024 characters as an error: names stay far below.
    if (name!.length > 64 || Object.hasOwn(data, name!) || name === "__proto__" || NULL.test(name!) || TRUE.test(name!) || FALSE.test(name!)) return undefined;
    let read: unknown;
    if (value.startsWith("[") && value.endsWith("]")) {
      const inside = value.slice(1, -1);
      const items = inside === "" ? [] : inside.split(",").map((item) => simpleScalar(item.trim(), FLOW_PLAIN));
      if (items.includes(undefined) || items.includes(null)) return undefined;
      read = items;
    } else read = simpleScalar(value, PLAIN);
    if (read === undefined) return undefined;
    data[name!] = read;
  }
  return data;
}

/** Reads the YAML between the fences: core schema, bounded alias expansion, no control characters. */
function parseYaml(yamlText: string, limits: Pick<InputLimits, "frontMatterKb" | "yamlAliases">): Record<string, unknown> {
  const bytes = Buffer.byteLength(yamlText, "utf8");
  if (bytes > limits.frontMatterKb * 1024) {
    throw new FrontMatterError(
      `the front matter is ${Math.ceil(bytes / 1024)} KB, more than the ${limits.frontMatterKb} KB allowed; move long text into the body, or ${howToRaise("frontMatterKb")}`,
      2,
    );
  }
  const simple = simpleYaml(yamlText);
  return withoutControlCharacters(simple ?? parsedYaml(yamlText, limits));
}

function parsedYaml(yamlText: string, limits: Pick<InputLimits, "yamlAliases">): unknown {
  // The core schema keeps dates as written ("2026-01-06" stays text) so that the site's time
  // zone, not UTC, decides midnight.
  const document = parseDocument(yamlText, { schema: "core", prettyErrors: false, logLevel: "silent" });
  const [error] = document.errors;
  if (error) {
    const reason = error.message.split("\n")[0]!.replace(/\.$/, "");
    throw new FrontMatterError(`front matter is not valid YAML: ${reason}; check the quotes and colons`, lineAt(yamlText, error.pos[0]) + 1);
  }
  let data: unknown;
  try {
    // Each alias (*name) copies what it names when read: nested ones multiply (a "billion
    // laughs" of ten lines expands to gigabytes), so their expansion is counted and capped.
    data = document.toJS({ maxAliasCount: limits.yamlAliases }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError || error instanceof YAMLError)) throw error;
    throw new FrontMatterError(
      `the front matter's YAML aliases (*name) expand to more than ${limits.yamlAliases} copies; write the values out, or ${howToRaise("yamlAliases")}`,
      null,
    );
  }
  return data;
}

function withoutControlCharacters(data: unknown): Record<string, unknown> {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new FrontMatterError("front matter must be a list of fields like title: …", 2);
  }
  const control = findControlCharacter(data);
  if (control) {
    const code = `U+${control.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    throw new FrontMatterError(
      `"${fieldName(control.path)}" contains the invisible control character ${code}, which pages, feeds and email cannot carry; delete it (retype the text if you cannot see where it is)`,
      null,
    );
  }
  return data as Record<string, unknown>;
}

/** Splits YAML front matter from the Markdown body. */
export function splitFrontMatter(source: string, limits: Pick<InputLimits, "frontMatterKb" | "yamlAliases"> = DEFAULT_LIMITS): SplitSource {
  const text = source.replace(/^\uFEFF/, "");
  const opening = FENCE.exec(text);
  if (!opening) return { data: {}, body: text, bodyLine: 1 };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    throw new FrontMatterError("front matter opens with --- on line 1 but never closes: add a line with --- after the last field", 1);
  }
  const data = parseYaml(rest.slice(0, closing.index), limits);
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, "");
  const bodyLine = text.length - afterClosing.length > 0 ? text.slice(0, text.length - afterClosing.length).split("\n").length : 1;
  return { data, body: afterClosing, bodyLine };
}
