import { availableParallelism } from "node:os";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { createBuildContext, type BuildContext } from "./context.ts";
import { checkOutput, shownPath } from "./guard.ts";
import { publish } from "./publish.ts";
import { formatCardReport, startCards } from "../cards/index.ts";
import { dispatchPlugin } from "../eleventy/plugin.ts";
import { emailPath } from "../email/index.ts";
import { makeFolders } from "../config/outputs.ts";
import { codeStamp, pruneCache } from "../cache/store.ts";
import { CommandError, describeSystemError } from "../config/errors.ts";
import { formatSearchReport, startSearchIndex } from "../search/index.ts";
import { projectPaths } from "../config/paths.ts";

/**
 * Builds the whole site into a staging folder and publishes it only when everything
 * succeeded, so the last good output survives a broken briefing (src/build/publish.ts).
 * Returns the number of files written and the build's context. `force` replaces an output
 * folder that Dispatch did not make.
 */
export async function buildSite(options: { force?: boolean } = {}): Promise<{ files: number; context: BuildContext }> {
  // The Eleventy config reads the same environment (DISPATCH_BRIEFINGS, DISPATCH_OUT, SITE_URL).
  const paths = projectPaths();
  checkOutput(paths.output, paths, { force: options.force });
  const cacheDays = cacheLimitDays(process.env);
  // Content problems stop the build here, before Eleventy writes anything; Eleventy is handed this.
  const context = createBuildContext({ dev: false });
  const files = await publish(
    paths.output,
    async (staging, previous) => {
      // The input folder (pages/) comes from the config. This runs before .eleventy.ts, whose own
      // addPlugin(dispatchPlugin) is then skipped: Eleventy renders this context.
      // Reader search indexes the staged briefing pages (so that a failed index keeps the last good
      // site) on a thread of its own and in Pagefind's process, while Eleventy renders the pages that list them.
      const search = startSearchIndex({ siteDir: staging, cacheDir: context.paths.cache, code: codeStamp() });
      const onBriefingPages = () => {
        // Awaited after Eleventy; a failure meanwhile is not an unhandled rejection.
        search.index().catch(() => {});
      };
      // The briefings' page and email folders are made on libuv's threads while Eleventy starts.
      const folders = makeFolders(staging, context.briefings.flatMap((briefing) => [briefing.path, ...(briefing.email ? [emailPath(briefing), `${emailPath(briefing)}preview/`] : [])]));
      // Awaited by the plugin (which reports a failure); settled below before a failed build's staging folder goes.
      const foldersSettled = folders.catch(() => {});
      const config = (eleventyConfig: UserConfig) => eleventyConfig.addPlugin(dispatchPlugin, { dev: false, context, onBriefingPages, previous, folders });
      // Share cards are drawn on the other cores while Eleventy renders on this one.
      const cards = context.cards ? startCards(context.cards, context.templates.site, context.cache, Math.max(1, availableParallelism() - 1)) : null;
      try {
        const eleventy = new Eleventy(undefined, staging, { configPath: ".eleventy.ts", quietMode: true, config });
        // Its failures reach the caller, which words them; its own report would repeat them with a stack.
        if (!process.env.DEBUG) eleventy.disableLogger();
        // Eleventy resolves to [passthrough copies, written templates].
        const [, written] = (await eleventy.write()) as unknown as [unknown, unknown[]?];
        console.log(formatSearchReport(await search.index()));
        if (cards) console.log(formatCardReport(await cards.finish(staging)));
        // Briefing pages, feeds and the like are written beside Eleventy's pages (src/render/pages.ts).
        return (written?.length ?? 0) + context.written.urls.length;
      } finally {
        // A failed build stops drawing (the cards are written by finish() alone) and lets Pagefind
        // finish, so that nothing is written into the staging folder once publish() removed it.
        await cards?.stop();
        await search.stop();
        await foldersSettled;
      }
    },
    { force: options.force },
  );
  if (context.paths.cache) pruneQuietly(context.paths.cache, cacheDays);
  return { files, context };
}

/** How long a cache entry no build uses is kept: DISPATCH_CACHE_DAYS, else 30 days. */
function cacheLimitDays(env: NodeJS.ProcessEnv): number {
  const text = env.DISPATCH_CACHE_DAYS;
  if (text === undefined || text === "") return 30;
  const days = Number(text);
  if (!Number.isFinite(days) || days <= 0) throw new CommandError(`DISPATCH_CACHE_DAYS must be a number of days above 0 (got "${text}"); unset it to keep unused cache entries for 30 days.`);
  return days;
}

/** After a good build: the cache's unused entries go (once a day); a failure to remove them is a warning, as the site is built. */
function pruneQuietly(dir: string, maxAgeDays: number): void {
  try {
    const { removed, bytes } = pruneCache(dir, { maxAgeDays });
    if (removed > 0) console.log(`Cache: removed ${removed} entries (${(bytes / 1e6).toFixed(1)} MB) no build used for ${maxAgeDays} days from ${shownPath(dir)}/`);
  } catch (error) {
    console.warn(`[dispatch] warning: could not remove old entries from the build cache in ${shownPath(dir)}/ (${describeSystemError(error) ?? String(error)}); delete the folder to clear it`);
  }
}
