import sanitizeHtml from "sanitize-html";
import { htmlFacts, type HtmlFacts } from "./depth.ts";
import { escapeHtml, escapeText } from "./escape.ts";
import { readAll, Reshaped } from "./events.ts";

export interface WebBody {
  html: string;
  /** What was removed, for the editor: `<tweet>`, `<script>`, `onclick on <p>`, `<iframe> from evil.example`. */
  dropped: string[];
  /** The cleaned HTML's depth, links and images (checked by the build). */
  facts: HtmlFacts;
}

/** Elements a newsroom pastes on purpose: text, figures, tables, details, media and embeds. */
const TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  "img", "picture", "source", "figure", "figcaption", "del", "ins", "details", "summary",
  "iframe", "audio", "video", "track",
];
const TAG_SET = new Set(TAGS);

const SCHEMES = ["http", "https", "mailto", "tel"];
const SCHEMES_BY_TAG: Record<string, string[]> = { img: ["http", "https", "data"], source: ["http", "https"], iframe: ["https"], video: ["http", "https"], audio: ["http", "https"], track: ["http", "https"] };
const SELF_CLOSING = [...sanitizeHtml.defaults.selfClosing, "source", "track"];

const ATTRIBUTES: Record<string, string[]> = {
  "*": ["id", "class", "lang", "dir", "title", "aria-label", "aria-hidden", "role"],
  a: ["href", "name", "rel", "target", "hreflang"],
  img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
  source: ["src", "srcset", "sizes", "type", "media"],
  iframe: ["src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy", "sandbox"],
  video: ["src", "controls", "poster", "width", "height", "preload", "muted", "loop", "playsinline"],
  audio: ["src", "controls", "preload", "muted", "loop"],
  track: ["src", "kind", "srclang", "label", "default"],
  ol: ["start", "type", "reversed"],
  td: ["colspan", "rowspan", "style"],
  th: ["colspan", "rowspan", "scope", "style"],
  time: ["datetime"],
  details: ["open"],
  blockquote: ["cite"],
  q: ["cite"],
  del: ["cite", "datetime"],
  ins: ["cite", "datetime"],
  data: ["value"],
};

const allowed = (tag: string, attribute: string) =>
  (ATTRIBUTES["*"] ?? []).includes(attribute) || (ATTRIBUTES[tag] ?? []).includes(attribute) || /^data-[\w-]+$/.test(attribute);

function iframeHostAllowed(src: string | undefined, hosts: readonly string[]): boolean {
  if (src === undefined) return false;
  try {
    const url = new URL(src);
    return url.protocol === "https:" && hosts.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));
  } catch {
    return false;
  }
}

function hostOf(src: string | undefined): string {
  try {
    return new URL(src ?? "").hostname || "nowhere";
  } catch {
    return src ? JSON.stringify(src) : "nowhere";
  }
}

/** What the cleaning removes from one start tag, as the editor is told (the same for both ways of cleaning). */
function noteDropped(dropped: Set<string>, embedHosts: readonly string[]) {
  return (tag: string, attributes: Record<string, string>): void => {
    if (!TAG_SET.has(tag)) {
      dropped.add(`<${tag}>`);
      return;
    }
    if (tag === "iframe" && !iframeHostAllowed(attributes.src, embedHosts)) dropped.add(`<iframe> from ${hostOf(attributes.src)}`);
    if (tag === "img" && !/^(https?:|data:|[^:]*$)/i.test(attributes.src ?? "")) dropped.add(`<img> with src ${JSON.stringify(attributes.src ?? "")}`);
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(attributes.href ?? "")?.[1]?.toLowerCase();
    if (tag === "a" && scheme && !SCHEMES.includes(scheme)) dropped.add(`a ${scheme}: link`);
    for (const attribute of Object.keys(attributes)) {
      if (!allowed(tag, attribute)) dropped.add(`${attribute} on <${tag}>`);
    }
  };
}

/**
 * The web page's body, cleaned with an allow-list: raw HTML an editor pastes may carry elements
 * no browser knows (a CMS's <tweet> wrapper: invalid HTML), scripts, event handlers, or embeds
 * from anywhere. Unknown wrappers are unwrapped (their text stays), scripts and styles go with
 * their content, and iframes stay only from `embedHosts` (a host or any of its subdomains, over
 * https). Feeds and email are cleaned again, more strictly (src/html/syndicate.ts).
 *
 * A body with nothing to remove is cleaned in one pass of the parser that also reads its facts
 * (webInOnePass); any other goes through sanitize-html, and its output is parsed again for them.
 */
export function cleanForWeb(html: string, embedHosts: readonly string[]): WebBody {
  return webInOnePass(html, embedHosts) ?? sanitizeForWeb(html, embedHosts);
}

