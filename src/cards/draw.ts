import { setImmediate as nextTurn } from "node:timers/promises";
import { CardFonts } from "./fonts.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardColours {
  background: string;
  foreground: string;
  accent: string;
}

/**
 * A card's texts as drawn, already cut to fit (cardFace in card.ts): what the drawing threads
 * are handed, so that they load no extraction code.
 */
export interface CardFace {
  siteTitle: string;
  /** The pull quote in its marks, or the headline. */
  main: string;
  /** The speaker, or the summary ("" for none). */
  second: string;
  /** The headline under a pull quote ("" for none). */
  footer: string;
  quote: boolean;
  direction: "ltr" | "rtl";
}

/** Every character the card draws: what its fonts must cover. */
export function faceCharacters(face: CardFace): string {
  return `${face.siteTitle}${face.main}${face.second}${face.footer}`;
}

const PADDING_X = 72;

type Node = { type: string; props: { style: Record<string, string | number>; children?: Node[] | string } };

const el = (type: string, style: Node["props"]["style"], children?: Node[] | string): Node => ({ type, props: { style, children } });

function layout(face: CardFace, colours: CardColours, fontFamily: string): Node {
  const align = face.direction === "rtl" ? "flex-end" : "flex-start";
  const textAlign = face.direction === "rtl" ? "right" : "left";
  // The text column's width: without it a long line runs past the card's edge.
  const text = (style: Node["props"]["style"], value: string) => el("div", { display: "flex", width: CARD_WIDTH - 2 * PADDING_X, textAlign, justifyContent: align, ...style }, value);
  return el(
    "div",
    {
      display: "flex",
      flexDirection: "column",
      justifyContent: "space-between",
      alignItems: align,
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: "border-box",
      padding: `56px ${PADDING_X}px`,
      backgroundColor: colours.background,
      color: colours.foreground,
      fontFamily,
      borderTop: `16px solid ${colours.accent}`,
    },
    [
      text({ fontSize: 30, fontWeight: 700, color: colours.accent }, face.siteTitle),
      el("div", { display: "flex", flexDirection: "column", alignItems: align, gap: 24 }, [
        text({ fontSize: face.quote ? 48 : 60, fontWeight: 700, lineHeight: 1.2 }, face.main),
        ...(face.second ? [text({ fontSize: face.quote ? 34 : 32, fontWeight: face.quote ? 700 : 400, lineHeight: 1.35, color: face.quote ? colours.accent : colours.foreground }, face.second)] : []),
      ]),
      text({ fontSize: 26, fontWeight: 400 }, face.footer),
    ],
  );
}

/**
 * satori and resvg, loaded when the first card is drawn: a build that draws its cards in worker
 * threads never loads them on its main thread (~0.3 s of CPU at start-up).
 */
let engines: Promise<[typeof import("satori"), typeof import("@resvg/resvg-js")]> | undefined;
const loadEngines = () => (engines ??= Promise.all([import("satori"), import("@resvg/resvg-js")]));

/**
 * Draws cards: satori lays the card out as SVG, resvg rasterises it to PNG. One renderer per
 * build keeps the parsed fonts; no headless browser.
 */
export class CardRenderer {
  private readonly fonts = new CardFonts();

  constructor(private readonly colours: CardColours) {}

  async render(face: CardFace): Promise<Buffer> {
    const [{ default: satori }, { Resvg }] = await loadEngines();
    const { fonts, family } = this.fonts.forText(faceCharacters(face));
    const svg = await satori(layout(face, this.colours, family) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
    return new Resvg(svg, { fitTo: { mode: "width", value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
  }
}

/**
 * Draws cards one after another (in a worker thread: src/cards/worker.mjs). resvg-js frees a
 * card's pixels (~3 MB) in a finalizer that Node runs only on a later turn of the event loop, so
 * a loop that only awaits promises keeps every card's pixels until its thread ends: yielding a
 * turn after each card keeps the thread's memory flat (100 cards in one process: 533 MB RSS without, 215 MB with).
 */
export default async function drawCards({ faces, colours }: { faces: CardFace[]; colours: CardColours }): Promise<Uint8Array[]> {
  const renderer = new CardRenderer(colours);
  const pngs: Uint8Array[] = [];
  for (const face of faces) {
    // A copy with a buffer of its own, which the worker hands to the main thread without copying.
    pngs.push(new Uint8Array(await renderer.render(face)));
    await nextTurn();
  }
  return pngs;
}
