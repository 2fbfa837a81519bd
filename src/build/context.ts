import { planCards, type CardPlan } from "../cards/index.ts";
import { briefingFingerprints, type Fingerprint } from "../cache/fingerprint.ts";
import type { Cache } from "../cache/store.ts";
import type { BriefingMemo } from "../content/load.ts";
import type { Scheduled } from "../content/publish.ts";
import type { Briefing } from "../content/types.ts";
import { buildDigests, digestEmailFiles, digestFeed, digestPages } from "../digest/index.ts";
import type { EmailBuild } from "../email/index.ts";
import { feedFiles, feedLinks } from "../feeds/index.ts";
import type { HelperSource } from "../render/helpers.ts";
import { createBriefingPages, type BriefingPages, type SiteView } from "../render/pages.ts";
import { archivePages, archivePeriods, authorPages, tagPages, tagSummaries, type ArchiveYear, type ListingPage, type TagSummary } from "../site/listings.ts";
import { buildNewsSitemap } from "../site/news-sitemap.ts";
import type { OutputFile, OutputWriter, ReusedFile } from "../config/outputs.ts";
import type { ProjectPaths } from "../config/paths.ts";
import { loadProject, type Project } from "./project.ts";
import { relatedBriefings, type RelatedLink } from "../site/related.ts";
import type { SiteSettings } from "../config/settings.ts";

/** What Eleventy's templates read (its global data): home, listings, sitemap. */
export interface TemplateData {
  site: SiteView;
  briefings: Briefing[];
  listings: ListingPage[];
  archive: ArchiveYear[];
  tags: TagSummary[];
}

/**
 * One build, from reading the briefings to the last report: created by whoever starts a build
 * (`npm run build`, or each dev-server rebuild) and handed down, so that no state outlives the
 * build that made it.
 */
export interface BuildContext {
  /** The dev server: drafts and future briefings show, preview links appear, no share cards. */
  dev: boolean;
  paths: ProjectPaths;
  /** The settings as read; `templates.site` adds the build's facts. */
  settings: SiteSettings;
  briefings: Briefing[];
  /** Per-briefing work from earlier builds (DISPATCH_CACHE). */
  cache: Cache;
  /** Each briefing's fingerprint, hashed once in this build however many cache keys use it (page, email, feed items). */
  fingerprint: Fingerprint;
  templates: TemplateData;
  /** Briefings that share a tag with each briefing (by its path), newest first. */
  related: Record<string, RelatedLink[]>;
  /** Each briefing's web page, rendered outside Eleventy (src/render/pages.ts). */
  pages: BriefingPages;
  /** Files TypeScript makes whole, written beside the pages: feeds, the news sitemap, digest emails.
   * Each is made as it is taken and can go once written: the feed archive and digest emails hold
   * every briefing's body, too much to keep for the whole build. With `reuse` (the output writer's),
   * a feed the previous build made from the same cache key is linked, not made (a ReusedFile). */
  files: (reuse?: OutputWriter["reuse"]) => Iterable<OutputFile | ReusedFile>;
  /** The template filters' state for this build (src/render/helpers.ts). */
  helpers: HelperSource;
  warnings: string[];
  scheduled: Scheduled[];
  /** Share images to draw after Eleventy (null in the dev server or with cards.enabled false). */
  cards: CardPlan | null;
  /** What this build wrote outside Eleventy's templates, filled in as it goes: the email edition,
   * and the site URLs of the briefing pages and whole files. */
  written: { email: EmailBuild | null; urls: string[] };
}

/**
 * What briefing pages are made of besides the briefings themselves (the settings with the build's
 * facts, related links, the filters' state) and their renderer: a build's part, and all that the
 * dev server's fast path (src/dev/fastpath.ts) needs.
 */
export function briefingPageParts(project: Project, cards: CardPlan | null): { site: SiteView; related: Record<string, RelatedLink[]>; helpers: HelperSource; pages: BriefingPages } {
  const site: SiteView = { ...project.settings, dev: project.dev, feeds: feedLinks(project.settings) };
  const related = Object.fromEntries(relatedBriefings(project.briefings));
  const helpers: HelperSource = { settings: site, cards, analyses: new Map(), dates: new Map() };
  return { site, related, helpers, pages: createBriefingPages({ site, related, helpers }) };
}

/**
 * Reads settings and briefings and works out everything the build writes. A broken briefing
 * throws here (a ContentError naming every problem), before any file is written. The dev server
 * passes its memo so that only the briefings saved since its last rebuild are read again.
 */
export function createBuildContext(options: { dev: boolean; env?: NodeJS.ProcessEnv; now?: Date; memo?: BriefingMemo }): BuildContext {
  const now = options.now ?? new Date();
  const project = loadProject({ dev: options.dev, env: options.env, now: options.now, memo: options.memo });
  const { settings, briefings, cache } = project;
  const digests = buildDigests(briefings, settings, now);
  const cards = project.dev ? null : planCards(briefings, settings, cache, now);
  const { site, related, helpers, pages } = briefingPageParts(project, cards);
  const fingerprint = briefingFingerprints();
  return {
    dev: project.dev,
    paths: project.paths,
    settings,
    briefings,
    cache,
    fingerprint,
    templates: {
      site,
      briefings,
      listings: [...archivePages(briefings, settings), ...tagPages(briefings, settings), ...authorPages(briefings, settings), ...digestPages(digests)],
      archive: archivePeriods(briefings, settings),
      tags: tagSummaries(briefings),
    },
    related,
    pages,
    *files(reuse) {
      yield* feedFiles(briefings, settings, now, cache, fingerprint, reuse);
      yield buildNewsSitemap(briefings, settings, now);
      if (digests.length > 0) {
        yield digestFeed(digests, settings, now);
        yield* digestEmailFiles(digests, settings, cache, reuse);
      }
    },
    helpers,
    warnings: project.warnings,
    scheduled: project.scheduled,
    cards,
    written: { email: null, urls: [] },
  };
}

/**
 * Lets every briefing's body go (its HTML, Markdown and quotations: most of what a large archive
 * holds) once its page, email and feed entries are written, before Eleventy renders the pages that
 * list briefings, which show titles, dates and summaries. The links the build checks afterwards are
 * copied, as strings cut from the HTML would keep it all alive. The dev server keeps them: it
 * renders again from its last good build.
 */
export function releaseBodies(context: BuildContext): void {
  if (context.dev) return;
  for (const briefing of context.briefings) {
    briefing.html = "";
    briefing.markdown = "";
    briefing.quotes = [];
    briefing.links = JSON.parse(JSON.stringify(briefing.links)) as Briefing["links"];
  }
}
