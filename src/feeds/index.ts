import { briefingFingerprints, type Fingerprint } from "../cache/fingerprint.ts";
import { NO_CACHE, type Cache } from "../cache/store.ts";
import type { Briefing, Tag } from "../content/types.ts";
import type { SiteSettings } from "../config/settings.ts";
import type { OutputFile, OutputWriter, ReusedFile } from "../config/outputs.ts";
import { archivePages, archivePath } from "./archive.ts";
import { renderAtom } from "./atom.ts";
import type { Channel } from "./channel.ts";
import { feedBodies, publishedNewestFirst, type FeedBodies } from "./items.ts";
import { renderJson } from "./json.ts";
import { FEED_LINKS, tagFeedPath, type FeedLink } from "./links.ts";
import { renderRss } from "./rss.ts";
import { xmlChars } from "./xml.ts";

export { FEED_LINKS, tagFeedPath, type FeedLink } from "./links.ts";

/** The three site-wide feeds for <link rel="alternate">, titled with the site's name. */
export function feedLinks(settings: SiteSettings): FeedLink[] {
  return Object.values(FEED_LINKS).map((link) => ({ ...link, title: `${settings.title} (${link.title})` }));
}

/** Published briefings grouped by tag slug, tags in order of first (newest) use. */
function byTag(briefings: Briefing[]): Map<string, { tag: Tag; briefings: Briefing[] }> {
  const groups = new Map<string, { tag: Tag; briefings: Briefing[] }>();
  for (const briefing of briefings) {
    for (const tag of briefing.tags) {
      const group = groups.get(tag.slug) ?? { tag, briefings: [] };
      group.briefings.push(briefing);
      groups.set(tag.slug, group);
    }
  }
  return groups;
}

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site, and an Atom feed per tag. Each carries the
 * newest `settings.feedItems` published briefings; the older ones are in the site Atom feed's
 * archive documents (RFC 5005), so a reader can backfill the whole archive. `now` only decides what is published and
 * dates a feed that has no items. Each item's body is cleaned once and kept in `cache` (keyed by the
 * briefing's `fingerprint`, the build's own when it has one), and so is
 * each whole feed file (a warm build makes again only the feeds that carry a changed briefing). The feeds
 * are made one at a time as they are taken (the archive documents hold every briefing's body), and
 * a body is kept in memory only until the last feed that carries it is made. With `reuse` (the
 * output writer's), a feed the previous build made from the same key is linked instead of taken
 * from the cache (a ReusedFile), and the others carry their key for the writer's manifest.
 */
export function* feedFiles(
  briefings: Briefing[],
  settings: SiteSettings,
  now: Date = new Date(),
  cache: Cache = NO_CACHE,
  fingerprint: Fingerprint = briefingFingerprints(),
  reuse?: OutputWriter["reuse"],
): Generator<OutputFile | ReusedFile> {
  const published = publishedNewestFirst(briefings, now);
  const newest = published.slice(0, settings.feedItems);
  const site = (selfPath: string): Channel => ({
    title: settings.title,
    description: settings.description,
    homePath: "/",
    selfPath,
    briefings: newest,
    now,
  });
  const archives = archivePages(published, settings.feedItems, settings.feedArchivePageSize);
  const tags = [...byTag(published).values()].map(({ tag, briefings: tagged }) => ({ tag, briefings: tagged.slice(0, settings.feedItems) }));
  const uses = new Map<Briefing, number>();
  for (const list of [newest, newest, newest, ...archives.map((archive) => archive.briefings), ...tags.map((tag) => tag.briefings)]) {
    for (const briefing of list) uses.set(briefing, (uses.get(briefing) ?? 0) + 1);
  }
  const bodies = feedBodies(settings, cache, fingerprint, uses);
  const settingsJson = JSON.stringify(settings);
  // A whole feed file comes from the build cache when nothing it is made of changed (its channel,
  // its items, the settings): a warm build renders only the feeds an edit reaches (the site feeds,
  // the tags' feeds and the archive documents holding a changed briefing), not the whole archive.
  const feed = (path: string, channel: Channel, render: (channel: Channel, settings: SiteSettings, bodies: FeedBodies) => string): OutputFile | ReusedFile => {
    // `now` dates only a feed without items.
    // An item is made of the briefing as loaded but its neighbours, which no feed shows: its fingerprint.
    const made = { ...channel, briefings: channel.briefings.map(fingerprint), now: channel.briefings.length === 0 ? channel.now.toISOString() : null };
    const key = cache.key("feed", path, JSON.stringify(made), settingsJson);
    // The previous build's file, made from the same key, linked (`reuse`, OutputWriter.reuse): not even read from the cache.
    if (reuse?.([path], key)) {
      channel.briefings.forEach(bodies.skip);
      return { path, reused: true };
    }
    let body = cache.get<string>("feed", key);
    if (typeof body === "string") {
      channel.briefings.forEach(bodies.skip);
    } else {
      body = render(channel, settings, bodies.body);
      cache.set("feed", key, body);
    }
    return reuse ? { path, body, made: { key } } : { path, body };
  };
  const newestArchive = archives.at(-1);
  yield feed(FEED_LINKS.rss.path, site(FEED_LINKS.rss.path), renderRss);
  yield feed(FEED_LINKS.atom.path, { ...site(FEED_LINKS.atom.path), pagingLinks: newestArchive ? [{ rel: "prev-archive", path: archivePath(newestArchive.page) }] : [] }, renderAtom);
  yield feed(FEED_LINKS.json.path, site(FEED_LINKS.json.path), renderJson);
  for (const archive of archives) {
    const path = archivePath(archive.page);
    const pagingLinks: NonNullable<Channel["pagingLinks"]> = [{ rel: "current", path: FEED_LINKS.atom.path }];
    if (archive.prevPath) pagingLinks.push({ rel: "prev-archive", path: archive.prevPath });
    if (archive.nextPath) pagingLinks.push({ rel: "next-archive", path: archive.nextPath });
    yield feed(
      path,
      {
        title: `${settings.title} (archive ${archive.page})`,
        description: settings.description,
        homePath: "/archive/",
        selfPath: path,
        briefings: [...archive.briefings].reverse(),
        now,
        pagingLinks,
        archive: true,
      },
      renderAtom,
    );
  }
  for (const { tag, briefings: tagged } of tags) {
    const path = tagFeedPath(tag);
    yield feed(
      path,
      {
        title: `${settings.title}: ${xmlChars(tag.name)}`,
        description: settings.description,
        homePath: tag.path,
        selfPath: path,
        briefings: tagged,
        now,
      },
      renderAtom,
    );
  }
}

/** Every feed file at once (feedFiles, for callers that look at several). */
export function buildFeeds(briefings: Briefing[], settings: SiteSettings, now: Date = new Date(), cache: Cache = NO_CACHE): OutputFile[] {
  // Without `reuse`, every file has its body.
  return [...feedFiles(briefings, settings, now, cache)] as OutputFile[];
}
