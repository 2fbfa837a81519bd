import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** A font as satori takes it. */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal";
}

/**
 * The bundled open-licence fonts (SIL OFL), first match wins: Noto Sans for Latin, Greek,
 * Cyrillic and Devanagari, then Arabic, Hebrew and CJK (Noto Sans SC also has kana).
 * Each @fontsource package splits a font into files by Unicode range (unicode.json).
 */
const FAMILIES = [
  { name: "Noto Sans", pkg: "@fontsource/noto-sans", file: "noto-sans" },
  // IBM Plex Sans Arabic: Noto's Arabic places some letters' dots by mark positioning, which
  // satori does not apply (ق would read as ف).
  { name: "IBM Plex Sans Arabic", pkg: "@fontsource/ibm-plex-sans-arabic", file: "ibm-plex-sans-arabic" },
  { name: "Noto Sans Hebrew", pkg: "@fontsource/noto-sans-hebrew", file: "noto-sans-hebrew" },
  { name: "Noto Sans SC", pkg: "@fontsource/noto-sans-sc", file: "noto-sans-sc" },
] as const;

interface Subset {
  /** A family name of its own per file: satori uses one font per name and weight. */
  family: string;
  /** Path of the .woff file, with {weight} for the weight. */
  file: string;
  ranges: [number, number][];
}

const require = createRequire(import.meta.url);

function parseRanges(text: string): [number, number][] {
  return text.split(",").map((part) => {
    const [from = "0", to] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

function loadSubsets(): Subset[] {
  return FAMILIES.flatMap((family) => {
    const dir = path.dirname(require.resolve(`${family.pkg}/package.json`));
    const unicode = JSON.parse(readFileSync(path.join(dir, "unicode.json"), "utf8")) as Record<string, string>;
    return Object.entries(unicode).map(([key, ranges]) => ({
      family: `${family.name} ${key.replace(/[[\]]/g, "")}`,
      file: path.join(dir, "files", `${family.file}-${key.replace(/^\[(\d+)\]$/, "$1")}-{weight}-normal.woff`),
      ranges: parseRanges(ranges),
    }));
  });
}

/**
 * Picks, for a card's text, the few font files that hold its characters (a CJK font is
 * ~100 files; a card needs a handful). Parsed fonts are kept for the whole build.
 */
export class CardFonts {
  private readonly subsets = loadSubsets();
  private readonly files = new Map<string, Buffer>();
  private readonly sets = new Map<string, { fonts: CardFont[]; family: string }>();

  /** Characters of the text that no bundled font has (drawn as empty boxes). */
  missing(text: string): string[] {
    return [...new Set(text)].filter((char) => /\S/u.test(char) && !this.subsetFor(char));
  }

  private subsetFor(char: string): Subset | undefined {
    const code = char.codePointAt(0)!;
    return this.subsets.find((candidate) => candidate.ranges.some(([from, to]) => code >= from && code <= to));
  }

  /**
   * The fonts for this text in both weights and the CSS font-family that lists them; the same
   * array for the same files (satori keeps parsed fonts by it).
   */
  forText(text: string): { fonts: CardFont[]; family: string } {
    const wanted = new Set<Subset>();
    for (const char of new Set(text)) {
      const subset = this.subsetFor(char);
      if (subset) wanted.add(subset);
    }
    // Latin is always there: the site name and punctuation use it.
    for (const subset of this.subsets.filter((s) => s.file.includes("noto-sans-latin-{weight}"))) wanted.add(subset);
    const chosen = this.subsets.filter((subset) => wanted.has(subset));
    const key = chosen.map((subset) => subset.file).join("|");
    let set = this.sets.get(key);
    if (!set) {
      const fonts = chosen.flatMap((subset) =>
        ([400, 700] as const).map((weight) => ({ name: subset.family, data: this.read(subset.file.replace("{weight}", String(weight))), weight, style: "normal" as const })),
      );
      set = { fonts, family: chosen.map((subset) => `"${subset.family}"`).join(", ") };
      this.sets.set(key, set);
    }
    return set;
  }

  private read(file: string): Buffer {
    let data = this.files.get(file);
    if (!data) {
      data = readFileSync(file);
      this.files.set(file, data);
    }
    return data;
  }
}
