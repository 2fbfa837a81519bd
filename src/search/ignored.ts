import { VOID } from "../html/void.ts";


/** A start tag that carries data-pagefind-ignore (any value). */
const IGNORED_START = /<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?\sdata-pagefind-ignore(?=[\s=/>])[^>]*>/g;

/**
 * Where the element whose content starts at `from` ends (just after its closing tag), counting
 * nested elements of the same name; -1 when it never closes.
 */
function elementEnd(html: string, name: string, from: number): number {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, "gi");
  tags.lastIndex = from;
  let depth = 1;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    if (tag[1]) depth -= 1;
    else if (!tag[0].endsWith("/>")) depth += 1;
    if (depth === 0) return tags.lastIndex;
  }
  return -1;
}

/**
 * A page's HTML without the elements marked data-pagefind-ignore (related briefings, neighbours,
 * the subscribe box…), which Pagefind leaves out of the index anyway: what is indexed then no
 * longer changes when another briefing's title does. An element holding Pagefind filters, meta or
 * sort keys (which count even inside an ignored element) is kept whole, and so is everything from
 * an element that never closes on. Linear in the page's length.
 */
export function withoutIgnored(html: string): string {
  let kept = "";
  let from = 0;
  IGNORED_START.lastIndex = 0;
  for (let start = IGNORED_START.exec(html); start; start = IGNORED_START.exec(html)) {
    const name = start[1]!.toLowerCase();
    if (VOID.has(name)) continue;
    const contentStart = IGNORED_START.lastIndex;
    const end = elementEnd(html, name, contentStart);
    // Unbalanced from here on: Pagefind decides what the rest means.
    if (end < 0) break;
    // The scan goes on after the element either way, so every byte is looked at about twice.
    IGNORED_START.lastIndex = end;
    if (html.slice(contentStart, end).includes("data-pagefind-")) continue;
    kept += html.slice(from, start.index);
    from = end;
  }
  return kept + html.slice(from);
}
