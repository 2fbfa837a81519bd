import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evalReport, judgePullQuote, loadCorpus, pullQuoteClasses, scorePredictions, selectPart, type CorpusCase, type GoldQuote, type Prediction } from "../../src/eval/index.ts";
import { tempFolder } from "../helpers/tmp.ts";

const SHARED = fileURLToPath(new URL("../fixtures/extract/shared-format.jsonl", import.meta.url));
const CLI = fileURLToPath(new URL("../../src/cli/eval.ts", import.meta.url));

const gold = (text: string, speaker: string, speakerKind: GoldQuote["speakerKind"], speakerKeys: string[], resolvedKeys?: string[]): GoldQuote =>
  ({ text, speaker, speakerKind, speakerKeys, ...(resolvedKeys ? { resolvedKeys } : {}) });
const article = (id: string, quotes: GoldQuote[]): CorpusCase => ({ id, format: "text", text: "", quotes });
const showing = (text: string, speaker: string | null): Prediction => ({ quotes: [], summary: "", keyPoints: [], lead3: "", keyQuotes: [{ text, speaker }] });
const none: Prediction = { quotes: [], summary: "", keyPoints: [], lead3: "", keyQuotes: [] };

describe("the dev and check parts of a corpus", () => {
  it("orders articles by the SHA-1 of their id and puts the first 5/7 in dev, keeping the corpus's order", () => {
    // SHA-1 order of these ids: d 3c…, f 4a…, g 54…, e 58…, c 84…, a 86…, b e9….
    const cases = [..."abcdefg"].map((id) => ({ id }));
    expect(selectPart(cases, "dev").map((c) => c.id)).toEqual(["c", "d", "e", "f", "g"]);
    expect(selectPart(cases, "check").map((c) => c.id)).toEqual(["a", "b"]);
    expect(selectPart([...cases].reverse(), "check").map((c) => c.id)).toEqual(["b", "a"]);
  });

  it("splits 840 articles 600 / 240 with no article in both", () => {
    const cases = Array.from({ length: 840 }, (_, i) => ({ id: `article-${i}` }));
    const dev = selectPart(cases, "dev");
    const check = selectPart(cases, "check");
    expect([dev.length, check.length]).toEqual([600, 240]);
    expect(new Set([...dev, ...check]).size).toBe(840);
  });
});

