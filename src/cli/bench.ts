import MarkdownIt from "markdown-it";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { syntheticBriefing } from "../bench/corpus.ts";
import { devEditTimes } from "../bench/dev.ts";
import { BARE_LAYOUT, countFiles, median, runNode, writeBareEleventyProject, type ChildRun } from "../bench/measure.ts";
import { NO_CACHE } from "../cache/store.ts";
import { planCards, writeCards } from "../cards/index.ts";
import { renderEmail } from "../email/index.ts";
import { renderPreview } from "../email/preview.ts";
import { analyze } from "../extract/index.ts";
import { loadProject } from "../build/project.ts";

/**
 * `npm run bench [-- --count N --runs R --json FILE]`: Dispatch against bare Eleventy on the same
 * generated corpus, alternating in one run so that both see the same machine load. Every build
 * is a child process (wall time and peak RSS of the build alone). See README, "Speed".
 */

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    edits: { type: "string", default: "5" },
    json: { type: "string" },
  },
});
const count = Number(args.count);
const runs = Number(args.runs);
const edits = Number(args.edits);
if (!(count >= 2 && runs >= 1 && edits >= 0)) throw new Error("usage: npm run bench -- [--count N ≥ 2] [--runs R ≥ 1] [--edits E ≥ 0] [--json FILE]");

const root = process.cwd();
const eleventyCmd = path.join(root, "node_modules/@11ty/eleventy/cmd.cjs");
const work = mkdtempSync(path.join(tmpdir(), "dispatch-bench-"));
const loadBefore = loadavg()[0]!;

interface Series {
  wallMs: number[];
  peakRssMb: number[];
  files: number[];
}
const series = (): Series => ({ wallMs: [], peakRssMb: [], files: [] });
const results = { bare: series(), cold: series(), warm: series() };

function record(into: Series, run: ChildRun, output: string): void {
  into.wallMs.push(run.wallMs);
  into.peakRssMb.push(run.peakRssMb);
  into.files.push(countFiles(output));
}

