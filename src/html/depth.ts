import { Parser } from "htmlparser2";

/**
 * How deep HTML may nest. Email inlining, the plain-text step and the feeds' cleaning walk the
 * tree recursively and overflow the stack somewhere between 2,000 and 5,000 levels; real
 * articles stay below 30, so 256 leaves room on both sides.
 */
export const MAX_HTML_DEPTH = 256;

/** The deepest nesting of elements in an HTML fragment, read as a stream (no tree, no recursion). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser(
    {
      onopentag() {
        depth += 1;
        if (depth > deepest) deepest = depth;
      },
      // Also called for void elements and for tags the parser closes by itself (<p><p>).
      onclosetag() {
        depth -= 1;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return deepest;
}
