import type { Briefing } from "../content/types.ts";
import { closestField } from "../content/spelling.ts";
import { buildDigests, renderDigestEmail } from "../digest/index.ts";
import type { SiteSettings } from "../config/settings.ts";
import { renderEmail } from "./index.ts";
import { estimatedSentBytes, formatKb, sizeVerdict } from "./size.ts";

export const USAGE = "Usage: npm run --silent email -- <slug>|<year>/<slug> [--text]  or  email -- --digest latest|<key> [--text]";

export interface CommandResult {
  stdout: string;
  /** Lines for stderr: notes about the email, or why there is none. */
  stderr: string[];
  code: number;
}

/** Slugs that look like what was typed: containing it, contained in it, or a typo away. */
function closeMatches(wanted: string, slugs: string[]): string[] {
  const lower = wanted.toLowerCase();
  const typo = closestField(lower, slugs);
  return slugs.filter((slug) => slug.includes(lower) || lower.includes(slug) || slug === typo).slice(0, 8);
}

/** `2026/budget`: names one briefing even when another year has a "budget" too. */
function yearSlug(briefing: Briefing): string {
  return briefing.path.replace(/^\/briefings\/|\/$/g, "");
}

/**
 * The briefing with this slug (or `<year>/<slug>`), or lines that say there is none, or that
 * several years have it, and what was meant.
 */
export function findBriefing(wanted: string, briefings: Briefing[]): { briefing: Briefing } | { problem: string[] } {
  const matches = briefings.filter((candidate) => candidate.slug === wanted || yearSlug(candidate) === wanted);
  if (matches.length > 1) {
    return { problem: [`${matches.length} briefings have the slug "${wanted}"; name one with its year:`, ...matches.map((match) => `  ${yearSlug(match)}`)] };
  }
  if (matches[0]) return { briefing: matches[0] };
  const all = briefings.map((candidate) => candidate.slug);
  const close = closeMatches(wanted, all);
  const problem = [`No briefing has the slug "${wanted}".`];
  if (close.length > 0) problem.push("Did you mean:", ...close.map((slug) => `  ${slug}`));
  else if (all.length > 0) problem.push("Newest briefings:", ...all.slice(0, 8).map((slug) => `  ${slug}`));
  return { problem };
}

/** As findBriefing, and refusing a web-only briefing ("email: false"), which has no email edition. */
export function findEmailBriefing(wanted: string, briefings: Briefing[]): ReturnType<typeof findBriefing> {
  const found = findBriefing(wanted, briefings);
  if ("briefing" in found && !found.briefing.email) {
    return { problem: [`${found.briefing.sourcePath} is web-only ("email: false" in its front matter): it has no email edition. Remove that line to make one.`] };
  }
  return found;
}

/**
 * `email <slug> [--text]`: that briefing's email HTML (or plain text) for stdout, notes for
 * stderr. Kept apart from src/cli/email.ts so it can run on hand-made briefings in tests.
 */
export function emailCommand(argv: string[], briefings: Briefing[], settings: SiteSettings, now: Date = new Date()): CommandResult {
  const options = argv.filter((arg) => arg.startsWith("--"));
  const slugs = argv.filter((arg) => !arg.startsWith("--"));
  if (slugs.length !== 1 || options.some((option) => option !== "--text" && option !== "--digest")) return { stdout: "", stderr: [USAGE], code: 1 };
  if (options.includes("--digest")) return digestCommand(slugs[0]!, briefings, settings, now, options.includes("--text"));
  const found = findEmailBriefing(slugs[0]!, briefings);
  if ("problem" in found) return { stdout: "", stderr: found.problem, code: 1 };
  const { briefing } = found;
  const edition = renderEmail(briefing, settings);
  const stderr = edition.warnings.map((warning) => `warning: ${warning}`);
  if (briefing.draft || Date.parse(briefing.date) > now.getTime()) {
    stderr.push(`note: ${briefing.sourcePath} is not published yet: its "Read on the web" link works once it is.`);
  }
  const verdict = sizeVerdict(edition.bytes);
  if (verdict !== "ok") {
    const sizes = `${formatKb(edition.bytes)} (~${formatKb(estimatedSentBytes(edition.bytes))} sent)`;
    stderr.push(`warning: ${briefing.sourcePath}: ${sizes}: ${verdict === "clipped" ? "Gmail will clip it" : "close to Gmail's clipping limit"}`);
  }
  return { stdout: options.includes("--text") ? edition.text : edition.html, stderr, code: 0 };
}

/** `email --digest latest|<key>`: a digest's email, like a briefing's. */
function digestCommand(wanted: string, briefings: Briefing[], settings: SiteSettings, now: Date, text: boolean): CommandResult {
  const digests = buildDigests(briefings, settings, now);
  if (digests.length === 0) {
    const why = settings.digest.enabled ? "no briefing is published yet" : '"digest": { "enabled": false } is set in content/_data/site.json';
    return { stdout: "", stderr: [`There is no digest: ${why}.`], code: 1 };
  }
  const digest = wanted === "latest" ? digests[0] : digests.find((candidate) => candidate.key === wanted);
  if (!digest) {
    return { stdout: "", stderr: [`No digest is called "${wanted}". Newest digests:`, ...digests.slice(0, 8).map((d) => `  ${d.key}`)], code: 1 };
  }
  const edition = renderDigestEmail(digest, settings);
  return { stdout: text ? edition.text : edition.html, stderr: [`note: digest ${digest.key}, ${digest.briefings.length} briefings: ${digest.title}`], code: 0 };
}
