import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { cardFace, type CardText } from "../../src/cards/card.ts";
import { CardRenderer } from "../../src/cards/draw.ts";
import { CardFonts } from "../../src/cards/fonts.ts";
import { openCache } from "../../src/cache/store.ts";
import { cardPath, DEFAULT_CARD_PATH, planCards, writeCards } from "../../src/cards/index.ts";
import { makeBriefing, makeSettings } from "../email/fixtures.ts";
import { FIXTURE_BRIEFINGS, listFiles, runBuild } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

const COLOURS = { background: "#fdfcfa", foreground: "#1b1b1b", accent: "#a11d21" };
const renderer = new CardRenderer(COLOURS);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The card's text as Tesseract reads it back, on one line. */
function ocr(png: Buffer): string {
  const file = path.join(tempFolder("dispatch-ocr-").dir, "card.png");
  writeFileSync(file, png);
  const run = spawnSync("tesseract", [file, "-", "--psm", "3"], { encoding: "utf8" });
  if (run.error) throw new Error("the card tests read text back with Tesseract: apt-get install -y tesseract-ocr");
  return run.stdout.replace(/\s+/g, " ").trim();
}

const quoteCard: CardText = {
  siteTitle: "The Dispatch",
  quote: { text: "Our support for Ukraine is unwavering, not just for today, but for the long term.", speaker: "Keir Starmer" },
  title: "UK and France ready to send troops to Ukraine after a peace deal",
  summary: "",
  direction: "ltr",
};

describe("quote cards", () => {
  it("draw a 1200×630 PNG whose text is the pull quote, its speaker, the headline and the site", async () => {
    const png = await renderer.render(cardFace(quoteCard));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    const text = ocr(png);
    expect(text).toContain("Our support for Ukraine is unwavering, not just for today, but for the long term.");
    expect(text).toContain("Keir Starmer");
    expect(text).toContain("UK and France ready to send troops");
    expect(text).toContain("The Dispatch");
  });

  it("show the headline and summary when there is no pull quote", async () => {
    const png = await renderer.render(cardFace({ ...quoteCard, quote: null, title: "Transport strike called off after late-night talks", summary: "Unions and the city reached a provisional pay deal." }));
    const text = ocr(png);
    expect(text).toContain("Transport strike called off after late-night talks");
    expect(text).toContain("provisional pay deal");
  });

  it("shorten a long quotation at a word, with an ellipsis inside the closing mark", () => {
    const long = { ...quoteCard, quote: { text: `${"Every word of this statement matters to the people who hear it ".repeat(5)}end.`, speaker: "A Minister" } };
    const { main } = cardFace(long);
    expect(main.length).toBeLessThanOrEqual(142);
    expect(main).toMatch(/^“Every word .*\p{L}…”$/u);
    expect(cardFace({ ...quoteCard, quote: null, title: "T".repeat(300), summary: "" }).main).toHaveLength(120);
  });

  it("have a bundled font for Arabic, Hebrew, Chinese, Japanese, Cyrillic and Greek titles", async () => {
    const fonts = new CardFonts();
    const titles = ["قمة باريس: اتفاق على وقف إطلاق النار", "שלום עולם", "东京峰会达成协议", "東京の朝、首脳会談で新たな合意", "Привет мир", "Καλημέρα κόσμε"];
    for (const title of titles) expect(fonts.missing(title), title).toEqual([]);
    expect(fonts.missing("ᚠᛇᚻ")).toEqual(["ᚠ", "ᛇ", "ᚻ"]);
    const rtl = await renderer.render(cardFace({ ...quoteCard, quote: null, title: titles[0]!, summary: "اتفق القادة على وقف إطلاق النار.", direction: "rtl" }));
    expect(pngSize(rtl)).toEqual({ width: 1200, height: 630 });
    const cjk = await renderer.render(cardFace({ ...quoteCard, quote: null, title: titles[2]!, summary: titles[3]! }));
    expect(pngSize(cjk)).toEqual({ width: 1200, height: 630 });
  });
});

describe("which briefings get a card, and the cache", () => {
  const settings = makeSettings({ cards: { recent: 1 } });
  const briefings = [
    makeBriefing({ slug: "newest", date: "2026-01-20T08:00:00+00:00" }),
    makeBriefing({ slug: "older", date: "2026-01-10T08:00:00+00:00", keyQuote: null, keyQuotes: [] }),
  ];
  const now = new Date("2026-02-01");

  it("draws the newest cards.recent, uses the cache for the rest, and redraws nothing unchanged", async () => {
    const cache = openCache(tempFolder("dispatch-cache-").dir);
    const out = tempFolder("dispatch-cards-").dir;
    const plan = planCards(briefings, settings, cache, now)!;
    expect([...plan.byBriefing.values()].map((card) => card.path)).toEqual(["/cards/2026/newest.png"]);
    expect(cardPath(briefings[1]!)).toBe("/cards/2026/older.png");
    const first = await writeCards(plan, settings, cache, out);
    expect(first).toMatchObject({ drawn: 2, cached: 0 });
    expect(listFiles(out)).toEqual(["cards/2026/newest.png", "cards/default.png"]);

    expect(await writeCards(planCards(briefings, settings, cache, now)!, settings, cache, out)).toMatchObject({ drawn: 0, cached: 2 });
    // `npm run cards -- --all` fills the cache; the next build then gives every briefing its card.
    expect(await writeCards(planCards(briefings, settings, cache, now, true)!, settings, cache, null)).toMatchObject({ drawn: 1, cached: 2 });
    expect([...planCards(briefings, settings, cache, now)!.byBriefing.keys()]).toEqual(["/briefings/2026/newest/", "/briefings/2026/older/"]);
  });

  it("redraws when the colours change or a cached file is damaged, and works without a cache", async () => {
    const dir = tempFolder("dispatch-cache-").dir;
    const cache = openCache(dir);
    const plan = planCards(briefings, settings, cache, now)!;
    await writeCards(plan, settings, cache, null);
    const recoloured = makeSettings({ cards: { recent: 1, accent: "#0055aa" } });
    expect(await writeCards(planCards(briefings, recoloured, cache, now)!, recoloured, cache, null)).toMatchObject({ drawn: 2 });
    for (const file of listFiles(dir)) writeFileSync(path.join(dir, file), "not a png");
    expect(await writeCards(plan, settings, cache, null)).toMatchObject({ drawn: 2, cached: 0 });
    const none = openCache(null);
    expect(await writeCards(planCards(briefings, settings, none, now)!, settings, none, null)).toMatchObject({ drawn: 2, cached: 0 });
  });
});

