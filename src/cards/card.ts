import { truncateAtWord } from "../extract/index.ts";
import type { CardFace } from "./draw.ts";

/** What one card shows: a pull quote and its speaker, or a headline and its summary. */
export interface CardText {
  siteTitle: string;
  /** The quotation, when the briefing has a pull quote. */
  quote: { text: string; speaker: string | null } | null;
  title: string;
  summary: string;
  direction: "ltr" | "rtl";
}

/** Longest texts a 1200×630 card holds at its sizes; longer ones are cut at a word with "…". */
const LIMITS = { quote: 140, title: 120, summary: 190, speaker: 60, footer: 90 } as const;

/** The texts as they will be drawn, each cut to fit. */
export function cardFace(card: CardText): CardFace {
  const { siteTitle, direction } = card;
  if (card.quote) {
    const speaker = card.quote.speaker ? `— ${truncateAtWord(card.quote.speaker, LIMITS.speaker)}` : "";
    const main = `“${truncateAtWord(card.quote.text.replace(/^[“"]|[”"]$/gu, ""), LIMITS.quote)}”`;
    return { siteTitle, main, second: speaker, footer: truncateAtWord(card.title, LIMITS.footer), quote: true, direction };
  }
  return { siteTitle, main: truncateAtWord(card.title, LIMITS.title), second: truncateAtWord(card.summary, LIMITS.summary), footer: "", quote: false, direction };
}
