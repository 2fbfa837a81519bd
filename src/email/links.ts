import type { Briefing } from "../content/types.ts";
import type { SiteSettings } from "../config/settings.ts";
import { normaliseBaseUrl, slugify } from "../urls.ts";

export interface Utm {
  source: string;
  medium: string;
  campaign: string;
}

/** UTM tags for one email campaign (a briefing, a digest), or null when `email.utm` is off (the default). */
export function utmTags(settings: SiteSettings, campaign: string): Utm | null {
  if (!settings.email.utm) return null;
  return { source: slugify(settings.title) || new URL(settings.url).hostname, medium: "email", campaign };
}

/** UTM tags for one briefing's email. */
export function utmFor(briefing: Briefing, settings: SiteSettings): Utm | null {
  return utmTags(settings, briefing.slug);
}

/**
 * Adds UTM tags to links that point into the site itself. Other sites' links stay as written:
 * their owners did not ask for our tags, and some (signed or shortened URLs) break with them.
 * Tags already in the link win, so an editor can set their own campaign.
 */
export function withUtm(url: string, base: string, utm: Utm | null): string {
  if (!utm) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const root = new URL(normaliseBaseUrl(base));
  if (parsed.origin !== root.origin || !parsed.pathname.startsWith(root.pathname)) return url;
  for (const [key, value] of [
    ["utm_source", utm.source],
    ["utm_medium", utm.medium],
    ["utm_campaign", utm.campaign],
  ] as const) {
    if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  }
  return parsed.href;
}

