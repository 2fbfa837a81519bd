import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import { createBuildContext, releaseBodies, type BuildContext } from "../build/context.ts";
import { cachedManifests } from "../cache/manifest.ts";
import { briefingLinkWarnings } from "../check/briefings.ts";
import { BriefingMemo } from "../content/load.ts";
import { isBriefingFile, pruneGone, rebuildTrigger, savedLines, skipSavedSince, tellServer } from "../dev/child.ts";
import { ContentError, findContentError } from "../config/errors.ts";
import { buildEmailFiles, emailPath, formatEmailSizeReport, formatEmailSizeSummary } from "../email/index.ts";
import { registerTemplateHelpers } from "../render/helpers.ts";
import { writeBriefingPages, writeWholeFiles } from "../render/pages.ts";
import { outputWriter, type OutputWriter } from "../config/outputs.ts";
import { projectPaths } from "../config/paths.ts";

export interface DispatchOptions {
  /** Dev server: drafts and future briefings show, preview links appear. */
  dev: boolean;
  /** The build's context, made by whoever runs Eleventy (`npm run build`); without it each build makes its own. */
  context?: BuildContext;
  /** Called once the briefing pages are in the output, before the email edition and Eleventy's pages (`npm run build` starts its search index then). */
  onBriefingPages?: () => void;
  /** The build folder being served (`npm run build`): files Dispatch writes with the same bytes are links to it (src/config/outputs.ts). */
  previous?: string | null;
  /** Folders already made in the output for Dispatch's files (`npm run build`: makeFolders, started before Eleventy). */
  folders?: Promise<string[]>;
}

/**
 * Wires Dispatch's TypeScript modules into Eleventy: one build context per build (a new one on
 * every rebuild in the dev server), the filters templates use, the briefing pages and email
 * edition written before Eleventy renders the rest, and build-end reports.
 */
