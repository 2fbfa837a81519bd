// The search index's thread (startSearchIndex in index.ts): loads its code at once, indexes the
// staged site when told to, answers with the report or the failure, and ends.
import { parentPort, workerData } from "node:worker_threads";
// A worker thread does not inherit the parent's TypeScript loader (tsx): load the code through it.
import { tsImport } from "tsx/esm/api";

const { searchThreadAnswer } = await tsImport("./index.ts", import.meta.url);
parentPort.once("message", async () => parentPort.postMessage(await searchThreadAnswer(workerData)));
