import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SAMPLE_PATH } from "./helpers.js";

const CLI = fileURLToPath(new URL("../../src/cli/analyze.ts", import.meta.url));
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], { input, encoding: "utf8", timeout: 20_000 });

function expectShape(stdout: string): Record<string, unknown> {
  const output = JSON.parse(stdout) as Record<string, unknown>;
  expect(Object.keys(output).slice(0, 5)).toEqual(["summary", "keyPoints", "quotes", "wordCount", "readingTimeMinutes"]);
  expect(typeof output.summary).toBe("string");
  expect(Array.isArray(output.keyPoints)).toBe(true);
  for (const q of output.quotes as { text: unknown; speaker: unknown }[]) {
    expect(Object.keys(q)).toEqual(["text", "speaker", "attribution", "confidence"]);
    expect(typeof q.text).toBe("string");
    expect(q.speaker === null || typeof q.speaker === "string").toBe(true);
  }
  expect(Number.isInteger(output.wordCount)).toBe(true);
  expect(Number.isInteger(output.readingTimeMinutes)).toBe(true);
  return output;
}

// Each test spawns Node with tsx: allow for a loaded machine.
describe("analyze CLI", { timeout: 30_000 }, () => {
  it("analyses a plain-text article", () => {
    const result = run([SAMPLE_PATH]);
    expect(result.status).toBe(0);
    const output = expectShape(result.stdout);
    expect(output.quotes).toEqual([
      {
        text: "Our support for Ukraine is unwavering, not just for today, but for the long term,", speaker: "Keir Starmer",
        attribution: "same-sentence", confidence: 0.95,
      },
    ]);
  });

  it("reads stdin and detects Markdown with front matter", () => {
    const briefing = "---\ntitle: Test\nsummary: ignored here\n---\n# Heading\n\n“We will act today,” said Jane Doe.\n";
    const result = run(["-"], briefing);
    expect(result.status).toBe(0);
    const output = expectShape(result.stdout);
    expect(output.summary).toBe("“We will act today,” said Jane Doe.");
    expect(output.quotes).toEqual([{ text: "We will act today,", speaker: "Jane Doe", attribution: "same-sentence", confidence: 0.95 }]);
  });

  it("reads a plain-text article from stdin", () => {
    const result = run(["-"], readFileSync(SAMPLE_PATH, "utf8"));
    expect(result.status).toBe(0);
    expect((expectShape(result.stdout).quotes as unknown[]).length).toBe(1);
  });

  it("reports a missing file on one stderr line and exits 1", () => {
    const result = run(["no-such-briefing.md"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("no-such-briefing.md");
  });
});
