import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isContraction } from "../../src/extract/names.js";
import { isPossessive, isWord, tokenize, type Tokens } from "../../src/extract/tokens.js";

const texts = (tokens: Tokens): string[] => Array.from({ length: tokens.length }, (_, i) => tokens.text(i));

describe("tokenize", () => {
  it("keeps words with inner joiners, single punctuation, and no quote marks or spaces", () => {
    const tokens = tokenize("“Ukraine's al-Ansari,” she said — 3.5 km… Jean‐Noël?");
    expect(texts(tokens)).toEqual(["Ukraine's", "al-Ansari", ",", "she", "said", "—", "3", ".", "5", "km", "…", "Jean‐Noël", "?"]);
    expect(tokens.start(1)).toBe(11);
    expect(tokens.end(1)).toBe(20);
    expect(tokens.indexAt(11)).toBe(1);
    expect(tokens.indexAt(12)).toBe(2);
  });

  it("grows past its initial room when tokens are denser than one per four characters", () => {
    const text = ",".repeat(1_000) + "a.".repeat(1_000);
    const tokens = tokenize(text);
    expect(tokens.length).toBe(3_000);
    expect(tokens.start(2_999)).toBe(2_999);
    expect(tokens.end(2_999)).toBe(3_000);
    expect(texts(tokens).join("")).toBe(text);
  });

  it("flags capitals and sentence stops without slicing, and lower-cases words only", () => {
    const tokens = tokenize("Keir al-Ansari el-sisi ÉCOLE 𝐀lpha x 3 ǅemal . ? ! … ;");
    expect(Array.from({ length: tokens.length }, (_, i) => tokens.capitalised(i))).toEqual([
      true, true, false, true, true, false, false, true, false, false, false, false, false,
    ]);
    expect(Array.from({ length: tokens.length }, (_, i) => tokens.stop(i))).toEqual([
      false, false, false, false, false, false, false, false, true, true, true, true, false,
    ]);
    expect(tokens.lower(0)).toBe("keir");
    expect(tokens.lower(3)).toBe("école");
    expect(isWord(tokens, 0) && !isWord(tokens, 8)).toBe(true);
  });

  it("lower-cases every token as toLowerCase does, ASCII read in place (İ, Σ, ǅ, 𝐀 and mixed case included)", () => {
    const text = "Keir iPhone UK x1 al-Ansari ÉCOLE İstanbul ΣΟΦΙΑ ǅemal 𝐀lpha 𐐀𐐨 état , . — ’ ; 日本";
    const tokens = tokenize(text);
    const all = Array.from({ length: tokens.length }, (_, i) => i);
    expect(all.map((i) => tokens.lower(i))).toEqual(all.map((i) => (/^[\p{L}\p{N}\p{M}]/u.test(tokens.text(i)) ? tokens.text(i).toLowerCase() : tokens.text(i))));
    expect(all.map((i) => tokens.text(i)).join(" ")).toBe(text.replace(" ’", ""));
  });

  it("reads past either end as empty, never throwing", () => {
    const tokens = tokenize("Starmer's plan");
    expect(isPossessive(tokens, 0)).toBe(true);
    expect([tokens.text(-1), tokens.lower(2), tokens.text(99)]).toEqual(["", "", ""]);
    expect(tokens.capitalised(-1) || tokens.capitalised(2) || tokens.stop(5)).toBe(false);
  });

  it("lets a lone high surrogate take the next unit with it, as the character classes do", () => {
    expect(texts(tokenize("a \ud800b c"))).toEqual(["a", "\ud800b", "c"]);
  });
});

describe("contractions", () => {
  it("are what the regex says, whatever the word (the apostrophe pre-check settles most without it)", () => {
    const regex = /(?:n['’]t|['’](?:re|m|ll|ve|d)|^(?:that|there|it|what|who|let)['’]s)$/u;
    const piece = fc.constantFrom("n", "t", "'", "’", "re", "m", "ll", "ve", "d", "s", "that", "there", "it", "who", "let", "x", "é", "");
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => isContraction(pieces.join("")) === regex.test(pieces.join(""))), { numRuns: 2000 });
    expect(["don't", "we’re", "that's", "i'm", "she'd", "let’s", "o'neill", "it's's"].map(isContraction)).toEqual([true, true, true, true, true, true, false, false]);
  });
});
