// One share-card thread (src/cards/index.ts): draws the cards it was started with, hands them back, ends.
import { parentPort, workerData } from "node:worker_threads";
// A worker thread does not inherit the parent's TypeScript loader (tsx): load the card code through it.
import { tsImport } from "tsx/esm/api";

const { default: drawCards } = await tsImport("./draw.ts", import.meta.url);
const pngs = await drawCards(workerData);
parentPort.postMessage(pngs, pngs.map((png) => png.buffer));
