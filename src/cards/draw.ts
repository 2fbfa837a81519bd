import { CardRenderer, type CardColours, type CardText } from "./card.ts";

/**
 * Draws a batch of cards in a worker thread (src/cards/index.ts hands these out). The worker
 * ends after its batch: resvg keeps each card's pixels (~3 MB) until its thread ends, so one
 * thread drawing a whole archive would grow by gigabytes.
 */
export default async function drawCards({ texts, colours }: { texts: CardText[]; colours: CardColours }): Promise<Uint8Array[]> {
  const renderer = new CardRenderer(colours);
  const pngs: Uint8Array[] = [];
  for (const text of texts) pngs.push(new Uint8Array(await renderer.render(text)));
  return pngs;
}
