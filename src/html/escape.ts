const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Plain text as HTML or XML text and attribute values: the one escaper for markup that
 * TypeScript writes by hand (feeds' type="html" fields, sitemaps, the dev server's pages).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}

/**
 * Text as sanitize-html writes it (&, < and > escaped, quotes as they are), for the one-pass
 * cleaners that write its bytes. Most text has nothing to escape: includes() finds that out
 * several times faster than a pattern.
 */
export function escapeText(text: string): string {
  return text.includes("&") || text.includes("<") || text.includes(">") ? text.replace(/[&<>]/g, (char) => ESCAPES[char]!) : text;
}
