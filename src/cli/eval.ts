/**
 * Quality of quote, speaker and lede extraction (the harness is src/eval/).
 *
 *   npm run eval [-- --verbose] [-- --pull-quote-classes] [-- --limit N] [-- --part dev|check] [-- FILE…]
 *
 * FILE: a corpus in the project's JSON format or the team's shared JSON Lines format (`.jsonl`); without
 * one, every corpus in test/fixtures/extract/.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { CorpusError, PARTS, evalReports, type EvalOptions, type Part } from "../eval/index.js";
import { runCommand } from "./run.ts";

const USAGE = "usage: npm run eval [-- --verbose] [-- --pull-quote-classes] [-- --limit N] [-- --part dev|check] [-- FILE.json|FILE.jsonl …]";

function parseArgs(args: readonly string[]): { paths: string[]; options: EvalOptions } | string {
  const paths: string[] = [];
  const options: EvalOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--verbose") options.verbose = true;
    else if (arg === "--pull-quote-classes") options.pullQuoteClasses = true;
    else if (arg === "--limit") {
      const limit = Number(args[++i]);
      if (!Number.isInteger(limit) || limit < 1) return `eval: --limit needs a whole number of cases, e.g. --limit 100\n${USAGE}`;
      options.limit = limit;
    } else if (arg === "--part") {
      const part = args[++i];
      if (!PARTS.includes(part as Part)) return `eval: --part is dev (where rules are tuned) or check (only measured), e.g. --part dev\n${USAGE}`;
      options.part = part as Part;
    } else if (arg.startsWith("--")) return `eval: unknown option ${arg}\n${USAGE}`;
    else paths.push(arg);
  }
  return { paths, options };
}

function main(args: readonly string[]): number {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    process.stderr.write(`${parsed}\n`);
    return 2;
  }
  try {
    for (const report of evalReports(parsed.paths, parsed.options)) console.log(report);
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    process.stderr.write(`eval: ${error.message}\n`);
    return 1;
  }
  return 0;
}

// Run as a command, not imported by a test (through a symlinked checkout too).
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  await runCommand("eval", () => main(process.argv.slice(2)));
}
