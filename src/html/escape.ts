const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Plain text as HTML or XML text and attribute values: the one escaper for markup that
 * TypeScript writes by hand (feeds' type="html" fields, sitemaps, the dev server's pages).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}
