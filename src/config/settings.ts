import { readFileSync } from "node:fs";
import { z } from "zod";
import { isValidTimeZone } from "../dates.ts";
import { ContentError } from "./errors.ts";
import { normaliseBaseUrl } from "../urls.ts";
import { describeIssue } from "../content/issues.ts";
import { cleanSubscribeEmbed, hasForm } from "./subscribe.ts";
import { DEFAULT_LIMITS, LIMIT_ENV, type InputLimits } from "../content/limits.ts";

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/**
 * Where raw-HTML iframes in a briefing may come from (a host and its subdomains, https only):
 * video, charts and social embeds newsrooms use. Anything else is removed with a warning.
 */
export const DEFAULT_EMBED_HOSTS = [
  "youtube.com",
  "youtube-nocookie.com",
  "player.vimeo.com",
  "datawrapper.dwcdn.net",
  "flo.uri.sh",
  "platform.twitter.com",
  "embed.x.com",
] as const;

export const EMAIL_TOOLS = ["generic", "mailchimp", "buttondown", "kit", "brevo", "substack"] as const;

const settingsSchema = z.looseObject({
  title: z.string().trim().min(1),
  description: z.string().trim().min(1),
  url: z.url({ protocol: /^https?$/ }),
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "must be a language tag like en-GB"),
  direction: z.enum(["ltr", "rtl"]).default("ltr"),
  timeZone: z.string().default("UTC").refine(isValidTimeZone, "must be an IANA time zone like Europe/London"),
  publisher: z.object({
    name: z.string().trim().min(1),
    url: z.url({ protocol: /^https?$/, error: "must be a web address starting with https://" }).optional(),
    email: z.email().optional(),
    address: z.string().optional(),
    logo: z.string().optional(),
  }),
  feedItems: z.number().int().min(1).max(1000).default(20),
  /** Items per archived feed document (RFC 5005), counted from the oldest briefing. */
  feedArchivePageSize: z.number().int().min(1).max(1000).default(50),
  /** A WebSub hub: feeds name it, and `npm run ping` tells it which feeds changed. */
  websub: z.object({ hub: z.url({ protocol: /^https?$/, error: "must be the hub's web address, starting with https://" }) }).optional(),
  archivePageSize: z.number().int().min(1).max(500).default(10),
  /** Share images (Open Graph / Twitter cards) drawn at build time, in the site's colours. */
  cards: z
    .object({
      enabled: z.boolean().default(true),
      /** Cards for the newest N briefings; older ones use the site's default card unless cached. */
      recent: z.number().int().min(0).max(100_000).default(100),
      background: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #fdfcfa").default("#fdfcfa"),
      foreground: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1b1b1b").default("#1b1b1b"),
      accent: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #a11d21").default("#a11d21"),
    })
    .prefault({}),
  embedHosts: z
    .array(z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i, "must be host names like www.youtube.com"))
    .default([...DEFAULT_EMBED_HOSTS]),
  /** The weekly (or monthly) digest edition: a roundup of the period's briefings. */
  digest: z
    .object({
      enabled: z.boolean().default(true),
      period: z.enum(["week", "month"]).default("week"),
      weekStartsOn: z.enum(WEEKDAYS).default("monday"),
      /** {site}, {start}, {end} and {period} are filled in; the default depends on the period. */
      title: z.string().trim().min(1).optional(),
      intro: z.string().trim().min(1).optional(),
    })
    .prefault({}),
  email: z
    .looseObject({
      tool: z.enum(EMAIL_TOOLS).default("generic"),
      allowClipped: z.boolean().default(false),
      utm: z.boolean().default(false),
      /** Overrides the tool's unsubscribe merge tag (e.g. another tool's syntax). */
      unsubscribeUrl: z.string().trim().min(1).optional(),
      /** Overrides the postal address line in the email footer. */
      address: z.string().trim().min(1).optional(),
    })
    .prefault({}),
  /** A sign-up box on the home page and briefing pages: a link to the tool's hosted form, or its embed. */
  subscribe: z
    .object({
      url: z.url({ protocol: /^https?$/, error: "must be a web address starting with https://" }).optional(),
      embed: z.string({ error: "must be the mailing tool's form HTML, as a string" }).trim().min(1).optional(),
      allowScripts: z.boolean({ error: "must be true or false" }).default(false),
      heading: z.string().trim().min(1).default("Get each briefing by email"),
    })
    .refine((box) => box.url || box.embed, 'needs "url" (the sign-up page) or "embed" (its form HTML)')
    .optional(),
  limits: z
    .object({
      briefingKb: z.number().int().min(1).default(DEFAULT_LIMITS.briefingKb),
      frontMatterKb: z.number().int().min(1).default(DEFAULT_LIMITS.frontMatterKb),
      yamlAliases: z.number().int().min(0).default(DEFAULT_LIMITS.yamlAliases),
    })
    .prefault({}),
});

export type SiteSettings = z.infer<typeof settingsSchema>;

/**
 * Reads and checks the site settings. SITE_URL overrides the base URL (deploy previews);
 * the base always ends with "/" so that a base with a path keeps it.
 */
export function parseSiteSettings(raw: unknown, file: string, env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const result = settingsSchema.safeParse(raw);
  if (!result.success) {
    throw new ContentError(result.error.issues.map((issue) => `${file}: ${describeIssue(issue, raw)}`));
  }
  const settings = result.data;
  if (settings.subscribe?.embed && !settings.subscribe.allowScripts) {
    settings.subscribe.embed = cleanSubscribeEmbed(settings.subscribe.embed);
    if (!hasForm(settings.subscribe.embed)) {
      throw new ContentError([
        `${file}: "subscribe.embed" holds no <form action="https://…"> once scripts are removed; paste the mailing tool's plain HTML form, use "subscribe.url" for its hosted page, or set "subscribe.allowScripts": true to keep the embed as it is`,
      ]);
    }
  }
  const override = env.SITE_URL?.trim();
  if (override) {
    try {
      settings.url = normaliseBaseUrl(override);
    } catch {
      throw new ContentError([`SITE_URL: must be an absolute URL like https://example.org/news/ (got "${override}")`]);
    }
  } else {
    settings.url = normaliseBaseUrl(settings.url);
  }
  for (const limit of Object.keys(LIMIT_ENV) as (keyof InputLimits)[]) {
    const value = env[LIMIT_ENV[limit]]?.trim();
    if (!value) continue;
    if (!/^\d+$/.test(value) || (limit !== "yamlAliases" && Number(value) === 0)) {
      throw new ContentError([`${LIMIT_ENV[limit]}: must be a whole number like ${DEFAULT_LIMITS[limit] * 2} (got "${value}")`]);
    }
    settings.limits[limit] = Number(value);
  }
  return settings;
}

/** `shown` is the file's name in messages (relative to the project). */
export function loadSiteSettings(file: string, env: NodeJS.ProcessEnv = process.env, shown: string = file): SiteSettings {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new ContentError([`${shown}: cannot read the site settings file; create it (see README, "Site settings")`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ContentError([`${shown}: is not valid JSON (${(error as Error).message})`]);
  }
  return parseSiteSettings(raw, shown, env);
}
