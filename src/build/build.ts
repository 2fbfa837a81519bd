import Eleventy from "@11ty/eleventy";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkOutput, MARKER, MARKER_TEXT } from "./guard.ts";
import { discard, stagingDir, swapIn } from "./swap.ts";
import { buildSearchIndex, formatSearchReport } from "../search/index.ts";
import { loadSiteData } from "../site/data.ts";
import { projectPaths } from "../site/project.ts";

/**
 * Builds the whole site into a staging folder and swaps it in only when everything
 * succeeded, so the last good output survives a broken briefing. Returns the files written.
 * `force` replaces an output folder that Dispatch did not make.
 */
export async function buildSite(options: { force?: boolean } = {}): Promise<number> {
  // The Eleventy config reads the same environment (DISPATCH_BRIEFINGS, DISPATCH_OUT, SITE_URL).
  const paths = projectPaths();
  checkOutput(paths.output, paths, { force: options.force });
  // Content problems stop the build here, before Eleventy writes anything; Eleventy reuses this.
  loadSiteData({ dev: false });
  const staging = stagingDir(paths.output);
  discard(staging);
  try {
    mkdirSync(staging);
    writeFileSync(path.join(staging, MARKER), MARKER_TEXT);
    // The input folder (pages/) comes from the config.
    const eleventy = new Eleventy(undefined, staging, { configPath: ".eleventy.ts", quietMode: true });
    // Its failures reach the caller, which words them; its own report would repeat them with a stack.
    if (!process.env.DEBUG) eleventy.disableLogger();
    // Eleventy resolves to [passthrough copies, written templates].
    const [, written] = (await eleventy.write()) as unknown as [unknown, unknown[]?];
    // Reader search indexes the staged pages, so that a failed index keeps the last good site.
    console.log(formatSearchReport(await buildSearchIndex(staging)));
    swapIn(staging, paths.output);
    return written?.length ?? 0;
  } catch (error) {
    // A failed template does not stop Eleventy's asset copies into the staging folder: removing
    // it now would fail them too (and print their stack), so it goes when the process ends.
    process.once("exit", () => discard(staging));
    throw error;
  }
}
