import sanitizeHtml from "sanitize-html";

export interface WebBody {
  html: string;
  /** What was removed, for the editor: `<tweet>`, `<script>`, `onclick on <p>`, `<iframe> from evil.example`. */
  dropped: string[];
}

/** Elements a newsroom pastes on purpose: text, figures, tables, details, media and embeds. */
const TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  "img", "picture", "source", "figure", "figcaption", "del", "ins", "details", "summary",
  "iframe", "audio", "video", "track",
];

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

/**
 * The web page's body, cleaned with an allow-list: raw HTML an editor pastes may carry elements
 * no browser knows (a CMS's <tweet> wrapper: invalid HTML), scripts, event handlers, or embeds
 * from anywhere. Unknown wrappers are unwrapped (their text stays), scripts and styles go with
 * their content, and iframes stay only from `embedHosts` (a host or any of its subdomains, over
 * https). Feeds and email are cleaned again, more strictly (src/html/syndicate.ts).
 */
export function cleanForWeb(html: string, embedHosts: readonly string[]): WebBody {
  const dropped = new Set<string>();
  const clean = sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: { ...ATTRIBUTES, "*": [...(ATTRIBUTES["*"] ?? []), "data-*"] },
    allowedStyles: { td: { "text-align": [/^(left|right|center)$/] }, th: { "text-align": [/^(left|right|center)$/] } },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https", "data"], source: ["http", "https"], iframe: ["https"], video: ["http", "https"], audio: ["http", "https"], track: ["http", "https"] },
    allowProtocolRelative: false,
    allowedIframeDomains: [...embedHosts],
    allowIframeRelativeUrls: false,
    selfClosing: [...sanitizeHtml.defaults.selfClosing, "source", "track"],
    // An iframe or image whose src was refused would be an empty box (and invalid): remove it whole.
    exclusiveFilter: (frame) => (frame.tag === "iframe" || frame.tag === "img") && !frame.attribs.src,
    onOpenTag: (tag, attributes) => {
      if (!TAGS.includes(tag)) {
        dropped.add(`<${tag}>`);
        return;
      }
      if (tag === "iframe" && !iframeHostAllowed(attributes.src, embedHosts)) dropped.add(`<iframe> from ${hostOf(attributes.src)}`);
      if (tag === "img" && !/^(https?:|data:|[^:]*$)/i.test(attributes.src ?? "")) dropped.add(`<img> with src ${JSON.stringify(attributes.src ?? "")}`);
      const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(attributes.href ?? "")?.[1]?.toLowerCase();
      if (tag === "a" && scheme && !["http", "https", "mailto", "tel"].includes(scheme)) dropped.add(`a ${scheme}: link`);
      for (const attribute of Object.keys(attributes)) {
        if (!allowed(tag, attribute)) dropped.add(`${attribute} on <${tag}>`);
      }
    },
  });
  // sanitize-html writes void elements XHTML-style (<hr />); the pages are HTML, where the slash is
  // noise that html-validate flags. Text and attribute values have every ">" escaped by now, so
  // " />" can only end a tag.
  return { html: clean.replaceAll(" />", ">"), dropped: [...dropped] };
}
