import { CommandError, findContentError, rootError } from "../config/errors.ts";

/**
 * Runs a command's main function and turns its failures into what an editor can act on: the
 * problems of a ContentError, a CommandError's sentence, or for anything unexpected one line
 * and the hint to set DEBUG for the stack. Sets the exit code.
 */
export async function runCommand(name: string, main: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    process.exitCode = 1;
    const [first, ...rest] = describeFailure(error, Boolean(process.env.DEBUG));
    console.error(findContentError(error) ? first : `${name}: ${first}`);
    for (const line of rest) console.error(line);
  }
}

/** What went wrong, as lines: the problems of a ContentError, else one line (the stack too with DEBUG). */
export function describeFailure(error: unknown, debug: boolean): string[] {
  const content = findContentError(error);
  if (content) return content.problems;
  const inner = rootError(error);
  const message = (inner instanceof Error ? inner.message : String(inner)).replace(/\s+/g, " ").trim();
  if (inner instanceof CommandError) return [message];
  if (debug) return [message, inner instanceof Error ? (inner.stack ?? "") : ""];
  return [`${message} (run again with DEBUG=1 to see where)`];
}
