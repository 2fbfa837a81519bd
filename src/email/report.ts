import { estimatedSentBytes, formatKb, GMAIL_CLIP_BYTES, sizeVerdict } from "./size.ts";

export interface EmailSizeReport {
  sourcePath: string;
  slug: string;
  /** UTF-8 bytes of the email HTML as we write it. */
  bytes: number;
}

const MARKS = { ok: "", warn: "  (large: close to Gmail's clipping limit)", clipped: "  (over Gmail's clipping limit)" } as const;

/** One line per email for the build log: size as written and as the mailing tool will send it. */
export function formatEmailSizeReport(report: EmailSizeReport[]): string {
  if (report.length === 0) return "Email: no briefings.";
  const width = Math.max(...report.map((entry) => entry.sourcePath.length));
  const lines = report.map((entry) => {
    const sent = estimatedSentBytes(entry.bytes);
    return `  ${entry.sourcePath.padEnd(width)}  ${formatKb(entry.bytes).padStart(8)}  (~${formatKb(sent)} sent)${MARKS[sizeVerdict(entry.bytes)]}`;
  });
  return [`Email sizes (Gmail clips above ${formatKb(GMAIL_CLIP_BYTES)}):`, ...lines].join("\n");
}

/**
 * The build log's one line about emails: how many, the largest, and how many are near or over
 * Gmail's limit (each of those is also a warning naming its file). `--verbose` prints the full
 * list instead (formatEmailSizeReport).
 */
export function formatEmailSizeSummary(report: EmailSizeReport[]): string {
  if (report.length === 0) return "Email: no briefings.";
  const largest = report.reduce((big, entry) => (entry.bytes > big.bytes ? entry : big));
  const large = report.filter((entry) => sizeVerdict(entry.bytes) !== "ok").length;
  return (
    `Email: ${report.length} edition${report.length === 1 ? "" : "s"}, largest ${formatKb(largest.bytes)} (~${formatKb(estimatedSentBytes(largest.bytes))} sent, ${largest.sourcePath}); ` +
    `${large === 0 ? "none" : large} near or over Gmail's ${formatKb(GMAIL_CLIP_BYTES)} clipping limit`
  );
}
