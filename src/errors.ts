/**
 * An error in what an editor wrote: its message is meant to be shown as it is, without a stack,
 * and names the file, the field or line, and the fix.
 */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ContentError";
  }
}

/** An error and the ones it wraps, outermost first: Eleventy nests the real one several levels down. */
export function* errorChain(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; depth < 20 && current; depth += 1) {
    yield current;
    current = current instanceof Error ? (current.cause ?? (current as { originalError?: unknown }).originalError) : null;
  }
}

export function findContentError(error: unknown): ContentError | null {
  for (const link of errorChain(error)) if (link instanceof ContentError) return link;
  return null;
}

/** The innermost error: the one whose stack points at the real problem. */
export function rootError(error: unknown): unknown {
  let last: unknown = error;
  for (const link of errorChain(error)) last = link;
  return last;
}

/** A command used the wrong way, or asked for something that cannot be done: one sentence with the fix. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandError";
  }
}

/** Why a file could not be read, in words: "no such file", "it is a folder"… */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
