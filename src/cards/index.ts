import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Briefing } from "../content/types.ts";
import { publishedNewestFirst } from "../feeds/items.ts";
import type { SiteSettings } from "../site/settings.ts";
import { availableParallelism } from "node:os";
import Tinypool from "tinypool";
import { CardRenderer, cardLines, type CardText } from "./card.ts";
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

const require = createRequire(import.meta.url);

/**
 * Everything a card's pixels depend on besides its text: the layout code, the renderer's and
 * the fonts' versions. A change in any of them makes every cached card stale.
 */
function rendererStamp(): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(new URL("./card.ts", import.meta.url)));
  hash.update(readFileSync(new URL("./fonts.ts", import.meta.url)));
  for (const pkg of ["satori", "@resvg/resvg-js", "@fontsource/noto-sans", "@fontsource/ibm-plex-sans-arabic", "@fontsource/noto-sans-hebrew", "@fontsource/noto-sans-sc"]) {
    hash.update(`${pkg}@${(JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version}`);
  }
  return hash.digest("hex");
}

/**
 * Cards are kept in the on-disk cache by a hash of their text, colours and renderer, so a
 * build draws only new or changed cards. `dir` null: no cache (DISPATCH_CACHE=off).
 */
export class CardCache {
  private readonly stamp = rendererStamp();

  constructor(readonly dir: string | null) {}

  key(text: CardText, settings: SiteSettings): string {
    return createHash("sha256").update(JSON.stringify([this.stamp, text, settings.cards])).digest("hex");
  }

  has(key: string): boolean {
    return this.dir !== null && existsSync(this.file(key));
  }

  get(key: string): Buffer | null {
    if (!this.dir) return null;
    try {
      const png = readFileSync(this.file(key));
      // A truncated or foreign file is not a PNG: draw the card again.
      return png.subarray(1, 4).toString("latin1") === "PNG" ? png : null;
    } catch {
      return null;
    }
  }

  set(key: string, png: Buffer): void {
    if (!this.dir) return;
    const file = this.file(key);
    mkdirSync(path.dirname(file), { recursive: true });
    // Written whole, then renamed: a killed build never leaves half a card in the cache.
    writeFileSync(`${file}.${process.pid}.tmp`, png);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }

  private file(key: string): string {
    return path.join(this.dir!, "cards", key.slice(0, 2), `${key}.png`);
  }
}

/**
 * Which briefings get a card of their own: the newest `cards.recent` published ones, and any
 * older one whose card is already cached (`npm run cards -- --all` fills the cache for all).
 */
export function planCards(briefings: readonly Briefing[], settings: SiteSettings, cache: CardCache, now: Date, all = false): CardPlan | null {
  if (!settings.cards.enabled) return null;
  const byBriefing = new Map<string, PlannedCard>();
  publishedNewestFirst(briefings, now).forEach((briefing, index) => {
    const text = cardText(briefing, settings);
    if (all || index < settings.cards.recent || cache.has(cache.key(text, settings))) {
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
 * Draws cards on every core: each worker thread (worker.mjs → draw.ts) parses the fonts once
 * and draws its share.
 */
async function drawAll(texts: CardText[], settings: SiteSettings): Promise<Buffer[]> {
  const colours = { background: settings.cards.background, foreground: settings.cards.foreground, accent: settings.cards.accent };
  if (texts.length < POOL_MIN_CARDS || availableParallelism() < 2) {
    const renderer = new CardRenderer(colours);
    const pngs: Buffer[] = [];
    for (const text of texts) pngs.push(await renderer.render(text));
    return pngs;
  }
  const pool = new Tinypool({
    filename: new URL("./worker.mjs", import.meta.url).href,
    maxThreads: Math.min(availableParallelism(), texts.length),
  });
  try {
    const pngs = await Promise.all(texts.map((text) => pool.run({ text, colours }) as Promise<Uint8Array>));
    return pngs.map((png) => Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  } finally {
    await pool.destroy();
  }
}

/** Writes the planned cards into `outDir` (null: only into the cache), drawing only those the cache lacks. */
export async function writeCards(plan: CardPlan, settings: SiteSettings, cache: CardCache, outDir: string | null): Promise<CardReport> {
  const started = performance.now();
  const report: CardReport = { drawn: 0, cached: 0, ms: 0, warnings: [] };
  const cards = [plan.defaultCard, ...plan.byBriefing.values()].map((card) => ({ card, key: cache.key(card.text, settings), png: null as Buffer | null }));
  for (const entry of cards) entry.png = cache.get(entry.key);
  const toDraw = cards.filter((entry) => !entry.png);
  const fonts = new CardFonts();
  for (const { card } of toDraw) {
    const { main, second, footer } = cardLines(card.text);
    const missing = fonts.missing(`${card.text.siteTitle}${main}${second}${footer}`);
    if (missing.length > 0) report.warnings.push(`${card.source}: the share card shows empty boxes for ${missing.slice(0, 8).join(" ")}: no bundled font has them`);
  }
  const drawn = await drawAll(toDraw.map((entry) => entry.card.text), settings);
  toDraw.forEach((entry, index) => {
    entry.png = drawn[index]!;
    cache.set(entry.key, entry.png);
  });
  report.drawn = toDraw.length;
  report.cached = cards.length - toDraw.length;
  if (outDir) {
    for (const { card, png } of cards) {
      const file = path.join(outDir, card.path);
      mkdirSync(path.dirname(file), { recursive: true });
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
