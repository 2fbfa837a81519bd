/**
 * The editors' command: prints the summary, key points, quotations and reading time of one article.
 *
 *   npm run --silent analyze -- FILE      FILE: a Markdown briefing (.md, front matter ignored),
 *                                         a plain-text article (.txt), or - for stdin
 */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { FrontMatterError, splitFrontMatter } from "../content/frontmatter.ts";
import { CommandError, fileErrorReason } from "../config/errors.ts";
import { analyze, type SourceFormat } from "../extract/index.js";
import { runCommand } from "./run.ts";

const MARKDOWN_HEADING = /^#{1,6}[ \t]/m;

/** `.txt` is a plain-text article, `.md` a briefing; otherwise front matter or `# ` headings mean Markdown. */
function detectFormat(source: string, fileName = "-"): SourceFormat {
  const extension = extname(fileName).toLowerCase();
  if (extension === ".txt") return "text";
  if (extension === ".md" || extension === ".markdown") return "markdown";
  return /^---\r?\n/.test(source) || MARKDOWN_HEADING.test(source) ? "markdown" : "text";
}

function main(args: string[]): number {
  const file = args.find((a) => a !== "--");
  if (file === undefined) {
    process.stderr.write("usage: npm run --silent analyze -- FILE (a .md briefing, a .txt article, or - for stdin)\n");
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${fileErrorReason(error)}; give a .md briefing, a .txt article, or - for stdin`);
  }
  const format = detectFormat(source, file);
  let body = source;
  if (format === "markdown") {
    // The build's own splitter: the same file reads the same way here and in `npm run build`.
    try {
      body = splitFrontMatter(source).body;
    } catch (error) {
      if (!(error instanceof FrontMatterError)) throw error;
      throw new CommandError(`${file}${error.line ? `:${error.line}` : ""}: ${error.message}`);
    }
  }
  const analysis = analyze(body, format);
  const output = {
    summary: analysis.summary,
    keyPoints: analysis.keyPoints,
    quotes: analysis.quotes.map(({ text, speaker, attribution, confidence }) => ({ text, speaker, attribution, confidence })),
    wordCount: analysis.wordCount,
    readingTimeMinutes: analysis.readingTimeMinutes,
    keyQuotes: analysis.keyQuotes,
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

await runCommand("analyze", () => main(process.argv.slice(2)));
