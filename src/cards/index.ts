import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Cache } from "../cache/store.ts";
import type { Briefing } from "../content/types.ts";
import { publishedNewestFirst } from "../feeds/items.ts";
import type { SiteSettings } from "../config/settings.ts";
import { cardFace, type CardText } from "./card.ts";
import drawCards, { faceCharacters, type CardFace } from "./draw.ts";
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

/** Below this many cards to draw, starting a worker thread costs more than it saves. */
const THREAD_MIN_CARDS = 8;

/**
 * Draws the cards on up to `threads` worker threads (worker.mjs → draw.ts), each started with
 * its share of the faces and drawing them one after another, or on this thread (`threads` 0,
 * or only a few cards). Drawing starts at once; `stop` ends the threads early.
 */
function drawAll(faces: CardFace[], settings: SiteSettings, threads: number): { pngs: Promise<Uint8Array[]>; stop: () => Promise<void> } {
  const colours = { background: settings.cards.background, foreground: settings.cards.foreground, accent: settings.cards.accent };
  if (faces.length < THREAD_MIN_CARDS || threads < 1) {
    return { pngs: Promise.resolve().then(() => drawCards({ faces, colours })), stop: async () => {} };
  }
  const share = Math.ceil(faces.length / threads);
  const workers: Worker[] = [];
  const parts: Promise<Uint8Array[]>[] = [];
  for (let start = 0; start < faces.length; start += share) {
    // The faces go in with the thread, so it starts drawing without waiting for this thread's event loop.
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: { faces: faces.slice(start, start + share), colours } });
    workers.push(worker);
    parts.push(
      new Promise<Uint8Array[]>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`a share card thread ended (exit code ${code}) before handing back its cards`)));
      }),
    );
  }
  const stop = async () => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  const pngs = Promise.all(parts).finally(stop).then((drawn) => drawn.flat());
  return { pngs, stop };
}

/** Cards being drawn (startCards): `finish` collects them, `stop` abandons them (a failed build). */
export interface CardDrawing {
  /** Waits for the cards, keeps the new ones in the cache and writes all into `outDir` (null: only the cache). */
  finish(outDir: string | null): Promise<CardReport>;
  stop(): Promise<void>;
}

/**
 * Starts drawing the planned cards that the cache lacks, on `threads` worker threads (default:
 * one per core; 0 draws on this thread), while the caller goes on with other work.
 */
export function startCards(plan: CardPlan, settings: SiteSettings, cache: Cache, threads = availableParallelism()): CardDrawing {
  const started = performance.now();
  const report: CardReport = { drawn: 0, cached: 0, ms: 0, warnings: [] };
  const cards = [plan.defaultCard, ...plan.byBriefing.values()].map((card) => ({ card, key: cardKey(cache, card.text, settings), png: null as Buffer | null }));
  for (const entry of cards) entry.png = cachedCard(cache, entry.key);
  const toDraw = cards.filter((entry) => !entry.png);
  const fonts = new CardFonts();
  const faces = toDraw.map(({ card }) => {
    const face = cardFace(card.text);
    const missing = fonts.missing(faceCharacters(face));
    if (missing.length > 0) report.warnings.push(`${card.source}: the share card shows empty boxes for ${missing.slice(0, 8).join(" ")}: no bundled font has them`);
    return face;
  });
  const drawing = drawAll(faces, settings, threads);
  // The report's time is the cards' own (drawing, then finish()), not the wait for the caller's other work.
  let drawnAt = started;
  // Awaited by finish(); a failure before then is not an unhandled rejection.
  drawing.pngs.then(() => (drawnAt = performance.now())).catch(() => {});
  return {
    stop: drawing.stop,
    async finish(outDir) {
      const drawn = await drawing.pngs;
      const finishing = performance.now();
      toDraw.forEach((entry, index) => {
        const png = drawn[index]!;
        entry.png = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
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
      report.ms = drawnAt - started + (performance.now() - finishing);
      return report;
    },
  };
}

/** Draws the planned cards the cache lacks and writes all into `outDir` (null: only into the cache). */
export function writeCards(plan: CardPlan, settings: SiteSettings, cache: Cache, outDir: string | null, threads = availableParallelism()): Promise<CardReport> {
  return startCards(plan, settings, cache, threads).finish(outDir);
}

export function formatCardReport(report: CardReport): string {
  const summary = `Cards: ${report.drawn + report.cached} share images (${report.drawn} drawn, ${report.cached} from the cache) in ${(report.ms / 1000).toFixed(2)} s`;
  return [summary, ...report.warnings.map((warning) => `[dispatch] warning: ${warning}`)].join("\n");
}
