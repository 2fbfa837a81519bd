import { Feed } from "feed";
import { NO_CACHE, type Cache } from "../cache/store.ts";
import type { Briefing } from "../content/types.ts";
import { formatDay, formatDisplayDate, isoDate } from "../dates.ts";
import { ContentError } from "../config/errors.ts";
import { editionPaths, renderEdition, type EmailEdition } from "../email/index.ts";
import { utmTags, withUtm } from "../email/links.ts";
import { renderPreview } from "../email/preview.ts";
import { sizeVerdict } from "../email/size.ts";
import { channelOptions } from "../feeds/channel.ts";
import { publishedNewestFirst } from "../feeds/items.ts";
import { xmlChars } from "../feeds/xml.ts";
import { escapeHtml } from "../html/escape.ts";
import type { ListingPage } from "../site/listings.ts";
import type { OutputFile, OutputWriter, ReusedFile } from "../config/outputs.ts";
import type { SiteSettings } from "../config/settings.ts";
import { absoluteUrl } from "../urls.ts";
import { digestPeriods, type DigestPeriod } from "./periods.ts";

export const DIGEST_FEED_PATH = "/digest/atom.xml";

/** One digest edition: a period's briefings, newest first. */
export interface Digest {
  key: string;
  title: string;
  intro: string | null;
  /** ISO dates of the period's first and last day. */
  start: string;
  end: string;
  rangeDisplay: string;
  /** The web page, e.g. /digest/2026-w02/. */
  path: string;
  url: string;
  briefings: Briefing[];
}

function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function toDigest(period: DigestPeriod, settings: SiteSettings): Digest {
  const { period: kind, title, intro } = settings.digest;
  const start = formatDay(period.start, "date", settings.timeZone, settings.language);
  const end = formatDay(period.end, "date", settings.timeZone, settings.language);
  const label =
    kind === "month"
      ? formatDay(period.start, "month", settings.timeZone, settings.language)
      : `week ${period.key.slice(-2).replace(/^0/, "")}, ${period.key.slice(0, 4)}`;
  const pattern = title ?? (kind === "month" ? "{site}: {period}" : "{site}: the week of {start}");
  const path = `/digest/${period.key}/`;
  return {
    key: period.key,
    title: fill(pattern, { site: settings.title, start, end, period: label }),
    intro: intro ?? null,
    start: isoDate(period.start),
    end: isoDate(period.end),
    rangeDisplay: `${start} – ${end}`,
    path,
    url: absoluteUrl(path, settings.url),
    briefings: period.briefings,
  };
}

/** Every digest of the published briefings, newest first; none when `digest.enabled` is false. */
export function buildDigests(briefings: readonly Briefing[], settings: SiteSettings, now: Date): Digest[] {
  if (!settings.digest.enabled) return [];
  return digestPeriods(publishedNewestFirst(briefings, now), settings).map((period) => toDigest(period, settings));
}

/** The digest's preheader: the intro, else the headlines. */
function preheader(digest: Digest): string {
  if (digest.intro) return digest.intro;
  return digest.briefings.map((briefing) => briefing.title).join(" · ");
}

/** What the digest's email is made of (pull quotes left out when `withQuotes` is false): renderEdition's arguments. */
function digestEmailInput(digest: Digest, settings: SiteSettings, withQuotes: boolean): Parameters<typeof renderEdition> {
  const utm = utmTags(settings, `digest-${digest.key}`);
  return [
    { contentTemplate: "email/digest-content.njk", subject: digest.title, preheader: preheader(digest), webUrl: digest.url, utm },
    {
      title: digest.title,
      intro: digest.intro,
      rangeDisplay: digest.rangeDisplay,
      items: digest.briefings.map((briefing) => ({
        title: briefing.title,
        url: withUtm(briefing.url, settings.url, utm),
        dateIso: briefing.date,
        dateDisplay: formatDisplayDate(briefing.date, settings.timeZone, settings.language),
        summary: briefing.summary,
        quote: withQuotes ? briefing.keyQuote : null,
      })),
    },
    settings,
  ];
}

/**
 * The digest's email. Pull quotes go first if it would be clipped; a digest still too large
 * for Gmail fails like a briefing's email (unless email.allowClipped).
 */
