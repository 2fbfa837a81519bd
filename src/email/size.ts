/**
 * Gmail clips a message whose HTML passes about 102 KB and hides the rest behind "View entire
 * message" (tracking pixels and the unsubscribe link included). We count 102,000 bytes, the
 * smaller reading of "KB", and reserve 15,000 bytes for what the mailing tool adds when it sends:
 * rewritten tracking links (each href grows by ~80–150 bytes), an open pixel and its footer.
 */
export const GMAIL_CLIP_BYTES = 102_000;
export const TOOL_RESERVE_BYTES = 15_000;
/** Above this (with the reserve) the editor is warned: a few more paragraphs and it clips. */
export const WARN_BYTES = 80_000;

export type SizeVerdict = "ok" | "warn" | "clipped";

/** Bytes as sent: the HTML in UTF-8 plus the tool's reserve. */
export function estimatedSentBytes(htmlBytes: number): number {
  return htmlBytes + TOOL_RESERVE_BYTES;
}

export function sizeVerdict(htmlBytes: number): SizeVerdict {
  const sent = estimatedSentBytes(htmlBytes);
  if (sent > GMAIL_CLIP_BYTES) return "clipped";
  return sent > WARN_BYTES ? "warn" : "ok";
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
