import { CardRenderer, type CardColours, type CardText } from "./card.ts";

/** One renderer per worker thread: it keeps the parsed fonts between cards. */
let renderer: { colours: string; instance: CardRenderer } | null = null;

/** Draws one card in a worker thread (src/cards/index.ts hands these out). */
export default async function drawCard({ text, colours }: { text: CardText; colours: CardColours }): Promise<Uint8Array> {
  const key = JSON.stringify(colours);
  if (renderer?.colours !== key) renderer = { colours: key, instance: new CardRenderer(colours) };
  return new Uint8Array(await renderer.instance.render(text));
}
