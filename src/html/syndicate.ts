import sanitizeHtml from "sanitize-html";
import { resolveAgainst } from "../urls.ts";

function resolveSrcset(srcset: string, pageUrl: string, base: string): string {
  return srcset
    .split(/,\s+/)
    .map((candidate) => {
      const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
      return [resolveAgainst(url, pageUrl, base), ...descriptor].join(" ");
    })
    .join(", ");
}

export function resolveAttributes(attribs: Record<string, string>, pageUrl: string, base: string): Record<string, string> {
  const out = { ...attribs };
  for (const name of ["href", "src"] as const) {
    const value = out[name];
    if (value === undefined) continue;
    try {
      out[name] = resolveAgainst(value, pageUrl, base);
    } catch {
      delete out[name];
    }
  }
  if (out.srcset !== undefined) {
    try {
      out.srcset = resolveSrcset(out.srcset, pageUrl, base);
    } catch {
      delete out.srcset;
    }
  }
  return out;
}

/**
 * What syndicated HTML may hold: these tags, these attributes (per tag, and "*" on every tag),
 * URLs with these schemes. The one list: cleanForSyndication gives it to sanitize-html, and the
 * email's one pass (src/email/clean.ts) reads it to apply the same rules to parser events.
 */
export const SYNDICATION = {
  tags: [...sanitizeHtml.defaults.allowedTags, "img", "picture", "source", "figure", "figcaption", "del", "ins", "sup", "sub"],
  attributes: {
    "*": ["id", "lang", "dir", "title"],
    a: ["href", "name", "rel"],
    img: ["src", "srcset", "sizes", "alt", "width", "height"],
    source: ["srcset", "sizes", "type", "media"],
    ol: ["start", "type", "reversed"],
    td: ["colspan", "rowspan", "align"],
    th: ["colspan", "rowspan", "align", "scope"],
    time: ["datetime"],
  } as Record<string, string[]>,
  schemes: ["http", "https", "mailto", "tel"],
  schemesByTag: { img: ["http", "https"], source: ["http", "https"] } as Record<string, string[]>,
  /** Tags whose URLs (href, src, srcset) are made absolute before the rules apply. */
  resolved: ["a", "img", "source"],
};

/**
 * Makes a rendered body safe to leave the website: feeds and email get no scripts, no event
 * handlers, no javascript:/data: URLs, and every href, src and srcset absolute (footnote
 * anchors become permalink#fn1), since readers and mail clients have no base URL.
 */
export function cleanForSyndication(html: string, pageUrl: string, base: string): string {
  const resolve = (tagName: string, attribs: Record<string, string>) => ({
    tagName,
    attribs: resolveAttributes(attribs, pageUrl, base),
  });
  return sanitizeHtml(html, {
    allowedTags: SYNDICATION.tags,
    allowedAttributes: SYNDICATION.attributes,
    allowedSchemes: SYNDICATION.schemes,
    allowedSchemesByTag: SYNDICATION.schemesByTag,
    allowProtocolRelative: false,
    // <source> is a void element: written as <source></source> it is invalid HTML in a feed.
    selfClosing: [...sanitizeHtml.defaults.selfClosing, "source"],
    transformTags: Object.fromEntries(SYNDICATION.resolved.map((tag) => [tag, resolve])),
  });
}
