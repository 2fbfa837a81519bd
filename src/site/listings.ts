import type { Author, Briefing, Tag } from "../content/types.ts";
import { slugify } from "../urls.ts";
import type { SiteSettings } from "../config/settings.ts";
import { calendarDate, formatArchiveDay, localDay } from "../dates.ts";

/** One page of a list of briefings: the archive, a year, a month or a tag. */
export interface ListingPage {
  kind: "archive" | "year" | "month" | "tag" | "author" | "digest";
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
  /** The author of an author page (with their own web address, if given). */
  author?: Author;
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
  make: (slice: Briefing[]) => Pick<ListingPage, "kind" | "heading" | "description" | "feedPath" | "author">,
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

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
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
  const { timeZone, language } = settings;
  const dated = briefings.map((briefing) => {
    const day = localDay(briefing.date, timeZone);
    const { year, month } = calendarDate(day);
    return { briefing, day, year, month };
  });
  return [...groupBy(dated, (item) => item.year)].map(([, items]) => {
    const year = formatArchiveDay(items[0]!.day, "yyyy", language);
    return {
      label: year,
      path: `/archive/${year}/`,
      items: items.map((item) => item.briefing),
      months: [...groupBy(items, (item) => item.month)].map(([, monthItems]) => ({
        label: formatArchiveDay(monthItems[0]!.day, "LLLL yyyy", language),
        path: `/archive/${year}/${formatArchiveDay(monthItems[0]!.day, "MM", language)}/`,
        items: monthItems.map((item) => item.briefing),
      })),
    };
  });
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

/**
 * The briefings under each key (a tag's slug, an author's slug), each list in the order given
 * (newest first): one pass over all briefings, so pages and related lists never rescan them.
 */
export function indexBy(briefings: Briefing[], keys: (briefing: Briefing) => string[]): Map<string, Briefing[]> {
  const index = new Map<string, Briefing[]>();
  for (const briefing of briefings) {
    for (const key of new Set(keys(briefing))) {
      const list = index.get(key);
      if (list) list.push(briefing);
      else index.set(key, [briefing]);
    }
  }
  return index;
}

export const tagKeys = (briefing: Briefing): string[] => briefing.tags.map((tag) => tag.slug);

export function tagPages(briefings: Briefing[], settings: SiteSettings): ListingPage[] {
  const byTag = indexBy(briefings, tagKeys);
  return tagSummaries(briefings).flatMap((tag) =>
    paginate(byTag.get(tag.slug) ?? [], settings.archivePageSize, tag.path, () => ({
      kind: "tag",
      heading: `Tagged “${tag.name}”`,
      description: `${settings.title} briefings tagged ${tag.name}.`,
      feedPath: `${tag.path}atom.xml`,
    })),
  );
}

/** An author's page, /authors/<slug>/, or null for a name that makes no slug (only punctuation). */
export function authorPath(name: string): string | null {
  const slug = slugify(name);
  return slug ? `/authors/${slug}/` : null;
}

/**
 * Every author's pages, paginated like topics, in name order. Bylines that spell one name the
 * same way share a page; the first web address given for it is shown.
 */
export function authorPages(briefings: Briefing[], settings: SiteSettings): ListingPage[] {
  const authors = new Map<string, Author>();
  const byAuthor = indexBy(briefings, (briefing) =>
    briefing.authors.flatMap((author) => {
      const path = authorPath(author.name);
      if (!path) return [];
      const known = authors.get(path);
      if (!known || (!known.url && author.url)) authors.set(path, { name: known?.name ?? author.name, url: known?.url ?? author.url });
      return [path];
    }),
  );
  return [...authors]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name))
    .flatMap(([path, author]) =>
      paginate(byAuthor.get(path) ?? [], settings.archivePageSize, path, () => ({
        kind: "author",
        heading: `Briefings by ${author.name}`,
        description: `${settings.title} briefings by ${author.name}.`,
        feedPath: null,
        author,
      })),
    );
}
