import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CommandError } from "../config/errors.ts";
import type { SiteSettings } from "../config/settings.ts";
import { absoluteUrl } from "../urls.ts";
import { FEED_LINKS } from "./links.ts";

/** The subscription feeds of a built site (site-wide and per tag), as site paths. */
export function subscriptionFeeds(outDir: string): string[] {
  const site = Object.values(FEED_LINKS).map((link) => link.path);
  const tagsDir = path.join(outDir, "tags");
  const tags = existsSync(tagsDir)
    ? readdirSync(tagsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(tagsDir, entry.name, "atom.xml")))
        .map((entry) => `/tags/${entry.name}/atom.xml`)
        .sort()
    : [];
  return [...site, ...tags].filter((feed) => existsSync(path.join(outDir, feed)));
}

/** What the hub was last told: each feed URL and a hash of the bytes it had then. */
type PingState = Record<string, string>;

function readState(file: string): PingState {
  try {
    const state: unknown = JSON.parse(readFileSync(file, "utf8"));
    return state && typeof state === "object" ? (state as PingState) : {};
  } catch {
    // No state yet (or an unreadable one): every feed counts as changed, which is safe.
    return {};
  }
}

export interface PingPlan {
  hub: string;
  /** Absolute URLs of the feeds to announce. */
  changed: string[];
  /** The state to save once the hub has accepted them. */
  next: PingState;
}

/** The feeds whose bytes differ from the last successful ping (all of them with `all`). */
export function planPing(outDir: string, settings: SiteSettings, stateFile: string, all = false): PingPlan {
  const hub = settings.websub?.hub;
  if (!hub) throw new CommandError('no WebSub hub is set: add "websub": { "hub": "https://…" } to content/_data/site.json');
  const before = readState(stateFile);
  const next: PingState = {};
  const changed: string[] = [];
  for (const feed of subscriptionFeeds(outDir)) {
    const url = absoluteUrl(feed, settings.url);
    next[url] = createHash("sha256").update(readFileSync(path.join(outDir, feed))).digest("hex");
    if (all || before[url] !== next[url]) changed.push(url);
  }
  return { hub, changed, next: { ...before, ...next } };
}

/**
 * Tells the hub that these feeds changed (WebSub's publish ping: `hub.mode=publish`,
 * `hub.url=…`, one request per feed, which every hub accepts). Throws on the first refusal.
 */
export async function pingHub(hub: string, urls: string[], timeoutMs = 15_000): Promise<void> {
  for (const url of urls) {
    const response = await fetch(hub, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ "hub.mode": "publish", "hub.url": url }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new CommandError(`the hub ${hub} answered ${response.status} ${response.statusText} for ${url}`);
  }
}

export function saveState(stateFile: string, state: PingState): void {
  mkdirSync(path.dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
}
