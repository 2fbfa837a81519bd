import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** One child-process run: wall time, the child's peak resident memory, what it printed. */
export interface ChildRun {
  wallMs: number;
  peakRssMb: number;
  stdout: string;
}

/**
 * Runs `node <args>` as a child and measures it from outside: wall time here, peak RSS from
 * the child itself (a preloaded module writes `process.resourceUsage().maxRSS` at exit), so
 * the figure is the build's own and needs no external `time` program.
 */
export async function runNode(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; work: string }): Promise<ChildRun> {
  const rssFile = path.join(options.work, "rss.txt");
  const probe = path.join(options.work, "rss-probe.mjs");
  writeFileSync(
    probe,
    'import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n',
  );
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", pathToFileURL(probe).href, ...args], {
    cwd: options.cwd,
    env: { ...options.env, BENCH_RSS_FILE: rssFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`node ${args.join(" ")} exited with ${code}:\n${stderr || stdout}`);
  // maxRSS is in kilobytes.
  return { wallMs, peakRssMb: Number(readFileSync(rssFile, "utf8")) / 1024, stdout };
}

export function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A port nobody listens on right now (the dev server needs a fixed one on its command line). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/**
 * The floor: a bare Eleventy project over the same briefings, with one trivial Nunjucks layout
 * and the same Markdown setup as Dispatch (markdown-it with typographer, anchors, footnotes;
 * no template engine over Markdown). Returns the config file to pass to Eleventy.
 */
export function writeBareEleventyProject(dir: string, root: string): string {
  const config = path.join(dir, "eleventy.config.mjs");
  writeFileSync(
    config,
    `import { createRequire } from "node:module";
const require = createRequire(${JSON.stringify(path.join(root, "package.json"))});
const MarkdownIt = require("markdown-it");
const anchor = require("markdown-it-anchor");
const footnote = require("markdown-it-footnote");
export default function (eleventyConfig) {
  const markdown = new MarkdownIt({ html: true, linkify: true, typographer: true });
  eleventyConfig.setLibrary("md", markdown.use(anchor.default ?? anchor, { tabIndex: false }).use(footnote));
  eleventyConfig.addGlobalData("layout", "base.njk");
  return { markdownTemplateEngine: false, htmlTemplateEngine: "njk", templateFormats: ["md"] };
}
`,
  );
  return config;
}

export const BARE_LAYOUT =
  '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{{ title }}</title></head>\n<body><main><h1>{{ title }}</h1>\n{{ content | safe }}\n</main></body>\n</html>\n';
