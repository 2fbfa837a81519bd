import { setImmediate as nextTurn } from "node:timers/promises";
import { CardRenderer, type CardColours, type CardText } from "./card.ts";

/**
 * Draws cards one after another (in a worker thread: src/cards/worker.mjs). resvg-js frees a
 * card's pixels (~3 MB) in a finalizer that Node runs only on a later turn of the event loop, so
 * a loop that only awaits promises keeps every card's pixels until its thread ends: yielding a
 * turn after each card keeps the thread's memory flat (100 cards in one process: 533 MB RSS without, 215 MB with).
 */
export default async function drawCards({ texts, colours }: { texts: CardText[]; colours: CardColours }): Promise<Uint8Array[]> {
  const renderer = new CardRenderer(colours);
  const pngs: Uint8Array[] = [];
  for (const text of texts) {
    // A copy with a buffer of its own, which the worker hands to the main thread without copying.
    pngs.push(new Uint8Array(await renderer.render(text)));
    await nextTurn();
  }
  return pngs;
}
