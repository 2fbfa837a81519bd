import { planCards, type CardPlan } from "../cards/index.ts";
import type { Scheduled } from "../content/publish.ts";
import type { BriefingMemo } from "../content/load.ts";
import type { Briefing } from "../content/types.ts";
import { buildDigests, digestEmailFiles, digestFeed, digestPages } from "../digest/index.ts";
import type { Cache } from "../cache/store.ts";
import { buildFeeds, feedLinks, type FeedLink } from "../feeds/index.ts";
import { archivePages, archivePeriods, authorPages, tagPages, tagSummaries, type ArchiveYear, type ListingPage, type TagSummary } from "./listings.ts";
import { buildNewsSitemap } from "./news-sitemap.ts";
import type { OutputFile } from "./outputs.ts";
import { relatedBriefings, type RelatedLink } from "./related.ts";
import { loadProject, type Project } from "./project.ts";
import type { SiteSettings } from "./settings.ts";

/** Everything the templates read, computed once per build. */
export interface SiteData {
  site: SiteSettings & { dev: boolean; feeds: FeedLink[] };
  briefings: Briefing[];
  listings: ListingPage[];
  archive: ArchiveYear[];
  tags: TagSummary[];
  /** Briefings that share a tag with each briefing (by its path), newest first. */
  related: Record<string, RelatedLink[]>;
  /** Files TypeScript writes whole, through Eleventy: feeds and the news sitemap. */
  outputs: OutputFile[];
  /** The settings as read (`site` adds build facts): what the email edition is made from. */
  settings: SiteSettings;
  /** Per-briefing work from earlier builds. */
  cache: Cache;
  warnings: string[];
  scheduled: Scheduled[];
  /** Share images to draw after Eleventy (null in the dev server or with cards.enabled false). */
  cards: CardPlan | null;
}

function buildSiteData(project: Project): SiteData {
  const { settings, briefings } = project;
  const now = new Date();
  const digests = buildDigests(briefings, settings, now);
  return {
    site: { ...settings, dev: project.dev, feeds: feedLinks(settings) },
    briefings,
    listings: [...archivePages(briefings, settings), ...tagPages(briefings, settings), ...authorPages(briefings, settings), ...digestPages(digests)],
    archive: archivePeriods(briefings, settings),
    tags: tagSummaries(briefings),
    related: Object.fromEntries(relatedBriefings(briefings)),
    outputs: [
      ...buildFeeds(briefings, settings),
      buildNewsSitemap(briefings, settings, now),
      ...(digests.length > 0 ? [digestFeed(digests, settings, now), ...digestEmailFiles(digests, settings)] : []),
    ],
    settings,
    cache: project.cache,
    warnings: project.warnings,
    scheduled: project.scheduled,
    cards: project.dev ? null : planCards(briefings, settings, project.cache, now),
  };
}

let remembered: { key: string; data: SiteData } | null = null;

/**
 * The site data for this process, read once: the build reads it before Eleventy starts (so a
 * broken briefing stops everything before a file is written) and Eleventy then reuses it.
 * The dev server forgets it before each rebuild, and passes a memo so that only saved files are read again.
 */
export function loadSiteData(options: { dev: boolean; memo?: BriefingMemo }, env: NodeJS.ProcessEnv = process.env): SiteData {
  const key = JSON.stringify([options.dev, env.DISPATCH_BRIEFINGS, env.DISPATCH_SETTINGS, env.SITE_URL, process.cwd()]);
  if (remembered?.key !== key) remembered = { key, data: buildSiteData(loadProject({ dev: options.dev, env, memo: options.memo })) };
  return remembered.data;
}

export function forgetSiteData(): void {
  remembered = null;
}
