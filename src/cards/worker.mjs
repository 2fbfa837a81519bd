// A worker thread does not inherit the parent's TypeScript loader (tsx): load the card code through it.
import { tsImport } from "tsx/esm/api";

const { default: drawCard } = await tsImport("./draw.ts", import.meta.url);

export default drawCard;
