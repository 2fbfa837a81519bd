import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CorpusError, evalReport, lead3, loadCorpus, rouge1, scorePredictions, tokenF1, toSingleMarksAsTheTeam, quoteTokens, type CorpusCase } from "../../src/eval/index.ts";
import { tempFolder } from "../helpers/tmp.ts";

// A tiny corpus written for these tests in the team's shared format (the real data stays outside the repo).
const SHARED = fileURLToPath(new URL("../fixtures/extract/shared-format.jsonl", import.meta.url));
const SUMMARIES = fileURLToPath(new URL("../fixtures/extract/shared-summaries.jsonl", import.meta.url));
const CLI = fileURLToPath(new URL("../../src/cli/eval.ts", import.meta.url));
const quote = (text: string, speaker: string | null) => ({ text, speaker, start: 0, end: 0, attribution: "none" as const, confidence: 0 });

describe("npm run eval on the shared JSON Lines format", () => {
  it("reads articles, quotations with speaker keys and kinds, and distractors", () => {
    const corpus = loadCorpus(SHARED);
    expect(corpus.matching).toBe("tokens");
    expect(corpus.cases.map((c) => [c.id, c.format, c.quotes.length, c.nonQuotes])).toEqual([
      ["shared-1", "text", 3, ["Meet the Press"]],
      ["shared-2", "text", 1, []],
    ]);
    expect(corpus.cases[0]!.quotes[1]).toMatchObject({ speaker: "a senior administration official", speakerKind: "nominal", speakerKeys: ["official"] });
  });

  it("matches spans by token F1 ≥ 0.8 one to one, and speakers by their last word among the keys", () => {
    const { cases } = loadCorpus(SHARED);
    expect(tokenF1(quoteTokens("This is a historic day for working families,"), quoteTokens("this is a historic day"))).toBeCloseTo(10 / 13);
    const { metrics, reports } = scorePredictions(cases, [
      {
        summary: "",
        keyPoints: [],
        lead3: "",
        quotes: [
          quote("This is a historic day for working families", "Maria Lopez’s"), // right: possessive dropped
          quote("This is a historic day for working families", "Maria Lopez"), // a duplicate matches nothing
          quote("We will keep fighting it", "the White House"), // F1 0.77: no match
          quote("Nobody should pay more for care.", "Maria Lopez"), // pronoun speaker: not judged
          quote("Meet the Press", null), // a distractor taken for a quotation
        ],
      },
      { summary: "", keyPoints: [], lead3: "", quotes: [quote("We have never seen the river this low", "Tom Reyes")] },
    ], "tokens");
    expect(metrics.counts).toMatchObject({ gold: 4, predicted: 6, matched: 3, judged: 2, scare: 1 });
    expect(metrics.precision).toBeCloseTo(3 / 6);
    expect(metrics.recall).toBeCloseTo(3 / 4);
    expect(metrics.speakerAccuracy).toBe(1);
    expect(metrics.foundAndAttributed).toBeCloseTo(2 / 3); // 3 gold quotations with a written speaker
    expect(metrics.scareQuoteFalsePositiveRate).toBe(1);
    expect(reports[0]!.missed.map((q) => q.speakerKind)).toEqual(["nominal"]);
  });

  it("scores the extractor on a shared-format file from the command line, both quote styles", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", CLI, SHARED], { encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("shared-format.jsonl — Double quote marks (as written): 2 cases");
    expect(result.stdout).toContain("shared-format.jsonl — Single quote marks (converted, British style): 2 cases");
    expect(result.stdout).toMatch(/gold 4, predicted \d+, matched \d+/u);
    expect(evalReport(SHARED, { limit: 1 })).toContain("1 cases");
  });

  it("names the file and line of a broken article, in one line", () => {
    const folder = tempFolder();
    const file = folder.write("bad.jsonl", '{"id": "a", "text": "Fine.", "quotes": []}\n{"id": "b", "text": 3}\n');
    expect(() => loadCorpus(file)).toThrow(CorpusError);
    const result = spawnSync(process.execPath, ["--import", "tsx", CLI, file], { encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`eval: ${file}:2: an article needs "text" (a string) and "quotes" (a list) or "reference" (its highlights)`);
  });

  it("scores the In brief box (summary and key points) and Lead-3 against reference highlights", () => {
    const { cases } = loadCorpus(SUMMARIES);
    expect(cases.map((c) => [c.id, c.quotes.length, c.reference?.split("\n").length])).toEqual([["brief-1", 0, 2], ["brief-2", 0, 2]]);
    expect(lead3(cases[0]!.text, "text")).toBe(
      "The harbour bridge will close for repairs next month, the port authority said on Friday.\n" +
        "The bridge carries 40,000 cars a day.\nDrivers will be sent along the coast road, which adds twenty minutes to the journey.",
    );
    // "the cat sat down" against "the cat sat": 3 shared words, P 3/4, R 1, F1 6/7; "a dog" shares none.
    expect(rouge1("The cat sat.", "the cat\nsat down")).toBeCloseTo(6 / 7);
    const one = [{ ...cases[0]!, reference: "The cat sat." }];
    const { metrics } = scorePredictions(one, [{ quotes: [], summary: "the cat", keyPoints: ["sat down"], lead3: "a dog" }], "tokens");
    expect(metrics.briefRouge1).toBeCloseTo(6 / 7);
    expect(metrics.lead3Rouge1).toBe(0);
    const report = evalReport(SUMMARIES);
    expect(report).toMatch(/in brief {8}ROUGE-1 F1 \d+\.\d \(summary \+ key points\); Lead-3 \d+\.\d \(2 references\)/u);
    expect(report).not.toContain("quote spans");
  });

  it("sorts the predictions matching no gold quotation, and gives span figures over annotated articles only", () => {
    const text = "Mayor: “Not One More Closure”\nThe mayor said the budget was “sound,” and “we will not close a single library this year,” she said. " +
      "She added: “The branches stay open.” Some call it the “library rescue.” A sign read “Books First.”";
    const at = (words: string): number => text.indexOf(words);
    const said = (words: string) => ({ ...quote(words, "Ana Ruiz"), start: at(words), end: at(words) + words.length });
    const annotated: CorpusCase = {
      id: "a", format: "text", text, nonQuotes: ["library rescue"],
      quotes: [{ text: "sound", speaker: "mayor" }, { text: "we will not close a single library this year,", speaker: "she" }],
    };
    const unannotated: CorpusCase = { id: "b", format: "text", text: "Nobody read “this one.”", quotes: [] };
    const { metrics } = scorePredictions([annotated, unannotated], [
      {
        summary: "", keyPoints: [], lead3: "",
        quotes: [
          said("Not One More Closure"), // the first line: a headline
          said("sound,"), // matches
          said("we will not close a single library"), // matches (token F1 ≥ 0.8)
          said("this year"), // the same quotation's words again, split off
          said("library rescue."), // a gold non-quotation
          said("The branches stay open."), // not annotated either way
          said("Books First."), // not annotated either way
        ],
      },
      { summary: "", keyPoints: [], lead3: "", quotes: [quote("this one.", null)] },
    ], "tokens");
    expect(metrics.counts).toMatchObject({ predicted: 8, matched: 2, scare: 1 });
    expect(metrics.unmatched).toEqual({ unannotated: 1, nonQuotation: 1, firstLine: 1, overlapping: 1, elsewhere: 2 });
    expect(metrics.precision).toBeCloseTo(2 / 8);
    expect(metrics.annotated).toMatchObject({ cases: 1, predicted: 7, recall: 1 });
    expect(metrics.annotated.precision).toBeCloseTo(2 / 7);
    expect(metrics.annotated.f1).toBeCloseTo((2 * (2 / 7)) / (2 / 7 + 1));
    const report = evalReport(SHARED);
    expect(report).toMatch(/unmatched {7}\d+ predictions: \d+ in articles with no quoted span annotated, \d+ gold non-quotations, \d+ in the first line \(headline\)/u);
    expect(report).toMatch(/annotated only {2}precision \d\.\d{3} {2}recall \d\.\d{3} {2}F1 \d\.\d{3} {2}\(2 articles marking a quoted span, predicted \d+\)/u);
  });

  it("converts a shared-format corpus to single marks as the team's scorer does: inner single marks stay single", () => {
    expect(toSingleMarksAsTheTeam("“He said ‘no’ to it,” she said. \"Don't,\" he said.")).toBe("‘He said ‘no’ to it,’ she said. 'Don't,' he said.");
    const single = evalReport(SHARED).split("Single quote marks")[1]!;
    expect(single).toMatch(/gold 4, predicted \d+, matched \d+/u);
  });
});
