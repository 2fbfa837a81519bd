import { DateTime } from "luxon";
import type { Briefing, Tag } from "../content/types.ts";
import type { SiteSettings } from "./settings.ts";

/** One page of a list of briefings: the archive, a year, a month or a tag. */
export interface ListingPage {
  kind: "archive" | "year" | "month" | "tag" | "digest";
  /** Site path of this page, e.g. /archive/2026/page/2/. */
  path: string;
  heading: string;
  description: string;
  items: Briefing[];
  pageNumber: number;
  pageCount: number;
  newerPath: string | null;
  olderPath: string | null;
  /** Atom feed for a tag page or the digests. */
  feedPath: string | null;
}

export interface ArchivePeriod {
  label: string;
  path: string;
  items: Briefing[];
}

export interface ArchiveYear extends ArchivePeriod {
  months: ArchivePeriod[];
}

export interface TagSummary extends Tag {
  count: number;
}

function paginate(
  items: Briefing[],
  size: number,
  firstPath: string,
  make: (slice: Briefing[]) => Pick<ListingPage, "kind" | "heading" | "description" | "feedPath">,
): ListingPage[] {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const pathOf = (n: number) => (n === 1 ? firstPath : `${firstPath}page/${n}/`);
  return Array.from({ length: pageCount }, (_, index) => {
    const pageNumber = index + 1;
    const slice = items.slice(index * size, pageNumber * size);
    return {
      ...make(slice),
      path: pathOf(pageNumber),
      items: slice,
      pageNumber,
      pageCount,
      newerPath: pageNumber > 1 ? pathOf(pageNumber - 1) : null,
      olderPath: pageNumber < pageCount ? pathOf(pageNumber + 1) : null,
    };
  });
}

function localDate(briefing: Briefing, settings: SiteSettings): DateTime {
  return DateTime.fromISO(briefing.date, { setZone: true }).setZone(settings.timeZone).setLocale(settings.language);
}

function groupBy<K>(items: Briefing[], key: (item: Briefing) => K): Map<K, Briefing[]> {
  const groups = new Map<K, Briefing[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Years and months with briefings, newest first: the archive's index. */
export function archivePeriods(briefings: Briefing[], settings: SiteSettings): ArchiveYear[] {
  const byYear = groupBy(briefings, (b) => localDate(b, settings).toFormat("yyyy"));
  return [...byYear].map(([year, items]) => ({
    label: year,
    path: `/archive/${year}/`,
    items,
    months: [...groupBy(items, (b) => localDate(b, settings).toFormat("MM"))].map(([month, monthItems]) => ({
      label: localDate(monthItems[0]!, settings).toFormat("LLLL yyyy"),
      path: `/archive/${year}/${month}/`,
      items: monthItems,
    })),
  }));
}

/** Every archive page: all briefings, each year and each month, paginated. */
export function archivePages(briefings: Briefing[], settings: SiteSettings): ListingPage[] {
  const size = settings.archivePageSize;
  const pages = paginate(briefings, size, "/archive/", () => ({
    kind: "archive",
    heading: "Archive",
    description: `Every briefing from ${settings.title}, newest first.`,
    feedPath: null,
  }));
  const periodPages = (period: ArchivePeriod, kind: "year" | "month") =>
    paginate(period.items, size, period.path, () => ({
      kind,
      heading: `Briefings from ${period.label}`,
      description: `${settings.title} briefings published in ${period.label}.`,
      feedPath: null,
    }));
  for (const year of archivePeriods(briefings, settings)) {
    pages.push(...periodPages(year, "year"));
    for (const month of year.months) pages.push(...periodPages(month, "month"));
  }
  return pages;
}

/** Tags in use with their counts, most used first, then by name. */
export function tagSummaries(briefings: Briefing[]): TagSummary[] {
  const tags = new Map<string, TagSummary>();
  for (const briefing of briefings) {
    for (const tag of briefing.tags) {
      const known = tags.get(tag.slug);
      if (known) known.count += 1;
      else tags.set(tag.slug, { ...tag, count: 1 });
    }
  }
  return [...tags.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function tagPages(briefings: Briefing[], settings: SiteSettings): ListingPage[] {
  return tagSummaries(briefings).flatMap((tag) =>
    paginate(
      briefings.filter((b) => b.tags.some((t) => t.slug === tag.slug)),
      settings.archivePageSize,
      tag.path,
      () => ({
        kind: "tag",
        heading: `Tagged “${tag.name}”`,
        description: `${settings.title} briefings tagged ${tag.name}.`,
        feedPath: `${tag.path}atom.xml`,
      }),
    ),
  );
}