/** cleanForWeb by sanitize-html alone, whatever the body holds. */
export function sanitizeForWeb(html: string, embedHosts: readonly string[]): WebBody {
  const dropped = new Set<string>();
  const clean = sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: { ...ATTRIBUTES, "*": [...(ATTRIBUTES["*"] ?? []), "data-*"] },
    allowedStyles: { td: { "text-align": [/^(left|right|center)$/] }, th: { "text-align": [/^(left|right|center)$/] } },
    allowedSchemes: SCHEMES,
    allowedSchemesByTag: SCHEMES_BY_TAG,
    allowProtocolRelative: false,
    allowedIframeDomains: [...embedHosts],
    allowIframeRelativeUrls: false,
    selfClosing: SELF_CLOSING,
    // An iframe or image whose src was refused would be an empty box (and invalid): remove it whole.
    exclusiveFilter: (frame) => (frame.tag === "iframe" || frame.tag === "img") && !frame.attribs.src,
    onOpenTag: noteDropped(dropped, embedHosts),
  });
  // sanitize-html writes void elements XHTML-style (<hr />); the pages are HTML, where the slash is
  // noise that html-validate flags. Text and attribute values have every ">" escaped by now, so
  // " />" can only end a tag.
  const web = clean.replaceAll(" />", ">");
  return { html: web, dropped: [...dropped], facts: htmlFacts(web) };
}

const VOID_WRITTEN = new Set(SELF_CLOSING);
const NON_BOOLEAN = new Set(sanitizeHtml.defaults.nonBooleanAttributes);
const URL_ATTRIBUTES = new Set(sanitizeHtml.defaults.allowedSchemesAppliedToAttributes);
/** The one style sanitize-html keeps (on td and th), as it writes it back: Markdown's column alignment. */
const ALIGNMENT = /^text-align:(left|right|center)$/;
// eslint-disable-next-line no-control-regex -- what launder strips from a URL before reading its scheme
const STRIPPED_IN_URLS = /[\x00-\x20]|<!--/;

/** Whether sanitize-html keeps this URL as written (launder's naughtyHref on a URL it has nothing to strip from). */
function urlKept(tag: string, url: string): boolean {
  if (STRIPPED_IN_URLS.test(url)) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(url)?.[1];
  if (scheme === undefined) return !/^[/\\]{2}/.test(url);
  return (SCHEMES_BY_TAG[tag] ?? SCHEMES).includes(scheme.toLowerCase());
}

/**
 * cleanForWeb in one pass of the parser, writing the bytes sanitize-html writes (with void elements
 * as HTML), and the facts htmlFacts reads in them; null (sanitize-html then cleans it) at anything
 * the cleaning removes or rewrites other than a comment, at an iframe (its host is checked there),
 * a srcset (rewritten by its own parser), a style other than a column's alignment, or a tag the
 * parser implied or closed by itself (the cleaned HTML would then be read otherwise).
 */
export function webInOnePass(html: string, embedHosts: readonly string[]): WebBody | null {
  const dropped = new Set<string>();
  const note = noteDropped(dropped, embedHosts);
  const open: string[] = [];
  let web = "";
  let deepest = 0;
  const hrefs: string[] = [];
  const images: string[] = [];
  const complete = readAll(html, {
    onopentag(name, attribs, isImplied) {
      note(name, attribs);
      if (isImplied || !TAG_SET.has(name) || name === "iframe" || (name === "img" && !attribs.src)) throw new Reshaped();
      web += `<${name}`;
      for (const attribute in attribs) {
        const value = attribs[attribute]!;
        if (!allowed(name, attribute) || attribute === "srcset") throw new Reshaped();
        if (value === "") {
          if (attribute === "alt") web += ' alt=""';
          else if (NON_BOOLEAN.has(attribute)) throw new Reshaped();
          else web += ` ${attribute}`;
          continue;
        }
        if ((URL_ATTRIBUTES.has(attribute) && !urlKept(name, value)) || (attribute === "style" && !ALIGNMENT.test(value))) throw new Reshaped();
        web += ` ${attribute}="${escapeHtml(value)}"`;
      }
      web += ">";
      open.push(name);
      if (open.length > deepest) deepest = open.length;
      if (name === "a" && attribs.href !== undefined) hrefs.push(attribs.href);
      else if (name === "img") images.push(attribs.src!);
    },
    onclosetag(name, isImplied) {
      if ((isImplied && !VOID_WRITTEN.has(name)) || open.pop() !== name) throw new Reshaped();
      if (!VOID_WRITTEN.has(name)) web += `</${name}>`;
    },
    ontext(text) {
      web += escapeText(text);
    },
  });
  return complete ? { html: web, dropped: [...dropped], facts: { depth: deepest, hrefs, images } } : null;
}
