import { CommandError, findContentError, rootError } from "../errors.ts";

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
    for (const line of describeFailure(name, error, Boolean(process.env.DEBUG))) console.error(line);
  }
}

export function describeFailure(name: string, error: unknown, debug: boolean): string[] {
  const content = findContentError(error);
  if (content) return content.problems;
  const inner = rootError(error);
  if (inner instanceof CommandError) return [`${name}: ${inner.message}`];
  if (debug) return [`${name} failed:`, inner instanceof Error ? (inner.stack ?? inner.message) : String(inner)];
  const message = inner instanceof Error ? inner.message.split("\n")[0] : String(inner);
  return [`${name} failed: ${message} (run again with DEBUG=1 to see where)`];
}
