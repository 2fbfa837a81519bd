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

/** Finds a ContentError however deep Eleventy has wrapped it (it nests causes several levels down). */
export function findContentError(error: unknown): ContentError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 20 && current; depth += 1) {
    if (current instanceof ContentError) return current;
    if (current instanceof Error && current.name === "ContentError" && "problems" in current) {
      return current as ContentError;
    }
    current = current instanceof Error ? (current.cause ?? (current as { originalError?: unknown }).originalError) : null;
  }
  return null;
}
