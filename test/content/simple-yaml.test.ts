import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { syntheticBriefing } from "../../src/bench/corpus.ts";
import { simpleYaml } from "../../src/content/frontmatter.ts";
import { listFiles, ROOT } from "../helpers/site.ts";
import { seeded } from "../helpers/hostile.ts";

/** What the YAML parser reads (as splitFrontMatter asks it to), or the error it finds. */
function yamlReads(text: string): unknown {
  const document = parseDocument(text, { schema: "core", prettyErrors: false, logLevel: "silent" });
  return document.errors.length > 0 ? "error" : (document.toJS() ?? {});
}

function frontMatterOf(source: string): string {
  return source.split(/^---$/m)[1]!.replace(/^\n/, "");
}

const VALUES = [
  "", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "yes", "no", "on", "off", "y", "n", "0", "12", "-3", "+4", "0o17", "0O17", "0x1F", "0b101",
  "1_000", "1e3", "1E3", ".5", "5.", "-.5", ".inf", "+.inf", "-.Inf", ".nan", "-.nan", "NaN", "12:30", "1:2:3", "2026-01-06", "2026-01-06T18:00:00+00:00", "2026-01-06 18:00",
  "Plain words", "Plain words ", " lead", "a: b", "a:b", "a :b", "a #b", "a#b", "#x", "x:", "https://example.org/a?b=1&c=2#frag", "/images/a.png", "./a", "-x", "- x", "?x", ":x",
  "[a]", "[a, b]", "[a,b]", "[ a , b ]", "[]", "[ ]", "[a, ]", "[a,, b]", "[a, [b]]", "[a: b]", "[a:b]", "[a, b] c", "[\"a, b\", c]", "['a', \"b\"]", "[~, a]", "[true, 1]",
  "[Food & Drink, O'Brien]", "[日本, Привет 🌍]", "{a: b}", "&anchor x", "*alias", "!tag x", "|", ">", "%x", "@x", "`x", "'single'", "'it''s'", "'a\"b'", "\"double\"",
  "\"with \\\"escape\\\"\"", "\"a\\nb\"", "\"trailing\" ", "\"a\" # c", "\"a\" \"b\"", "\"\"", "''", "He said \"no\"", "Talks [update] {x}", "a, b", "a\\b", "ü-umlaut", "é",
  "\u2028sep", "x\u2028y", "\u00a0nbsp", "x\u00a0", "\ud800", "a\ud800b", "\"a\u2029b\"", "—dash", "'\u00a0'", "Ünïcödé: no", "x y: z", "x\ty", "tab\t",
];
const KEYS = ["title", "date", "tags", "x", "_a", "a-b", "a_b", "true", "null", "Null", "y", "NaN", "a".repeat(70), "__proto__", "constructor", "toString", "1a", "-a", "a b", "é"];

describe("simpleYaml", () => {
  it("reads the sample's, the fixtures' and 2,000 bench briefings' front matter as the YAML parser does, nearly all by itself", () => {
    const sources = [
      ...listFiles(`${ROOT}content/briefings`).map((file) => readFileSync(`${ROOT}content/briefings/${file}`, "utf8")),
      ...listFiles(`${ROOT}test/fixtures/site/briefings`).map((file) => readFileSync(`${ROOT}test/fixtures/site/briefings/${file}`, "utf8")),
      ...Array.from({ length: 2000 }, (_, index) => syntheticBriefing(index).text),
    ];
    let simple = 0;
    for (const source of sources) {
      const text = frontMatterOf(source);
      const read = simpleYaml(text);
      if (read !== undefined) {
        simple += 1;
        expect(read, text).toEqual(yamlReads(text));
      }
    }
    expect(simple).toBeGreaterThan(2000);
  });

  it("reads each field the YAML parser would read the same, and leaves the rest to it", () => {
    let simple = 0;
    for (const key of KEYS) {
      for (const value of VALUES) {
        for (const text of [`${key}: ${value}`, `${key}:${value === "" ? "" : ` ${value}`}\ntitle: "x"\n`]) {
          const read = simpleYaml(text);
          if (read === undefined) continue;
          simple += 1;
          const parsed = yamlReads(text);
          expect(read, JSON.stringify(text)).toEqual(parsed);
          expect(Object.getPrototypeOf(read), JSON.stringify(text)).toBe(Object.getPrototypeOf(parsed));
        }
      }
    }
    expect(simple).toBeGreaterThan(1000);
  });

  it("reads 3,000 seeded front matters of several fields as the YAML parser does", () => {
    const random = seeded(64);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    let simple = 0;
    for (let index = 0; index < 3000; index += 1) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 5) }, () => (random() < 0.05 ? pick(["", "  indented: x", "# comment", "- item", "  - item", "..."]) : `${pick(KEYS.slice(0, 8))}: ${pick(VALUES)}`));
      const text = `${lines.join("\n")}\n`;
      const read = simpleYaml(text);
      if (read === undefined) continue;
      simple += 1;
      expect(read, JSON.stringify(text)).toEqual(yamlReads(text));
    }
    expect(simple).toBeGreaterThan(300);
  });
});