function timeMs(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

try {
  // The corpus, written once; the bare project gets its own copy (Eleventy reads Markdown as pages).
  const briefingsDir = path.join(work, "briefings");
  for (let i = 0; i < count; i += 1) {
    const { file, text } = syntheticBriefing(i);
    mkdirSync(path.join(briefingsDir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(briefingsDir, file), text);
  }
  const bareDir = path.join(work, "bare");
  cpSync(briefingsDir, path.join(bareDir, "src"), { recursive: true });
  mkdirSync(path.join(bareDir, "src", "_includes"));
  writeFileSync(path.join(bareDir, "src", "_includes", "base.njk"), BARE_LAYOUT);
  const bareConfig = writeBareEleventyProject(bareDir, root);

  const edited = syntheticBriefing(1);
  const added = syntheticBriefing(count);
  const cache = path.join(work, "cache");
  const output = path.join(work, "dispatch-out");
  const env = { ...process.env, DISPATCH_BRIEFINGS: briefingsDir, DISPATCH_OUT: output, DISPATCH_CACHE: cache };
  const dispatch = (): Promise<ChildRun> => runNode(["--import", "tsx", "src/cli/build.ts"], { cwd: root, env, work });

  for (let run = 1; run <= runs; run += 1) {
    const bareOut = path.join(bareDir, "out");
    rmSync(bareOut, { recursive: true, force: true });
    record(results.bare, await runNode([eleventyCmd, `--config=${bareConfig}`, "--input=src", `--output=${bareOut}`, "--quiet"], { cwd: bareDir, env: process.env, work }), bareOut);

    // Cold: a fresh checkout, no previous output, no cache.
    rmSync(output, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    record(results.cold, await dispatch(), output);

    // Warm: the cold build's output and cache, one briefing edited and one added.
    writeFileSync(path.join(briefingsDir, edited.file), edited.text.replace("Synthetic briefing 1:", "Edited briefing 1:"));
    mkdirSync(path.join(briefingsDir, path.dirname(added.file)), { recursive: true });
    writeFileSync(path.join(briefingsDir, added.file), added.text);
    record(results.warm, await dispatch(), output);
    writeFileSync(path.join(briefingsDir, edited.file), edited.text);
    rmSync(path.join(briefingsDir, added.file));
    console.error(`run ${run}/${runs}: bare ${(results.bare.wallMs.at(-1)! / 1000).toFixed(2)} s, cold ${(results.cold.wallMs.at(-1)! / 1000).toFixed(2)} s, warm ${(results.warm.wallMs.at(-1)! / 1000).toFixed(2)} s`);
  }

  // In-process stages over the same corpus: the email edition and extraction, against markdown-it.
  const project = loadProject({ env: { ...process.env, DISPATCH_BRIEFINGS: briefingsDir } });
  const { briefings, settings } = project;
  const bodies = briefings.map((briefing) => briefing.markdown);
  const megabytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0) / 1e6;
  const markdown = new MarkdownIt();
  const emailMs: number[] = [];
  const extractMs: number[] = [];
  const markdownMs: number[] = [];
  for (let run = 0; run < Math.max(runs, 3); run += 1) {
    emailMs.push(timeMs(() => briefings.forEach((briefing) => renderPreview(renderEmail(briefing, settings), settings))));
    extractMs.push(timeMs(() => bodies.forEach((body) => analyze(body, "markdown"))));
    markdownMs.push(timeMs(() => bodies.forEach((body) => markdown.render(body))));
  }

  // Share cards, drawn cold (no cache): a cold build draws these; a warm build reads them from the cache.
  const cardPlan = planCards(briefings, settings, NO_CACHE, new Date());
  const cards = cardPlan ? await writeCards(cardPlan, settings, NO_CACHE, null) : null;

  const devMs =
    edits > 0
      ? await devEditTimes({
          root,
          briefingsDir,
          file: edited.file,
          page: `briefings/2025/briefing-1/index.html`,
          preview: `email/2025/briefing-1/preview/index.html`,
          output: path.join(work, "dev-out"),
          edits,
        })
      : [];

  const summary = (values: Series) => ({
    wallS: median(values.wallMs) / 1000,
    msPerBriefing: median(values.wallMs) / count,
    peakRssMb: median(values.peakRssMb),
    files: median(values.files),
  });
  const bare = summary(results.bare);
  const cold = summary(results.cold);
  const warm = summary(results.warm);
  const report = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, loadAverage: [loadBefore, loadavg()[0]] },
    count,
    runs,
    medians: { bare, cold, warm },
    ratios: { coldWall: cold.wallS / bare.wallS, warmWall: warm.wallS / bare.wallS, coldRss: cold.peakRssMb / bare.peakRssMb, warmRss: warm.peakRssMb / bare.peakRssMb },
    emailMsPerBriefing: median(emailMs) / count,
    extractionMBps: megabytes / (median(extractMs) / 1000),
    markdownItMBps: megabytes / (median(markdownMs) / 1000),
    devEditToPageMs: devMs.length > 0 ? median(devMs) : null,
    cards: cards ? { drawn: cards.drawn, ms: cards.ms } : null,
    raw: { ...results, emailMs, extractMs, markdownMs, devMs },
  };

  const row = (name: string, values: ReturnType<typeof summary>, ratio: string) =>
    `${name.padEnd(22)} ${values.wallS.toFixed(2).padStart(7)} s ${values.msPerBriefing.toFixed(2).padStart(8)} ms ${values.peakRssMb.toFixed(0).padStart(7)} MB ${String(values.files).padStart(7)}   ${ratio}`;
  console.log(`${count} briefings, ${runs} run(s), medians; ${cpus().length} cores, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  console.log(`${"".padEnd(22)} ${"wall".padStart(9)} ${"per brf.".padStart(11)} ${"peak RSS".padStart(10)} ${"files".padStart(7)}   ratio to bare (wall, RSS)`);
  console.log(row("bare Eleventy", bare, ""));
  console.log(row("Dispatch cold", cold, `${report.ratios.coldWall.toFixed(2)}×, ${report.ratios.coldRss.toFixed(2)}×`));
  console.log(row("Dispatch warm (+1, ~1)", warm, `${report.ratios.warmWall.toFixed(2)}×, ${report.ratios.warmRss.toFixed(2)}×`));
  console.log(`email edition: ${report.emailMsPerBriefing.toFixed(2)} ms per briefing`);
  if (report.cards) {
    const { drawn, ms } = report.cards;
    console.log(`share cards, cold: ${drawn} drawn in ${(ms / 1000).toFixed(2)} s (${(ms / drawn).toFixed(0)} ms a card, all cores); warm builds read them from the cache`);
  }
  console.log(`extraction: ${report.extractionMBps.toFixed(1)} MB/s (markdown-it render: ${report.markdownItMBps.toFixed(1)} MB/s)`);
  if (report.devEditToPageMs !== null) console.log(`dev server, edit to page and email preview: ${report.devEditToPageMs.toFixed(0)} ms (median of ${devMs.length})`);
  const jsonFile = path.resolve(args.json ?? path.join(root, ".cache", "bench", `results-${count}.json`));
  mkdirSync(path.dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`results: ${path.relative(root, jsonFile)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
