import type { Briefing } from "../content/types.ts";
import { buildEmailFiles, type EmailSizeReport } from "../email/index.ts";
import { buildFeeds, feedLinks, type FeedLink } from "../feeds/index.ts";
import { archivePages, archivePeriods, tagPages, tagSummaries, type ArchiveYear, type ListingPage, type TagSummary } from "./listings.ts";
import type { OutputFile } from "./outputs.ts";
import type { Project } from "./project.ts";
import type { SiteSettings } from "./settings.ts";

/** Everything the templates read, computed once per build. */
export interface SiteData {
  site: SiteSettings & { dev: boolean; feeds: FeedLink[] };
  briefings: Briefing[];
  listings: ListingPage[];
  archive: ArchiveYear[];
  tags: TagSummary[];
  /** Files TypeScript writes whole: feeds and the email edition. */
  outputs: OutputFile[];
  emailReport: EmailSizeReport[];
  warnings: string[];
}

export function buildSiteData(project: Project): SiteData {
  const { settings, briefings } = project;
  const email = buildEmailFiles(briefings, settings);
  return {
    site: { ...settings, dev: project.dev, feeds: feedLinks(settings) },
    briefings,
    listings: [...archivePages(briefings, settings), ...tagPages(briefings, settings)],
    archive: archivePeriods(briefings, settings),
    tags: tagSummaries(briefings),
    outputs: [...buildFeeds(briefings, settings), ...email.files],
    emailReport: email.report,
    warnings: [...project.warnings, ...email.warnings],
  };
}
