/**
 * Annotated corpora for `npm run eval`, in either of two formats:
 * - the project's own JSON (`test/fixtures/extract/corpus.json`, `articles-*.json`):
 *   `{ "cases": [{ id, format, text, quotes: [{ text, speaker }], nonQuotes?, summary? }] }`;
 * - the team's shared JSON Lines format (`quotes.jsonl`, as in the PolNeAR train split): one article a line,
 *   `{ id, text, quotes: [{ text, speaker, speaker_kind, speaker_keys }], distractors: [{ text }] }`, or, for
 *   summaries, `{ id, text, reference }` with the outlet's own highlights as the reference.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceFormat } from "../extract/index.js";

/** How the gold speaker was written: a name, a description ("a senior official"), a pronoun, or none. */
export type SpeakerKind = "name" | "nominal" | "pronoun" | "none";

export interface GoldQuote {
  text: string;
  speaker: string | null;
  /** Shared format: the lower-cased words a right speaker's last word may be. */
  speakerKeys?: string[];
  speakerKind?: SpeakerKind;
  /** Shared format, pronoun speakers: the keys of the name automatic coreference resolved it to (noisy). */
  resolvedKeys?: string[];
}

export interface CorpusCase {
  id: string;
  format: SourceFormat;
  text: string;
  quotes: GoldQuote[];
  /** Quoted spans that are no quotations (scare quotes, titles, nicknames). */
  nonQuotes?: string[];
  summary?: string;
  /** Human highlights to score the "In brief" box (summary and key points) against. */
  reference?: string;
}

/** How predictions meet the gold: `exact` texts after normalising (the project's corpora, written for
 * it), or `tokens` as the team's scorer does for real news (token F1 ≥ 0.8, speakers by their last word). */
export type Matching = "exact" | "tokens";

export interface Corpus {
  name: string;
  cases: CorpusCase[];
  matching: Matching;
}

/** A corpus file that cannot be read as either format: one line naming the file, line and fix. */
export class CorpusError extends Error {}

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/extract/", import.meta.url));
export const DEFAULT_CORPUS = join(FIXTURES, "corpus.json");
const CORPUS_FILE = /^(?:corpus|articles-[\w-]+)\.json$/u;

/** Every corpus in test/fixtures/extract/: corpus.json and articles-*.json, sorted by name. */
export function corpusPaths(dir = FIXTURES): string[] {
  return readdirSync(dir).filter((name) => CORPUS_FILE.test(name)).sort().map((name) => join(dir, name));
}

interface SharedQuote {
  text?: unknown;
  speaker?: unknown;
  speaker_kind?: unknown;
  speaker_keys?: unknown;
  speaker_resolved_keys?: unknown;
}

const SPEAKER_KINDS: ReadonlySet<string> = new Set(["name", "nominal", "pronoun", "none"]);

function sharedCase(line: string, where: string): CorpusCase {
  let item: { id?: unknown; text?: unknown; quotes?: unknown; distractors?: unknown; reference?: unknown };
  try {
    item = JSON.parse(line) as typeof item;
  } catch (error) {
    throw new CorpusError(`${where}: not JSON (${(error as Error).message}); each line must be one article object`);
  }
  const reference = typeof item.reference === "string" ? item.reference : undefined;
  if (typeof item.text !== "string" || !(Array.isArray(item.quotes) || reference !== undefined)) {
    throw new CorpusError(`${where}: an article needs "text" (a string) and "quotes" (a list) or "reference" (its highlights)`);
  }
  const quotes = (Array.isArray(item.quotes) ? (item.quotes as SharedQuote[]) : []).map((q): GoldQuote => ({
    text: String(q.text ?? ""),
    speaker: typeof q.speaker === "string" && q.speaker.trim() !== "" ? q.speaker : null,
    speakerKeys: Array.isArray(q.speaker_keys) ? q.speaker_keys.map(String) : [],
    speakerKind: typeof q.speaker_kind === "string" && SPEAKER_KINDS.has(q.speaker_kind) ? (q.speaker_kind as SpeakerKind) : "none",
    ...(Array.isArray(q.speaker_resolved_keys) ? { resolvedKeys: q.speaker_resolved_keys.map(String) } : {}),
  }));
  const distractors = Array.isArray(item.distractors) ? (item.distractors as { text?: unknown }[]) : [];
  return {
    id: typeof item.id === "string" ? item.id : where,
    format: "text", // plain text, paragraphs split by newlines
    text: item.text,
    quotes,
    nonQuotes: distractors.map((d) => String(d.text ?? "")),
    ...(reference === undefined ? {} : { reference }),
  };
}

/** Reads a corpus in either format (JSON Lines by the `.jsonl` extension). */
export function loadCorpus(path = DEFAULT_CORPUS): Corpus {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch {
    throw new CorpusError(`${path}: cannot read the corpus file; check the path`);
  }
  const name = basename(path);
  if (extname(path).toLowerCase() === ".jsonl") {
    const cases: CorpusCase[] = [];
    source.split("\n").forEach((line, index) => {
      if (line.trim() !== "") cases.push(sharedCase(line, `${path}:${index + 1}`));
    });
    return { name, cases, matching: "tokens" };
  }
  let parsed: { cases?: unknown };
  try {
    parsed = JSON.parse(source) as typeof parsed;
  } catch (error) {
    throw new CorpusError(`${path}: not JSON (${(error as Error).message}); give a .json corpus or a .jsonl one`);
  }
  if (!Array.isArray(parsed.cases)) throw new CorpusError(`${path}: a .json corpus needs a "cases" list`);
  return { name, cases: parsed.cases as CorpusCase[], matching: "exact" };
}
