import { resolveAttributes, SYNDICATION } from "../html/syndicate.ts";
import { type Reader, Reshaped, VOID } from "./html5.ts";

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
/** What a parser reads otherwise in the cleaned HTML (it is normalised, or ends the document). */
const NORMALISED = /[\r\0]/;

/**
 * cleanForSyndication's rules (src/html/syndicate.ts) applied to the parser events of a rendered
 * body, so that the email's body is read in one parse instead of being cleaned by sanitize-html
 * and parsed again: `writer` receives the events a parser would give for the cleaned HTML.
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
        if (value === "" ? attribute !== "alt" : NORMALISED.test(value)) throw new Reshaped();
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
      if (NORMALISED.test(text)) throw new Reshaped();
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