export function dispatchPlugin(eleventyConfig: UserConfig, options: DispatchOptions): void {
  // The dev server reads again only the briefings saved since its last rebuild.
  const memo = options.dev ? new BriefingMemo() : undefined;
  let current: BuildContext | null = options.context ?? null;
  const context = (): BuildContext => (current ??= createBuildContext({ dev: options.dev, memo }));
  // The dev server keeps showing the last good build while a briefing is broken (the browser and
  // the terminal say what to fix); `npm run build` stops instead.
  let lastGood: BuildContext | null = null;
  let failed = false;
  // Briefings and settings are not Eleventy templates or data files: watch them explicitly.
  const paths = projectPaths();
  eleventyConfig.addWatchTarget(paths.briefings);
  eleventyConfig.addWatchTarget(paths.settingsFile);
  if (options.dev) eleventyConfig.addWatchTarget(rebuildTrigger(paths.root));
  let changed: string[] = [];
  eleventyConfig.on("eleventy.beforeWatch", (files: string[]) => {
    changed = files;
    // Anything but a briefing (an image a briefing shows, say) may change how briefings read.
    const trigger = rebuildTrigger(paths.root);
    if (!files.map((file) => path.resolve(paths.root, file)).every((file) => file === trigger || isBriefingFile(file, paths.briefings))) memo?.clear();
  });

  for (const key of ["site", "briefings", "listings", "archive", "tags"] as const) {
    eleventyConfig.addGlobalData(key, () => context().templates[key]);
  }
  registerTemplateHelpers(
    { filter: (name, fn) => eleventyConfig.addFilter(name, fn), global: (name, fn) => eleventyConfig.addNunjucksGlobal(name, fn) },
    () => context().helpers,
  );

  // Each briefing's email edition (four files) and page (from the cache when nothing it is made of
  // changed), then the feeds, sitemaps and digest emails, are written straight into the output
  // folder before Eleventy renders the rest (home, listings, sitemap.xml, search, 404): a large
  // archive's pages and emails are never all in memory at once, and Eleventy renders only the
  // pages that list briefings. The dev server writes the emails first, so that a clipped email
  // stops a rebuild before any page it shows changes; `npm run build` writes into a staging folder
  // it discards on failure, and writes the pages first so that its search index starts early.
  let writer: OutputWriter | null = null;
  // A page Eleventy writes where Dispatch linked a file of the build being served would be written
  // through the link into that build: the link goes first (transforms run before each write).
  eleventyConfig.addTransform("dispatch-release-link", function (this: { page: { outputPath: string | false } }, content: unknown) {
    if (writer && this.page.outputPath) writer.release(this.page.outputPath);
    return content;
  });
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    if (options.dev) tellServer({ type: "started" });
    if (!options.context) {
      // A build of its own: read everything afresh (the dev server's rebuilds come here).
      failed = false;
      current = null;
      try {
        context();
      } catch (error) {
        const content = findContentError(error);
        if (!options.dev || !content) throw error;
        // The dev server's process prints them and shows them in the browser.
        tellServer({ type: "failed", problems: content.problems });
        // With no good build yet there is nothing to show instead: Eleventy stops this build.
        if (!lastGood) throw error;
        failed = true;
        current = lastGood;
      }
      if (options.dev && !failed) lastGood = current;
    }
    const build = context();
    // `npm run build` (which says what the previous build is, or null) records what made each file, for the next build.
    writer = outputWriter(directories.output, {
      previous: options.previous,
      manifests: options.previous === undefined ? undefined : cachedManifests(build.cache),
      made: await options.folders,
    });
    const { reuse } = writer;
    const writeAll = writer.write;
    const write = memo ? skipSavedSince(writeAll, build.briefings, memo, paths.root) : writeAll;
    // An editor's problem (an email or digest too large for Gmail) is not the code's: no stack
    // trace. `npm run build` prints the problems itself; in the dev server Eleventy prints the message.
    const step = async <T>(run: () => T | Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        if (error instanceof ContentError) Object.defineProperty(error, options.dev ? "skipOriginalStack" : "__errorAlreadyLogged", { value: true });
        throw error;
      }
    };
    const writeEmails = () => step(() => (build.written.email = buildEmailFiles(build.briefings, build.settings, { cache: build.cache, fingerprint: build.fingerprint, write, reuse })));
    if (options.dev) await writeEmails();
    const pageUrls = await writeBriefingPages(build.pages, build.briefings, { cache: build.cache, fingerprint: build.fingerprint, write, reuse });
    options.onBriefingPages?.();
    if (!options.dev) await writeEmails();
    // A digest too large for Gmail stops the build here, as a briefing's email does.
    const fileUrls = await step(() => writeWholeFiles(build.files(reuse), { site: build.templates.site, write }));
    writer.finish();
    build.written.urls = [...pageUrls, ...fileUrls];
    releaseBodies(build);
  });

  const verbose = process.argv.includes("--verbose") || process.env.DISPATCH_VERBOSE === "1";
  eleventyConfig.on("eleventy.after", ({ results }: { results: { url?: string | false }[] }) => {
    const build = context();
    const { email, urls } = build.written;
    const written = new Set([...results.flatMap((result) => (result.url ? [result.url] : [])), ...urls]);
    // The email edition was written before Eleventy, not by it.
    for (const briefing of build.briefings) if (briefing.email) written.add(emailPath(briefing));
    const links = briefingLinkWarnings(build.briefings, written, build.paths.content, build.settings.url);
    for (const warning of [...build.warnings, ...(email?.warnings ?? []), ...links]) console.warn(`[dispatch] warning: ${warning}`);
    if (!options.dev) {
      const report = email?.report ?? [];
      console.log(verbose ? formatEmailSizeReport(report) : formatEmailSizeSummary(report));
      return;
    }
    // The dev server: a few lines per rebuild, and links to what was saved.
    if (failed) return;
    pruneGone(build.paths.output, written);
    for (const line of savedLines(changed, build.briefings, paths.root)) console.log(line);
    tellServer({ type: "built" });
  });
}

// `npm run build` adds this plugin with its context before .eleventy.ts adds it without one:
// the first wins (Eleventy skips a unique plugin's later additions).
Object.defineProperty(dispatchPlugin, "eleventyPluginOptions", { value: { unique: true } });
