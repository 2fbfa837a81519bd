/**
 * Which requests the dev server answers. It serves drafts from this machine only: a page on
 * another site can make the browser send any path, or (through DNS rebinding) any request with
 * its own host name, so both are checked before anything reads the output folder.
 */

export interface Refusal {
  status: 400 | 403;
  message: string;
}

const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

/** True for `localhost`, `127.0.0.1` and `[::1]`, with or without a port. */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

/**
 * The decoded path of a request target, or null when it is malformed (a bad `%` escape, an
 * absolute-form target) or could leave the served folder (`..` or `.` segments once decoded,
 * backslashes, NUL).
 */
export function safeRequestPath(target: string): string | null {
  if (!target.startsWith("/") || target.startsWith("//")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(target, "http://localhost").pathname);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded)) return null;
  if (decoded.split("/").some((segment) => segment === ".." || segment === ".")) return null;
  return decoded;
}

/** Why a request must be refused, or null when it may be served. */
export function refusal(host: string | undefined, target: string): Refusal | null {
  if (!isLoopbackHost(host)) {
    return { status: 403, message: `Host "${host ?? ""}" is not served: the dev server answers only http://localhost, 127.0.0.1 or [::1].` };
  }
  if (safeRequestPath(target) === null) return { status: 400, message: "Malformed or unsafe path." };
  return null;
}
