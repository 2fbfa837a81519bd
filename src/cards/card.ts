import { truncateAtWord } from "../extract/index.ts";
import { CardFonts } from "./fonts.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What one card shows: a pull quote and its speaker, or a headline and its summary. */
export interface CardText {
  siteTitle: string;
  /** The quotation, when the briefing has a pull quote. */
  quote: { text: string; speaker: string | null } | null;
  title: string;
  summary: string;
  direction: "ltr" | "rtl";
}

export interface CardColours {
  background: string;
  foreground: string;
  accent: string;
}

/** Longest texts a 1200×630 card holds at its sizes; longer ones are cut at a word with "…". */
const PADDING_X = 72;
const LIMITS = { quote: 140, title: 120, summary: 190, speaker: 60, footer: 90 } as const;

type Node = { type: string; props: { style: Record<string, string | number>; children?: Node[] | string } };

const el = (type: string, style: Node["props"]["style"], children?: Node[] | string): Node => ({ type, props: { style, children } });

/** The texts as they will be drawn, each cut to fit. */
export function cardLines(card: CardText): { main: string; second: string; footer: string } {
  if (card.quote) {
    const speaker = card.quote.speaker ? `— ${truncateAtWord(card.quote.speaker, LIMITS.speaker)}` : "";
    return { main: `“${truncateAtWord(card.quote.text.replace(/^[“"]|[”"]$/gu, ""), LIMITS.quote)}”`, second: speaker, footer: truncateAtWord(card.title, LIMITS.footer) };
  }
  return { main: truncateAtWord(card.title, LIMITS.title), second: truncateAtWord(card.summary, LIMITS.summary), footer: "" };
}

/** Every character the card draws: what its fonts must cover. */
export function cardCharacters(card: CardText): string {
  const { main, second, footer } = cardLines(card);
  return `${card.siteTitle}${main}${second}${footer}`;
}

function layout(card: CardText, colours: CardColours, fontFamily: string): Node {
  const lines = cardLines(card);
  const align = card.direction === "rtl" ? "flex-end" : "flex-start";
  const textAlign = card.direction === "rtl" ? "right" : "left";
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
      text({ fontSize: 30, fontWeight: 700, color: colours.accent }, card.siteTitle),
      el("div", { display: "flex", flexDirection: "column", alignItems: align, gap: 24 }, [
        text({ fontSize: card.quote ? 48 : 60, fontWeight: 700, lineHeight: 1.2 }, lines.main),
        ...(lines.second ? [text({ fontSize: card.quote ? 34 : 32, fontWeight: card.quote ? 700 : 400, lineHeight: 1.35, color: card.quote ? colours.accent : colours.foreground }, lines.second)] : []),
      ]),
      text({ fontSize: 26, fontWeight: 400 }, lines.footer),
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

  async render(card: CardText): Promise<Buffer> {
    const [{ default: satori }, { Resvg }] = await loadEngines();
    const { fonts, family } = this.fonts.forText(cardCharacters(card));
    const svg = await satori(layout(card, this.colours, family) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
    return new Resvg(svg, { fitTo: { mode: "width", value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
  }
}