describe("pull quote measures", () => {
  const lopez = gold("This is a historic day for working families,", "Senator Maria Lopez", "name", ["lopez"]);

  it("judges a pull quote: right, wrong speaker, not a quotation", () => {
    expect(judgePullQuote({ text: "This is a historic day for working families.", speaker: "Maria Lopez" }, [lopez], "tokens").verdict).toBe("right");
    expect(judgePullQuote({ text: "This is a historic day for working families.", speaker: "the White House" }, [lopez], "tokens"))
      .toEqual({ verdict: "wrong-speaker", gold: lopez });
    expect(judgePullQuote({ text: "This is a historic day", speaker: "Maria Lopez" }, [lopez], "tokens").verdict).toBe("not-a-quotation");
    expect(judgePullQuote({ text: "A speaker without a quotation.", speaker: null }, [], "tokens").verdict).toBe("not-a-quotation");
  });

  it("reads two adjacent gold spans of one speaker as one split quotation, but not spans of two speakers", () => {
    const first = gold("We will act,", "Ana Ruiz", "name", ["ruiz"]);
    const second = gold("and soon.", "Ana Ruiz", "name", ["ruiz"]);
    const pull = { text: "We will act, and soon.", speaker: "Ana Ruiz" };
    expect(judgePullQuote(pull, [first, second], "tokens").verdict).toBe("right");
    expect(judgePullQuote(pull, [first, { ...second, speaker: "Tom Reyes", speakerKeys: ["reyes"] }], "tokens").verdict).toBe("not-a-quotation");
  });

  it("judges a pronoun speaker by the name coreference resolved it to, and cannot judge one without", () => {
    const he = gold("Nobody should pay more for care.", "He", "pronoun", ["he"], ["lopez"]);
    expect(judgePullQuote({ text: "Nobody should pay more for care.", speaker: "Maria Lopez" }, [he], "tokens").verdict).toBe("right");
    const unresolved = gold("Nobody should pay more for care.", "He", "pronoun", ["he"]);
    expect(judgePullQuote({ text: "Nobody should pay more for care.", speaker: "Maria Lopez" }, [unresolved], "tokens").verdict).toBe("wrong-speaker");
  });

  it("counts the share right among articles showing one, and coverage among articles with an attributed quotation; an article with no quoted span annotated is not judged", () => {
    const reyes = gold("We have never seen the river this low,", "Tom Reyes", "name", ["reyes"]);
    const scareQuoted = { ...article("5", []), nonQuotes: ["Meet the Press"] };
    const cases = [article("1", [lopez]), article("2", [reyes]), article("3", [lopez]), article("4", [reyes]), scareQuoted, article("6", [])];
    const { metrics, reports } = scorePredictions(cases, [
      showing("This is a historic day for working families.", "Maria Lopez"), // right
      showing("We have never seen the river this low.", "Maria Lopez"), // wrong speaker
      none, // an article that could have had one
      showing("We have never seen the river this low.", "Tom Reyes"), // right
      showing("Nothing anyone said.", "Tom Reyes"), // not a quotation
      showing("Words nobody annotated.", "Tom Reyes"), // no quoted span annotated in the article: not judged
    ], "tokens");
    expect(metrics.pullQuotes).toEqual({ shown: 4, right: 2, wrongSpeaker: 1, notQuotation: 1, unjudged: 1, eligible: 4, covered: 2 });
    expect(metrics.pullQuoteRight).toBe(0.5);
    expect(metrics.pullQuoteCoverage).toBe(0.5);
    expect(reports[1]!.pullQuote).toEqual({ text: "We have never seen the river this low.", speaker: "Maria Lopez", verdict: "wrong-speaker", expected: "Tom Reyes" });
    expect(reports[0]!.pullQuote).toBeUndefined();
  });

  it("reads speaker_resolved_keys from the shared format", () => {
    const file = tempFolder().write("resolved.jsonl", JSON.stringify({
      id: "r", text: "He said: “Nobody should pay more.”",
      quotes: [{ text: "Nobody should pay more.", speaker: "He", speaker_kind: "pronoun", speaker_keys: ["he"], speaker_resolved_keys: ["lopez"] }],
    }));
    expect(loadCorpus(file).cases[0]!.quotes[0]!.resolvedKeys).toEqual(["lopez"]);
  });

  it("prints the pull quote line and the part from the command line, and refuses an unknown part", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", CLI, "--part", "dev", SHARED], { encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("shared-format.jsonl (dev part) — Double quote marks (as written): 1 cases");
    expect(result.stdout).toMatch(/pull quote {6}right \d+\.\d% of [01] articles showing one \(wrong speaker \d, not a quotation \d; \d more in articles with no quoted span annotated, not judged\); coverage \d+\.\d% of 1 articles/u);
    expect(evalReport(SHARED, { part: "check" })).toContain("(check part) — Double quote marks (as written): 1 cases");
    const bad = spawnSync(process.execPath, ["--import", "tsx", CLI, "--part", "test", SHARED], { encoding: "utf8", timeout: 30_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("eval: --part is dev (where rules are tuned) or check (only measured)");
  });
});

describe("pull quote candidates by class", () => {
  const text = [
    "Council backs the new bridge",
    "“The bridge will open in the spring of next year,” Mayor Ana Ruiz said on Monday.",
    "“We are proud of every worker who built it,” a council spokesman said.",
    "“It will carry ten thousand cars a day,” Ruiz said.",
    "She added that “nothing” would stop it.",
  ].join("\n\n");
  const cases: CorpusCase[] = [{
    id: "bridge", format: "text", text,
    quotes: [
      gold("The bridge will open in the spring of next year,", "Mayor Ana Ruiz", "name", ["ruiz"]),
      gold("We are proud of every worker who built it,", "a council spokesman", "nominal", ["spokesman"]),
      gold("It will carry ten thousand cars a day,", "Tom Reyes", "name", ["reyes"]), // a gold speaker the rules cannot see
    ],
  }, { id: "unannotated", format: "text", text: "“We will build another one next year,” Ana Ruiz said.", quotes: [] }];

  it("judges every candidate, not only the pull quote, and classes those that qualify; articles marking no quoted span are left out", () => {
    const table = pullQuoteClasses(cases, "tokens");
    expect(Object.fromEntries(table.get("rule")!)).toEqual({
      qualifies: { candidates: 2, right: 1, wrongSpeaker: 1, notQuotation: 0 },
      "turned away: unnamed": { candidates: 1, right: 1, wrongSpeaker: 0, notQuotation: 0 }, // "a council spokesman"
      "turned away: uncertain": { candidates: 1, right: 0, wrongSpeaker: 0, notQuotation: 1 }, // "she", and one word
    });
    expect(Object.fromEntries(table.get("speaker")!)).toEqual({ "name, two words": { candidates: 2, right: 1, wrongSpeaker: 1, notQuotation: 0 } });
    expect([...table.get("shown")!.entries()].map(([label, n]) => [label, n.candidates])).toEqual([["pull quote", 1], ["ranked after it", 1]]);
    expect([...table.get("speaker named")!.entries()].map(([label, n]) => [label, n.candidates])).toEqual([["in its paragraph", 1], ["before its paragraph", 1]]);
    expect([...table.get("paragraph")!.keys()]).toEqual(["2–4"]);
  });

  it("is printed with --pull-quote-classes, never for the check part", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", CLI, "--pull-quote-classes", SHARED], { encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/pull quote candidates by class[^\n]*\n {4}rule\n {6}qualifies +\d+ +right +\d+\.\d%/u);
    expect(evalReport(SHARED, { part: "check", pullQuoteClasses: true })).not.toContain("candidates by class");
    expect(evalReport(SHARED)).not.toContain("candidates by class");
  });
});
