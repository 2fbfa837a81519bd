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

/** Node's errors from the file system carry these; `dest` is a rename's or copy's target. */
type SystemError = NodeJS.ErrnoException & { dest?: string };

/** The operating system's error (ENOSPC, EACCES, …) an error wraps, if any. */
export function findSystemError(error: unknown): SystemError | null {
  for (const link of errorChain(error)) {
    const code = (link as NodeJS.ErrnoException | null)?.code;
    if (link instanceof Error && typeof code === "string" && /^E[A-Z0-9]+$/.test(code) && "syscall" in link) return link as SystemError;
  }
  return null;
}

/**
 * A disk or permission error in one clause: what failed, on which path (or in which folder), and
 * the fix. Null for anything that is not such an error.
 */
export function describeSystemError(error: unknown, folder?: string): string | null {
  const system = findSystemError(error);
  if (!system) return null;
  // A write to an open file names no path: the folder being written stands in.
  const where = system.path ? `${system.path}${system.dest ? ` → ${system.dest}` : ""}` : (folder ?? "a file");
  switch (system.code) {
    case "ENOSPC":
    case "EDQUOT":
      return `the disk is full (${system.code}) writing ${where}; free some space and build again`;
    case "EACCES":
    case "EPERM":
      return `no permission (${system.code}) to ${system.syscall} ${where}; make that folder writable for this user, or set DISPATCH_OUT to a folder you can write`;
    case "EROFS":
      return `${where} is on a read-only disk (EROFS); set DISPATCH_OUT to a folder on a writable disk`;
    default:
      // Node's messages read "CODE: what happened, syscall 'path'".
      return `${system.syscall} ${where} failed (${system.message.split(",")[0]}); fix that path and build again`;
  }
}
