import { describe, expect, it } from "vitest";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { corpusPaths, evaluate, type CorpusCase, loadCorpus, normalizeQuoteText, toSingleMarkCase, toSingleMarks } from "../../src/eval/index.js";

const ARTICLES_DEV = fileURLToPath(new URL("../fixtures/extract/articles-dev.json", import.meta.url));

describe("corpus evaluation", () => {
  const cases = loadCorpus().cases;

  it("has a large, varied corpus including the sample briefing", () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(cases.some((c) => c.id.startsWith("sample"))).toBe(true);
    expect(cases.filter((c) => c.nonQuotes?.length).length).toBeGreaterThanOrEqual(15);
    for (const c of cases) for (const q of c.quotes) expect(c.text).toContain(q.text);
  });

  it("finds every corpus in the fixtures folder", () => {
    const names = corpusPaths().map((p) => basename(p));
    expect(names).toContain("corpus.json");
    expect(names).toContain("articles-dev.json");
  });

  // The targets on the held-out judging set, asserted on the corpora the rules are tuned on.
  it.each([
    ["corpus.json, double marks", (): CorpusCase[] => cases],
    ["corpus.json, single (British) marks", (): CorpusCase[] => cases.map((c) => toSingleMarkCase(c))],
    ["articles-dev.json, double marks", (): CorpusCase[] => loadCorpus(ARTICLES_DEV).cases],
    ["articles-dev.json, single (British) marks", (): CorpusCase[] => loadCorpus(ARTICLES_DEV).cases.map((c) => toSingleMarkCase(c))],
  ])("meets the targets on %s", (_, variant) => {
    const { metrics } = evaluate(variant());
    expect(metrics.f1).toBeGreaterThanOrEqual(0.95);
    expect(metrics.speakerAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(metrics.foundAndAttributed).toBeGreaterThanOrEqual(0.75);
    expect(metrics.scareQuoteFalsePositiveRate).toBeLessThanOrEqual(0.05);
    expect(metrics.ledeExactMatch).toBeGreaterThanOrEqual(0.8);
  });

  it("converts double marks to single and inner single marks to double, keeping apostrophes", () => {
    expect(toSingleMarks("“He said ‘no’ to Paris' mayor,” she said. \"Don't,\" he said.")).toBe(
      "‘He said “no” to Paris' mayor,’ she said. 'Don't,' he said.",
    );
    expect(toSingleMarks("“It's rock 'n' roll from the '90s,” he said.")).toBe("‘It's rock 'n' roll from the '90s,’ he said.");
  });

  it("scores a wrong extraction as wrong", () => {
    const [c] = cases.filter((k) => k.quotes.length > 0);
    const broken = { ...c!, quotes: c!.quotes.map((q) => ({ text: `${q.text} extra words`, speaker: "Nobody" })) };
    const { metrics } = evaluate([broken]);
    expect(metrics.recall).toBe(0);
    expect(metrics.precision).toBe(0);
    expect(normalizeQuoteText("  We will act ,  ")).toBe("We will act");
  });
});
