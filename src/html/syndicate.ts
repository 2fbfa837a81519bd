import sanitizeHtml from "sanitize-html";
import { resolveAgainst } from "../urls.ts";
import { escapeHtml, escapeText } from "./escape.ts";
import { normalised, readAll, type Reader, Reshaped } from "./events.ts";
import { VOID } from "./void.ts";

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
 * URLs with these schemes. The one list: sanitize-html is given it, and cleaningReader applies the
 * same rules to parser events (for the feeds' bodies and the email's one pass).
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

const TAGS = new Set(SYNDICATION.tags);
const RESOLVED = new Set(SYNDICATION.resolved);
const ANY_TAG = SYNDICATION.attributes["*"] ?? [];
/** A URL attribute's value is already absolute (resolveAttributes): its scheme is what it starts with. */
const SCHEME = (schemes: string[]) => new RegExp(`^(${schemes.join("|")}):`);
const SCHEMES = SCHEME(SYNDICATION.schemes);
const SCHEMES_BY_TAG = new Map(Object.entries(SYNDICATION.schemesByTag).map(([tag, schemes]) => [tag, SCHEME(schemes)]));
const URL_ATTRIBUTES = new Set(["href", "src", "srcset"]);
/** The URLs an attribute holds: a srcset holds one per candidate ("a.jpg 2x, b.jpg 3x"). */
const urlsOf = (attribute: string, value: string) => (attribute === "srcset" ? value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "") : [value]);

/**
 * cleanForSyndication's rules applied to the parser events of a rendered body, so that a body is
 * cleaned in one parse instead of by sanitize-html (and, for the email, parsed again): `writer`
 * receives the events a parser would give for the cleaned HTML.
 *
 * It only passes what the cleaning would keep as it is, and declines (throws Reshaped, and the
 * caller cleans with sanitize-html as before) at anything the cleaning would remove or rewrite
 * other than an attribute: a tag not on the list (script, style, iframe, form, …, with or without
 * their content), a comment, a processing instruction, a tag the parser implied (the cleaning
 * writes what it implies), an href or src that does not resolve, or an href, src or srcset URL whose scheme is not allowed
 * (javascript:, data:, …), an empty value other than alt, a CR or NUL. Attributes not on the
 * list (event handlers, style, class, …) are dropped, as the cleaning drops them. Text and values
 * reach `writer` decoded, as a parser of the cleaned HTML would give them; it escapes them.
 */
export function cleaningReader(writer: Reader, pageUrl: string, base: string): Reader {
  return {
    onopentag(name, attribs, isImplied) {
      if (isImplied || !TAGS.has(name)) throw new Reshaped();
      const source = RESOLVED.has(name) ? resolveAttributes(attribs, pageUrl, base) : attribs;
      if ((attribs.href !== undefined && source.href === undefined) || (attribs.src !== undefined && source.src === undefined)) throw new Reshaped();
      const allowed = SYNDICATION.attributes[name];
      const kept: Record<string, string> = {};
      for (const [attribute, value] of Object.entries(source)) {
        if (!allowed?.includes(attribute) && !ANY_TAG.includes(attribute)) continue;
        if (value === "" ? attribute !== "alt" : normalised(value)) throw new Reshaped();
        if (URL_ATTRIBUTES.has(attribute) && !urlsOf(attribute, value).every((url) => (SCHEMES_BY_TAG.get(name) ?? SCHEMES).test(url))) throw new Reshaped();
        kept[attribute] = value;
      }
      writer.onopentag?.(name, kept, false);
    },
    onclosetag(name, isImplied) {
      if (isImplied && !VOID.has(name)) throw new Reshaped();
      writer.onclosetag?.(name, isImplied);
    },
    ontext(text) {
      if (normalised(text)) throw new Reshaped();
      writer.ontext?.(text);
    },
    oncomment() {
      throw new Reshaped();
    },
    onprocessinginstruction() {
      throw new Reshaped();
    },
  };
}

/** Where sanitize-html writes " />" and no end tag: its default list, and <source>. */
const SELF_CLOSING = new Set([...sanitizeHtml.defaults.selfClosing, "source"]);

/**
 * The events cleaningReader passes, written as sanitize-html writes what it keeps: attributes in
 * their order, an empty alt as alt="", text and values escaped as it escapes them. It declines a
 * srcset, which sanitize-html rewrites through its own srcset parser.
 */
function sanitizeHtmlWriter(): Reader & { html: () => string } {
  let html = "";
  return {
    onopentag(name, attribs) {
      html += `<${name}`;
      for (const attribute in attribs) {
        if (attribute === "srcset") throw new Reshaped();
        const value = attribs[attribute]!;
        html += value === "" ? ` ${attribute}=""` : ` ${attribute}="${escapeHtml(value)}"`;
      }
      html += SELF_CLOSING.has(name) ? " />" : ">";
    },
    onclosetag(name) {
      if (!SELF_CLOSING.has(name)) html += `</${name}>`;
    },
    ontext(text) {
      html += escapeText(text);
    },
    html: () => html,
  };
}

/**
 * Makes a rendered body safe to leave the website: feeds and email get no scripts, no event
 * handlers, no javascript:/data: URLs, and every href, src and srcset absolute (footnote
 * anchors become permalink#fn1), since readers and mail clients have no base URL.
 */
export function cleanForSyndication(html: string, pageUrl: string, base: string): string {
  return syndicateInOnePass(html, pageUrl, base) ?? sanitizeForSyndication(html, pageUrl, base);
}

/**
 * cleanForSyndication in one pass of the parser (cleaningReader), writing the bytes sanitize-html
 * writes, for a body with nothing to remove or rewrite but attributes; null for any other body.
 */
export function syndicateInOnePass(html: string, pageUrl: string, base: string): string | null {
  const writer = sanitizeHtmlWriter();
  return readAll(html, cleaningReader(writer, pageUrl, base)) ? writer.html() : null;
}

/** cleanForSyndication by sanitize-html alone, whatever the body holds. */
export function sanitizeForSyndication(html: string, pageUrl: string, base: string): string {
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
    selfClosing: [...SELF_CLOSING],
    transformTags: Object.fromEntries(SYNDICATION.resolved.map((tag) => [tag, resolve])),
  });
}
