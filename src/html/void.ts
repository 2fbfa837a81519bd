/** Elements without content or end tag, as an HTML parser reads them (the WHATWG list, with the legacy ones). */
export const VOID = new Set(["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
