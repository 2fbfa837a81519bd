import MarkdownIt from "markdown-it";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { syntheticBody, syntheticBriefing } from "../bench/corpus.ts";
import { buildSite } from "../build/build.ts";
import { forgetSiteData } from "../site/data.ts";
import { splitFrontMatter } from "../content/frontmatter.ts";
import { analyze } from "../extract/index.ts";

/**
 * `npm run bench`: each figure is a ratio to a baseline measured in the same process, so
 * results compare across machines. Baseline: markdown-it rendering the same text, the
 * least any Markdown site generator must do.
 */

const BRIEFINGS = Number(process.env.BENCH_BRIEFINGS ?? 1000);
const markdown = new MarkdownIt();

function time(run: () => void, repeat = 1): number {
  run(); // warm-up: JIT and caches, as in a real build
  const started = performance.now();
  for (let i = 0; i < repeat; i += 1) run();
  return (performance.now() - started) / repeat;
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function line(name: string, ms: number, baseline: number): void {
  console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms  ${(ms / baseline).toFixed(2).padStart(7)}× baseline`);
}

// Extraction on a 1 MB article.
let article = "";
for (let seed = 1; article.length < 1_000_000; seed += 1) article += `${syntheticBody(seed)}\n`;
const renderMs = time(() => markdown.render(article), 5);
console.log(`1 MB article (${(article.length / 1e6).toFixed(2)} MB): baseline markdown-it render ${renderMs.toFixed(1)} ms`);
line("  analyze (quotes, speakers, summary, points)", time(() => analyze(article, "markdown"), 5), renderMs);

// Full builds: the sample site, then a generated corpus.
const work = mkdtempSync(path.join(tmpdir(), "dispatch-bench-"));
try {
  process.env.DISPATCH_OUT = path.join(work, "sample");
  delete process.env.DISPATCH_BRIEFINGS;
  const sampleMs = await timeAsync(buildSite);

  const dir = path.join(work, "briefings");
  const bodies: string[] = [];
  for (let i = 0; i < BRIEFINGS; i += 1) {
    const { file, text } = syntheticBriefing(i);
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
    bodies.push(splitFrontMatter(readFileSync(path.join(dir, file), "utf8")).body);
  }
  const baseline = time(() => bodies.forEach((body) => markdown.render(body)));
  process.env.DISPATCH_BRIEFINGS = dir;
  process.env.DISPATCH_OUT = path.join(work, "corpus");
  const corpusMs = await timeAsync(buildSite);
  // As in the dev server: one briefing edited, the same process builds again.
  const edited = syntheticBriefing(0);
  writeFileSync(path.join(dir, edited.file), edited.text.replace("Synthetic briefing 0", "Edited briefing 0"));
  forgetSiteData();
  const rebuildMs = await timeAsync(buildSite);
  console.log(`${BRIEFINGS} briefings: baseline markdown-it render ${baseline.toFixed(1)} ms`);
  line(`  full build (site, feeds, email) of ${BRIEFINGS}`, corpusMs, baseline);
  line("  rebuild after editing one briefing", rebuildMs, baseline);
  line("  full build of the sample site", sampleMs, baseline);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