/** `count` briefings a day apart from 1 March 2026, planned with a card each, and a folder to draw into. */
function planMany(count: number) {
  const settings = makeSettings({ cards: { recent: 40 } });
  const many = Array.from({ length: count }, (_, i) => makeBriefing({ slug: `b${i}`, title: `Headline number ${i}`, date: `2026-03-${String(1 + i).padStart(2, "0")}T08:00:00+00:00` }));
  const none = openCache(null);
  return { settings, none, plan: planCards(many, settings, none, new Date("2026-04-01"))!, out: tempFolder("dispatch-pool-").dir };
}

describe("drawing many cards", () => {
  it("uses worker threads and draws exactly what one thread draws", async () => {
    const { settings, none, plan, out } = planMany(9);
    expect(await writeCards(plan, settings, none, out)).toMatchObject({ drawn: 10, cached: 0, warnings: [] });
    const one = plan.byBriefing.get("/briefings/2026/b4/")!;
    expect(readFileSync(path.join(out, one.path)).equals(await new CardRenderer(settings.cards).render(cardFace(one.text)))).toBe(true);
    expect(ocr(readFileSync(path.join(out, one.path)))).toContain("Headline number 4");
  });

  it("draws many cards in one worker thread, each in its place, as this thread draws them", async () => {
    const { settings, none, plan, out } = planMany(24);
    expect(await writeCards(plan, settings, none, out, 1)).toMatchObject({ drawn: 25, cached: 0 });
    const renderer = new CardRenderer(settings.cards);
    for (const slug of ["b0", "b3", "b23"]) {
      const card = plan.byBriefing.get(`/briefings/2026/${slug}/`)!;
      expect(readFileSync(path.join(out, card.path)).equals(await renderer.render(cardFace(card.text)))).toBe(true);
    }
  });
});

/** The nice value of each of this process's threads (Linux), by thread id. */
function threadNices(): Map<number, number> {
  return new Map(
    readdirSync("/proc/self/task").map((task) => {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
      // Fields after the command's closing parenthesis: the nice value is the 19th field of the line.
      return [Number(task), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])];
    }),
  );
}

describe("the drawing threads' priority", () => {
  it.runIf(process.platform === "linux")("is below the main thread's on Linux, which keeps its own", async () => {
    const { settings, none, plan } = planMany(9);
    let done = false;
    const drawing = writeCards(plan, settings, none, null, 1).finally(() => (done = true));
    const seen = new Set<number>();
    while (!done) {
      for (const [task, nice] of threadNices()) if (task !== process.pid) seen.add(nice);
      await sleep(10);
    }
    expect(await drawing).toMatchObject({ drawn: 10 });
    expect(seen).toContain(10);
    expect(threadNices().get(process.pid)).toBe(0);
  });
});

describe("cards in a full build", () => {
  const out = path.join(tempFolder("dispatch-cardsite-").dir, "dist");
  const read = (file: string) => readFileSync(path.join(out, file), "utf8");
  beforeAll(() => {
    const run = runBuild(FIXTURE_BRIEFINGS, out, { DISPATCH_CACHE: path.join(out, "..", "cache") });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Cards: \d+ share images/);
  });

  it("points og:image and twitter:image at the briefing's card, or the site's default card", () => {
    const $ = cheerio.load(read("briefings/2026/uk-france-ukraine-troops/index.html"));
    const card = "https://dispatch.example.org/cards/2026/uk-france-ukraine-troops.png";
    expect($('meta[property="og:image"]').attr("content")).toBe(card);
    expect($('meta[name="twitter:image"]').attr("content")).toBe(card);
    expect($('meta[name="twitter:card"]').attr("content")).toBe("summary_large_image");
    expect($('meta[property="og:image:alt"]').attr("content")).toMatch(/^“.+” — \S/);
    expect(pngSize(readFileSync(path.join(out, "cards/2026/uk-france-ukraine-troops.png")))).toEqual({ width: 1200, height: 630 });
    const home = cheerio.load(read("index.html"));
    expect(home('meta[property="og:image"]').attr("content")).toBe(`https://dispatch.example.org${DEFAULT_CARD_PATH}`);
    expect(listFiles(out)).toContain("cards/default.png");
  });
});
