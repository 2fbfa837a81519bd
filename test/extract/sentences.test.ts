import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/extract/index.js";
import { SENTENCE_CLOSERS, SENTENCE_ENDS, charClass, endsSentence } from "../../src/extract/charsets.js";

describe("endsSentence", () => {
  it("agrees with the regex [ends][closers]*$ on strings of ends, closers and other characters", () => {
    const endsSentenceRegex = new RegExp(`[${charClass(SENTENCE_ENDS)}][${charClass(SENTENCE_CLOSERS)}]*$`, "u");
    const text = fc.array(fc.constantFrom(..."a .!?…。！？\"'”’»›」』)]([“\n🎉"), { maxLength: 12 }).map((chars) => chars.join(""));
    fc.assert(fc.property(text, (t) => endsSentence(t) === endsSentenceRegex.test(t)), { numRuns: 2000 });
    expect([endsSentence("Yes.”"), endsSentence("Yes.” a"), endsSentence(""), endsSentence(")")]).toEqual([true, false, false, false]);
  });
});

describe("splitSentences", () => {
  it.each([
    ["titles", "Mr. Smith met Mrs. Jones and Dr. Patel at St. Thomas' Hospital. They talked.", 2],
    ["dotted acronyms", "The U.K. and U.S. plans differ. They talked.", 2],
    ["No. 10", "He went to No. 10 on Monday. They talked.", 2],
    ["month abbreviations", "The riot on Jan. 6 shocked the country. They talked.", 2],
    ["decimals", "Inflation rose to 3.5% in May. They talked.", 2],
    ["initials", "J. K. Rowling wrote it. They talked.", 2],
    ["ellipsis mid-sentence", "The bridge will reopen in weeks... not months. They talked.", 2],
  ])("keeps %s inside a sentence", (_, text, count) => {
    expect(splitSentences(text)).toHaveLength(count);
  });

  it("gives the closing quote mark to the sentence it ends", () => {
    for (const [open, close] of [['"', '"'], ["'", "'"], ["“", "”"], ["‘", "’"]]) {
      expect(splitSentences(`He said ${open}we will act.${close} Then he left.`)).toEqual([
        `He said ${open}we will act.${close}`,
        "Then he left.",
      ]);
    }
  });

  it("does not split before a lower-case attribution", () => {
    expect(splitSentences("“Why now?” she asked. “We did it!” he shouted.")).toEqual(["“Why now?” she asked.", "“We did it!” he shouted."]);
  });

  it("ends a dotted acronym sentence when a new sentence clearly begins", () => {
    expect(splitSentences("The deal was signed in the U.S. The talks ended.")).toEqual(["The deal was signed in the U.S.", "The talks ended."]);
  });

  it("splits at an ellipsis followed by a new sentence and at CJK full stops", () => {
    expect(splitSentences("He paused... Then he left.")).toEqual(["He paused...", "Then he left."]);
    expect(splitSentences("我们会行动。他说。")).toEqual(["我们会行动。", "他说。"]);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("  \n ")).toEqual([]);
  });
});
