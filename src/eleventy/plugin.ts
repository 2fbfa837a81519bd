import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import { briefingLinkWarnings } from "../check/briefings.ts";
import { BriefingMemo, forDisplay } from "../content/load.ts";
import type { Briefing } from "../content/types.ts";
import { isBriefingFile, pruneGone, rebuildTrigger, savedLines, tellServer } from "../dev/child.ts";
import { findContentError } from "../errors.ts";
import { formatDisplayDate, formatDisplayDateTime } from "../dates.ts";
import { ContentError } from "../errors.ts";
import { buildEmailFiles, emailPath, formatEmailSizeReport, formatEmailSizeSummary, type EmailBuild } from "../email/index.ts";
import { analyzeChecked } from "../extract/index.ts";
import { forgetSiteData, loadSiteData, type SiteData } from "../site/data.ts";
import { authorPath } from "../site/listings.ts";
import { outputWriter } from "../site/outputs.ts";
import { projectPaths } from "../site/project.ts";
import { newsArticleJsonLd, pageMeta, type PageContext } from "../site/meta.ts";
import { absoluteUrl } from "../urls.ts";

export interface DispatchOptions {
  /** Dev server: drafts and future briefings show, preview links appear. */
  dev: boolean;
}

type Analysed = Pick<Briefing, "summary" | "keyPoints" | "keyQuotes" | "readingTimeMinutes">;
const remembered = new Map<string, Analysed>();

/** Eleventy's filter context: the page whose template calls the filter. */
interface FilterContext {
  page?: { inputPath?: string };
}

/** Briefings carry their analysis already; a Markdown string is analysed once and remembered (a failure is
 * a warning naming the template that asked). */
function analysed(input: Briefing | string, context: FilterContext): Analysed {
  if (typeof input !== "string") return input;
  let found = remembered.get(input);
  if (!found) {
    const { analysis, failure } = analyzeChecked(input, "markdown");
    if (failure !== null) {
      console.warn(`[dispatch] warning: ${context.page?.inputPath ?? "a template"}: extraction failed on a filter's text (${failure}); it gave empty results`);
    }
    found = { ...analysis, ...forDisplay(analysis) };
    remembered.set(input, found);
  }
  return found;
}

/**
 * Wires Dispatch's TypeScript modules into Eleventy: one data load per build (re-read on
 * every rebuild in the dev server), the filters templates use, and build-end reports.
 */
