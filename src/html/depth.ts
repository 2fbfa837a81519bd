import { Parser } from "htmlparser2";

/**
 * How deep HTML may nest. Email inlining, the plain-text step and the feeds' cleaning walk the
 * tree recursively and overflow the stack somewhere between 2,000 and 5,000 levels; real
 * articles stay below 30, so 256 leaves room on both sides.
 */
export const MAX_HTML_DEPTH = 256;

/** What the build checks in a body's HTML: its deepest nesting and the addresses it links and shows. */
export interface HtmlFacts {
  depth: number;
  /** Every `<a href>`, in order, entities decoded (duplicates kept). */
  hrefs: string[];
  /** Every `<img src>`, likewise. */
  images: string[];
}

/** The nesting depth, links and images of an HTML fragment, read as one stream (no tree, no recursion). */
export function htmlFacts(html: string): HtmlFacts {
  let depth = 0;
  let deepest = 0;
  const hrefs: string[] = [];
  const images: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (name === "a" && attributes.href !== undefined) hrefs.push(attributes.href);
      else if (name === "img" && attributes.src !== undefined) images.push(attributes.src);
    },
    // Also called for void elements and for tags the parser closes by itself (<p><p>).
    onclosetag() {
      depth -= 1;
    },
  });
  parser.end(html);
  return { depth: deepest, hrefs, images };
}
