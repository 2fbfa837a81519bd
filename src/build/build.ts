import Eleventy from "@11ty/eleventy";
import { checkOutput } from "./guard.ts";
import { publish } from "./publish.ts";
import { formatCardReport, writeCards } from "../cards/index.ts";
import { buildSearchIndex, formatSearchReport } from "../search/index.ts";
import { loadSiteData } from "../site/data.ts";
import { projectPaths } from "../site/project.ts";

/**
 * Builds the whole site into a staging folder and publishes it only when everything
 * succeeded, so the last good output survives a broken briefing (src/build/publish.ts).
 * Returns the files written. `force` replaces an output folder that Dispatch did not make.
 */
export async function buildSite(options: { force?: boolean } = {}): Promise<number> {
  // The Eleventy config reads the same environment (DISPATCH_BRIEFINGS, DISPATCH_OUT, SITE_URL).
  const paths = projectPaths();
  checkOutput(paths.output, paths, { force: options.force });
  // Content problems stop the build here, before Eleventy writes anything; Eleventy reuses this.
  const data = loadSiteData({ dev: false });
  return publish(
    paths.output,
    async (staging) => {
      // The input folder (pages/) comes from the config.
      const eleventy = new Eleventy(undefined, staging, { configPath: ".eleventy.ts", quietMode: true });
      // Its failures reach the caller, which words them; its own report would repeat them with a stack.
      if (!process.env.DEBUG) eleventy.disableLogger();
      // Eleventy resolves to [passthrough copies, written templates].
      const [, written] = (await eleventy.write()) as unknown as [unknown, unknown[]?];
      // Reader search indexes the staged pages, so that a failed index keeps the last good site.
      console.log(formatSearchReport(await buildSearchIndex(staging)));
      if (data.cards) console.log(formatCardReport(await writeCards(data.cards, data.site, data.cache, staging)));
      return written?.length ?? 0;
    },
    { force: options.force },
  );
}