export function dispatchPlugin(eleventyConfig: UserConfig, options: DispatchOptions): void {
  // The dev server keeps showing the last good build while a briefing is broken (the browser and
  // the terminal say what to fix); `npm run build` stops instead.
  let lastGood: SiteData | null = null;
  let failed = false;
  // The dev server reads again only the briefings saved since its last rebuild.
  const memo = options.dev ? new BriefingMemo() : undefined;
  const data = (): SiteData => {
    if (failed && lastGood) return lastGood;
    const loaded = loadSiteData({ dev: options.dev, memo });
    if (options.dev) lastGood = loaded;
    return loaded;
  };
  // Briefings and settings are not Eleventy templates or data files: watch them explicitly,
  // and read them again before each rebuild.
  const paths = projectPaths();
  eleventyConfig.addWatchTarget(paths.briefings);
  eleventyConfig.addWatchTarget(paths.settingsFile);
  let changed: string[] = [];
  eleventyConfig.on("eleventy.beforeWatch", (files: string[]) => {
    changed = files;
    // Anything but a briefing (an image a briefing shows, say) may change how briefings read.
    const trigger = rebuildTrigger(paths.root);
    if (!files.map((file) => path.resolve(paths.root, file)).every((file) => file === trigger || isBriefingFile(file, paths.briefings))) memo?.clear();
    forgetSiteData();
    remembered.clear();
  });
  if (options.dev) {
    eleventyConfig.addWatchTarget(rebuildTrigger(paths.root));
    eleventyConfig.on("eleventy.before", () => {
      failed = false;
      try {
        loadSiteData({ dev: true, memo });
      } catch (error) {
        const content = findContentError(error);
        if (!content) throw error;
        for (const problem of content.problems) console.error(`[dispatch] ${problem}`);
        tellServer({ type: "failed", problems: content.problems });
        // With no good build yet there is nothing to show instead: Eleventy stops this build.
        if (!lastGood) throw error;
        failed = true;
      }
    });
  }

  for (const key of ["site", "briefings", "listings", "archive", "tags", "outputs", "related"] as const) {
    eleventyConfig.addGlobalData(key, () => data()[key]);
  }

  const settings = () => data().site;
  eleventyConfig.addFilter("displayDate", (iso: string) => formatDisplayDate(iso, settings().timeZone, settings().language));
  eleventyConfig.addFilter("displayDateTime", (iso: string) => formatDisplayDateTime(iso, settings().timeZone, settings().language));
  eleventyConfig.addFilter("authorPath", (name: string) => authorPath(name));
  eleventyConfig.addFilter("absoluteUrl", (path: string) => absoluteUrl(path, settings().url));
  eleventyConfig.addFilter("emailPath", (briefing: Briefing) => emailPath(briefing));
  eleventyConfig.addFilter("jsonLd", (briefing: Briefing) => newsArticleJsonLd(briefing, settings()));
  eleventyConfig.addNunjucksGlobal("pageMeta", (context: Omit<PageContext, "site">) => pageMeta({ ...context, site: settings(), cards: data().cards }));

  // The extractors as filters, on a briefing (already analysed) or any Markdown string.
  eleventyConfig.addFilter("summary", function (this: FilterContext, input: Briefing | string) {
    return analysed(input, this).summary;
  });
  eleventyConfig.addFilter("keyPoints", function (this: FilterContext, input: Briefing | string) {
    return analysed(input, this).keyPoints;
  });
  eleventyConfig.addFilter("keyQuotes", function (this: FilterContext, input: Briefing | string) {
    return analysed(input, this).keyQuotes;
  });
  eleventyConfig.addFilter("readingTime", function (this: FilterContext, input: Briefing | string) {
    return analysed(input, this).readingTimeMinutes;
  });

  // The email edition (four files per briefing) is written straight into the output folder, one
  // briefing at a time, before Eleventy renders the pages: a clipped email stops the build before
  // any page is written, and a large archive's emails are never all in memory at once.
  let email: EmailBuild | null = null;
  eleventyConfig.on("eleventy.before", ({ directories }: { directories: { output: string } }) => {
    const { briefings, settings, cache } = data();
    try {
      email = buildEmailFiles(briefings, settings, { cache, write: outputWriter(directories.output).write });
    } catch (error) {
      if (error instanceof ContentError) {
        // The problem is the editor's, not the code's: no stack trace. `npm run build` prints the
        // problems itself; in the dev server Eleventy prints the message.
        Object.defineProperty(error, options.dev ? "skipOriginalStack" : "__errorAlreadyLogged", { value: true });
      }
      throw error;
    }
  });

  const verbose = process.argv.includes("--verbose") || process.env.DISPATCH_VERBOSE === "1";
  eleventyConfig.on("eleventy.after", ({ results }: { results: { url?: string | false }[] }) => {
    const { warnings, briefings, site } = data();
    const written = new Set(results.flatMap((result) => (result.url ? [result.url] : [])));
    // The email edition was written before Eleventy, not by it.
    for (const briefing of briefings) if (briefing.email) written.add(emailPath(briefing));
    const links = briefingLinkWarnings(briefings, written, projectPaths().content, site.url);
    for (const warning of [...warnings, ...(email?.warnings ?? []), ...links]) console.warn(`[dispatch] warning: ${warning}`);
    if (!options.dev) {
      const report = email?.report ?? [];
      console.log(verbose ? formatEmailSizeReport(report) : formatEmailSizeSummary(report));
      return;
    }
    // The dev server: a few lines per rebuild, and links to what was saved.
    if (failed) return;
    pruneGone(projectPaths().output, written);
    for (const line of savedLines(changed, briefings, paths.root)) console.log(line);
    tellServer({ type: "built" });
  });
}
