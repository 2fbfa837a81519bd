import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import Tinypool from "tinypool";
import type { Cache } from "../cache/store.ts";
import type { Briefing } from "../content/types.ts";
import { publishedNewestFirst } from "../feeds/items.ts";
import type { SiteSettings } from "../config/settings.ts";
import { cardCharacters, CardRenderer, type CardText } from "./card.ts";
import { CardFonts } from "./fonts.ts";

export const DEFAULT_CARD_PATH = "/cards/default.png";

/** Where each briefing's card goes (site paths), by briefing path; the rest use the default card. */
export interface CardPlan {
  byBriefing: Map<string, PlannedCard>;
  defaultCard: PlannedCard;
}

export interface PlannedCard {
  /** Site path of the PNG. */
  path: string;
  text: CardText;
  /** What to name in a warning: the briefing's file, or the settings. */
  source: string;
}

/** /briefings/2026/paris/ → /cards/2026/paris.png: one card per briefing URL. */
export function cardPath(briefing: Briefing): string {
  return `/cards/${briefing.path.replace(/^\/briefings\//, "").replace(/\/$/, "")}.png`;
}

export function cardText(briefing: Briefing, settings: SiteSettings): CardText {
  const quote = briefing.keyQuote ? { text: briefing.keyQuote.text, speaker: briefing.keyQuote.speaker ?? null } : null;
  return { siteTitle: settings.title, quote, title: briefing.title, summary: briefing.summary, direction: settings.direction };
}

function defaultText(settings: SiteSettings): CardText {
  return { siteTitle: settings.title, quote: null, title: settings.title, summary: settings.description, direction: settings.direction };
}

/** Cards live in the build cache (src/cache/store.ts), whose code stamp covers the layout code and the font versions. */
const KIND = "cards";

/** A card's key: its text and colours (the cache adds the code stamp). */
function cardKey(cache: Cache, text: CardText, settings: SiteSettings): string {
  return cache.key(JSON.stringify([text, settings.cards]));
}

/** The cached PNG, or null: not cached, or not a PNG (then it is drawn again). */
function cachedCard(cache: Cache, key: string): Buffer | null {
  const base64 = cache.get<string>(KIND, key);
  if (typeof base64 !== "string") return null;
  const png = Buffer.from(base64, "base64");
  return png.subarray(1, 4).toString("latin1") === "PNG" ? png : null;
}

/**
 * Which briefings get a card of their own: the newest `cards.recent` published ones, and any
 * older one whose card is already cached (`npm run cards -- --all` fills the cache for all).
 */
export function planCards(briefings: readonly Briefing[], settings: SiteSettings, cache: Cache, now: Date, all = false): CardPlan | null {
  if (!settings.cards.enabled) return null;
  const byBriefing = new Map<string, PlannedCard>();
  publishedNewestFirst(briefings, now).forEach((briefing, index) => {
    const text = cardText(briefing, settings);
    if (all || index < settings.cards.recent || cachedCard(cache, cardKey(cache, text, settings))) {
      byBriefing.set(briefing.path, { path: cardPath(briefing), text, source: briefing.sourcePath });
    }
  });
  return { byBriefing, defaultCard: { path: DEFAULT_CARD_PATH, text: defaultText(settings), source: "content/_data/site.json" } };
}

export interface CardReport {
  drawn: number;
  cached: number;
  ms: number;
  warnings: string[];
}

/** Below this many cards to draw, starting worker threads costs more than it saves. */
const POOL_MIN_CARDS = 8;

/**
 * Cards one worker thread draws before it ends. resvg-js 2.6 frees a card's pixels (~3 MB) only
 * when its thread ends, so a thread's memory grows by that much per card: a fresh thread per
 * batch keeps a build's memory flat (measured here: 100 cards in one thread +400 MB, in batches
 * of 25 +180 MB), at the cost of loading the fonts again per batch.
 */
const CARDS_PER_WORKER = 20;

/**
 * Draws cards on `threads` worker threads, each batch of CARDS_PER_WORKER in a fresh one
 * (worker.mjs → draw.ts).
 */
async function drawAll(texts: CardText[], settings: SiteSettings, threads: number): Promise<Buffer[]> {
  const colours = { background: settings.cards.background, foreground: settings.cards.foreground, accent: settings.cards.accent };
  if (texts.length < POOL_MIN_CARDS || threads < 1) {
    const renderer = new CardRenderer(colours);
    const pngs: Buffer[] = [];
    for (const text of texts) pngs.push(await renderer.render(text));
    return pngs;
  }
  const batches: CardText[][] = [];
  for (let start = 0; start < texts.length; start += CARDS_PER_WORKER) batches.push(texts.slice(start, start + CARDS_PER_WORKER));
  const pool = new Tinypool({
    filename: new URL("./worker.mjs", import.meta.url).href,
    maxThreads: Math.min(threads, batches.length),
    // A new thread for each batch, ended after it (see CARDS_PER_WORKER).
    isolateWorkers: true,
  });
  try {
    const drawn = await Promise.all(batches.map((batch) => pool.run({ texts: batch, colours }) as Promise<Uint8Array[]>));
    return drawn.flat().map((png) => Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  } finally {
    await pool.destroy();
  }
}

/**
 * Writes the planned cards into `outDir` (null: only into the cache), drawing only those the
 * cache lacks, on `threads` worker threads (default: one per core; 0 draws on this thread).
 */
export async function writeCards(plan: CardPlan, settings: SiteSettings, cache: Cache, outDir: string | null, threads = availableParallelism()): Promise<CardReport> {
  const started = performance.now();
  const report: CardReport = { drawn: 0, cached: 0, ms: 0, warnings: [] };
  const cards = [plan.defaultCard, ...plan.byBriefing.values()].map((card) => ({ card, key: cardKey(cache, card.text, settings), png: null as Buffer | null }));
  for (const entry of cards) entry.png = cachedCard(cache, entry.key);
  const toDraw = cards.filter((entry) => !entry.png);
  const fonts = new CardFonts();
  for (const { card } of toDraw) {
    const missing = fonts.missing(cardCharacters(card.text));
    if (missing.length > 0) report.warnings.push(`${card.source}: the share card shows empty boxes for ${missing.slice(0, 8).join(" ")}: no bundled font has them`);
  }
  const drawn = await drawAll(toDraw.map((entry) => entry.card.text), settings, threads);
  toDraw.forEach((entry, index) => {
    entry.png = drawn[index]!;
    cache.set(KIND, entry.key, entry.png.toString("base64"));
  });
  report.drawn = toDraw.length;
  report.cached = cards.length - toDraw.length;
  if (outDir) {
    const made = new Set<string>();
    for (const { card, png } of cards) {
      const file = path.join(outDir, card.path);
      if (!made.has(path.dirname(file))) mkdirSync(path.dirname(file), { recursive: true });
      made.add(path.dirname(file));
      writeFileSync(file, png!);
    }
  }
  report.ms = performance.now() - started;
  return report;
}

export function formatCardReport(report: CardReport): string {
  const summary = `Cards: ${report.drawn + report.cached} share images (${report.drawn} drawn, ${report.cached} from the cache) in ${(report.ms / 1000).toFixed(2)} s`;
  return [summary, ...report.warnings.map((warning) => `[dispatch] warning: ${warning}`)].join("\n");
}