export function renderDigestEmail(digest: Digest, settings: SiteSettings): EmailEdition {
  const full = renderEdition(...digestEmailInput(digest, settings, true));
  if (sizeVerdict(full.bytes) !== "clipped") return full;
  const lean = renderEdition(...digestEmailInput(digest, settings, false));
  if (sizeVerdict(lean.bytes) === "clipped" && !settings.email.allowClipped) {
    throw new ContentError([
      `digest ${digest.key}: the email of its ${digest.briefings.length} briefings is too large for Gmail even without pull quotes; set "digest": { "period": "week" } or "email": { "allowClipped": true } in content/_data/site.json`,
    ]);
  }
  return lean;
}

/**
 * Each digest's four email parts, beside the briefings' editions: /email/digest/<key>/. Kept in
 * the build cache under everything they are made of (the full email's input, which holds the
 * settings; the lean one follows from it), so only a digest whose briefings changed is rendered.
 * Made one digest at a time as they are taken: a long archive's digests are never all in memory.
 * With `reuse` (the output writer's), a digest's files the previous build made from the same key
 * are linked instead (ReusedFiles), and the others carry their key for the writer's manifest.
 */
export function* digestEmailFiles(digests: readonly Digest[], settings: SiteSettings, cache: Cache = NO_CACHE, reuse?: OutputWriter["reuse"]): Generator<OutputFile | ReusedFile> {
  for (const digest of digests) {
    const dir = `/email/digest/${digest.key}/`;
    const key = cache.key("digest-email", JSON.stringify(digestEmailInput(digest, settings, true)));
    // The previous build's files, made from the same key, linked (OutputWriter.reuse): not even read from the cache.
    const paths = editionPaths(dir);
    if (reuse?.(paths, key)) {
      yield* paths.map((path) => ({ path, reused: true as const }));
      continue;
    }
    let files = cache.get<OutputFile[]>("digest-email", key);
    if (!Array.isArray(files)) {
      const edition = renderDigestEmail(digest, settings);
      files = [
        { path: paths[0]!, body: edition.html },
        { path: paths[1]!, body: edition.text },
        { path: paths[2]!, body: edition.fragment },
        { path: paths[3]!, body: renderPreview(edition, settings) },
      ];
      cache.set("digest-email", key, files);
    }
    yield* reuse ? files.map((file) => ({ ...file, made: { key } })) : files;
  }
}

/** The digests' web pages, as listing pages (newer and older digests in the pager). */
export function digestPages(digests: readonly Digest[]): ListingPage[] {
  return digests.map((digest, index) => ({
    kind: "digest",
    path: digest.path,
    heading: digest.title,
    description: digest.intro ?? `${digest.briefings.length} briefings, ${digest.rangeDisplay}`,
    items: digest.briefings,
    pageNumber: 1,
    pageCount: 1,
    newerPath: digests[index - 1]?.path ?? null,
    olderPath: digests[index + 1]?.path ?? null,
    feedPath: DIGEST_FEED_PATH,
  }));
}

/** /digest/atom.xml: one entry per digest, its list of briefings as content. */
export function digestFeed(digests: readonly Digest[], settings: SiteSettings, now: Date): OutputFile {
  const updated = (digest: Digest) => new Date(Math.max(...digest.briefings.map((briefing) => Date.parse(briefing.updated ?? briefing.date))));
  const feed = new Feed(
    channelOptions(
      {
        title: `${settings.title}: digest`,
        description: settings.description,
        homePath: digests[0]?.path ?? "/",
        selfPath: DIGEST_FEED_PATH,
        briefings: digests.flatMap((digest) => digest.briefings),
        now,
      },
      settings,
      "atom",
    ),
  );
  for (const digest of digests) {
    const list = digest.briefings
      .map((briefing) => `<li><a href="${escapeHtml(briefing.url)}">${escapeHtml(xmlChars(briefing.title))}</a>: ${escapeHtml(xmlChars(briefing.summary))}</li>`)
      .join("");
    // feed 6 writes entry titles and summaries as type="html": plain text is escaped as HTML.
    feed.addItem({
      title: escapeHtml(xmlChars(digest.title)),
      id: digest.url,
      link: digest.url,
      date: updated(digest),
      published: new Date(Date.parse(digest.briefings.at(-1)?.date ?? digest.start)),
      description: escapeHtml(xmlChars(digest.intro ?? `${digest.briefings.length} briefings, ${digest.rangeDisplay}`)),
      content: `<ul>${list}</ul>`,
    });
  }
  return { path: DIGEST_FEED_PATH, body: feed.atom1() };
}
