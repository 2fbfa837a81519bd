/** Seeded bodies of hand-written HTML, some of it hostile, for comparing a one-pass cleaner with sanitize-html. */

/** Hand-written HTML, some of it hostile, that the seeded bodies below are made of: elements (start tag, end tag) holding more of the same, and pieces. */
const ELEMENTS: [string, string][] = [
  ["<p>", "</p>"], ['<p title="a &amp; &quot;b&quot; &lt;c&gt;">', "</p>"], ['<p onclick="alert(1)" style="color:red" class="x">', "</p>"], ['<p id="">', "</p>"], ['<p lang="fr" dir="rtl">', "</p>"],
  ["<b>", "</b>"], ["<em>", "</em>"], ['<span data-x="1">', "</span>"], ["<div>", "</div>"], ["<blockquote>", "</blockquote>"], ['<P CLASS="y">', "</P>"], ["<h2 id=\"h\">", "</h2>"],
  ['<a href="/page/?a=1&amp;b=2">', "</a>"], ['<a href="#fn1" onmouseover="x()">', "</a>"], ['<a href="https://example.com/x" rel="noopener" target="_blank">', "</a>"], ['<a href="mailto:desk@example.org">', "</a>"],
  ['<a href="javascript:alert(1)">', "</a>"], ['<a href="JaVaScRiPt:alert(1)">', "</a>"], ['<a href=" java&#09;script:alert(1)">', "</a>"], ['<a href="data:text/html,x">', "</a>"], ['<a href="//evil.example/">', "</a>"],
  ['<a href="">', "</a>"], ['<a name="anchor">', "</a>"], ['<a href="http://[bad">', "</a>"], ["<ul><li>", "</li></ul>"], ['<ol start="3" type="a" reversed><li>', "</li></ol>"], ["<pre><code>", "</code></pre>"],
  ['<table><thead><tr><th style="text-align:right">', '</th><th align="left">1,234</th></tr></thead><tbody><tr><td style="text-align:right">12 %</td><td colspan="2">x</td></tr></tbody></table>'],
  ["<table><tbody><tr><td>", "</td></tr></tbody></table>"], ['<sup id="fnref1">', "</sup>"], ['<time datetime="2026-01-01">', "</time>"], ["<figure>", "<figcaption>cap</figcaption></figure>"],
];
const PIECES = [
  "text & more", " &nbsp;&copy;&#39;&#x201C;&amp;lt; ", "\u00a0\u200c", "é 🇪🇺 שלום", "\n", "<br>", "<br/>", "<hr>", "<wbr>", "a &lt; b &gt; c", "\"'",
  '<img src="/i/a.jpg" alt="A" width="900" height="300">', '<img src="https://x.org/b.png" alt="" onerror="alert(1)">', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="data">',
  '<img src="javascript:alert(1)" alt="js">', '<img src="/c.svg" alt="svg">', '<img srcset="/d.jpg 2x, javascript:x 1x" src="/d.jpg" sizes="10px" alt="set">',
  '<picture><source srcset="/e.webp" type="image/webp" onload="x()"><img src="/e.jpg" alt="pic" width="10" height="5"></picture>',
];
/** Rarer: what the cleaning removes or rewrites, and markup a parser repairs. */
const HOSTILE = [
  "<script>alert(1)</script>", "<style>p{}</style>", '<iframe src="https://evil.example/"></iframe>', '<form><input name="q"></form>', '<svg><circle r="1"/></svg>', "<textarea>&lt;b&gt;</textarea>",
  "<!-- a comment -->", "<?php x ?>", "<![CDATA[x]]>", "<!doctype html>", "<title>t</title>", "&#13;", "&#0;", "line\r\nbreak", "<", ">", "</br>", "</p>", "<p>", "</b>", "<pre>\nx</pre>", "</div>",
];

/** A seeded body: elements nested up to `depth`, pieces between them, now and then something hostile. */
export function seededBody(random: () => number, depth: number): string {
  let html = "";
  for (let count = Math.floor(random() * 4); count >= 0; count -= 1) {
    const roll = random();
    if (roll < 0.03) html += HOSTILE[Math.floor(random() * HOSTILE.length)]!;
    else if (roll < 0.5 && depth > 0) {
      const [open, close] = ELEMENTS[Math.floor(random() * ELEMENTS.length)]!;
      html += open + seededBody(random, depth - 1) + close;
    } else html += PIECES[Math.floor(random() * PIECES.length)]!;
  }
  return html;
}

/** A deterministic pseudo-random generator (mulberry32). */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

