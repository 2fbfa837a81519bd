import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { discard, stagingDir, swapIn } from "../build/swap.ts";
import { findContentError } from "../errors.ts";
import { projectPaths } from "../site/project.ts";

/**
 * `npm run build`: builds into a staging folder and swaps it in only when everything
 * succeeded, so the last good dist/ survives a broken briefing.
 */
async function main(): Promise<number> {
  const paths = projectPaths();
  const staging = stagingDir(paths.output);
  discard(staging);
  const started = performance.now();
  try {
    const eleventy = new Eleventy("content", staging, { configPath: ".eleventy.ts", quietMode: true });
    eleventy.setIsVerbose?.(false);
    const [written] = (await eleventy.write()) as [unknown[]?];
    swapIn(staging, paths.output);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`Built ${written?.length ?? 0} files into ${path.relative(process.cwd(), paths.output) || "."}/ in ${seconds} s`);
    return 0;
  } catch (error) {
    discard(staging);
    const content = findContentError(error);
    if (content) {
      console.error(`Build failed: ${content.problems.length} problem${content.problems.length === 1 ? "" : "s"} to fix (the previous output was left as it was):`);
      for (const problem of content.problems) console.error(`  ${problem}`);
    } else {
      console.error("Build failed (the previous output was left as it was):");
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    return 1;
  }
}

process.exitCode = await main();
