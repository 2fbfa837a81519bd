// One share-card thread (src/cards/index.ts): draws the cards it was started with, hands them back, ends.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
// A worker thread does not inherit the parent's TypeScript loader (tsx): load the card code through it.
import { tsImport } from "tsx/esm/api";

// The build waits for its main thread (Eleventy), not for the cards: on Linux each thread has a
// priority (nice value) of its own, and this one gives way to the main thread, drawing on what
// the other threads leave free.
if (process.platform === "linux") setPriority(10);
const { default: drawCards } = await tsImport("./draw.ts", import.meta.url);
const pngs = await drawCards(workerData);
parentPort.postMessage(pngs, pngs.map((png) => png.buffer));
