import { describe, expect, it } from "vitest";
import { withoutIgnored } from "../../src/search/ignored.ts";

describe("withoutIgnored (what Pagefind is given of a page)", () => {
  it("leaves out elements marked data-pagefind-ignore, nested elements of the same name included", () => {
    const html =
      '<article data-pagefind-body><p>Kept words.</p><section class="related" data-pagefind-ignore><h2 id="r">Related</h2>' +
      "<section><p>Inner</p></section><p>Still related</p></section><nav data-pagefind-ignore=\"all\"><a href=\"/x/\">Next</a></nav><p>Tail.</p></article>";
    expect(withoutIgnored(html)).toBe("<article data-pagefind-body><p>Kept words.</p><p>Tail.</p></article>");
  });

  it("matches tag names whatever their case, and leaves a page without ignored elements as it is", () => {
    expect(withoutIgnored("<DIV data-pagefind-ignore><div>x</div></Div><p>y</p>")).toBe("<p>y</p>");
    const plain = "<main><p>Nothing is ignored <b>here</b>.</p></main>";
    expect(withoutIgnored(plain)).toBe(plain);
  });

  it("keeps an ignored element that holds Pagefind filters, meta or sort keys, which count even there", () => {
    const html = '<aside data-pagefind-ignore><span data-pagefind-filter="tag">Ports</span></aside><p>x</p>';
    expect(withoutIgnored(html)).toBe(html);
  });

  it("keeps void elements, elements that never close, and everything after them", () => {
    const voidOne = '<img data-pagefind-ignore src="a.png" alt="A"><p>x</p>';
    expect(withoutIgnored(voidOne)).toBe(voidOne);
    const unclosed = '<div data-pagefind-ignore><p>open</p><section data-pagefind-ignore>s</section>';
    expect(withoutIgnored(unclosed)).toBe(unclosed);
  });

  it("does not take a longer attribute or element name for the marker", () => {
    const html = '<div data-pagefind-ignored="x">a</div><p data-pagefind-ignore-me>b</p><divider data-pagefind-ignore>b</divider><div>c</div>';
    expect(withoutIgnored(html)).toBe('<div data-pagefind-ignored="x">a</div><p data-pagefind-ignore-me>b</p><div>c</div>');
  });
});
