import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractQuotes } from "../../src/extract/index.js";

export const SAMPLE_PATH = fileURLToPath(new URL("../fixtures/extract/uk-france-ukraine-troops.txt", import.meta.url));
export const sample = (): string => readFileSync(SAMPLE_PATH, "utf8");

/** `[speaker, text]` pairs of a plain-text article, for compact expectations. */
export function quotePairs(text: string): [string | null, string][] {
  return extractQuotes(text, "text").map((q) => [q.speaker, q.text]);
}

export const quoteTexts = (text: string): string[] => extractQuotes(text, "text").map((q) => q.text);
