import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { splitFrontMatter } from "../../src/content/frontmatter.ts";
import type { Briefing } from "../../src/content/types.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { parseSiteSettings, type SiteSettings } from "../../src/config/settings.ts";

/** Site settings as content/_data/site.json would give them, with overrides. */
export function makeSettings(overrides: Record<string, unknown> = {}, email: Record<string, unknown> = {}): SiteSettings {
  return parseSiteSettings(
    {
      title: "The Dispatch",
      description: "A short, sourced briefing.",
      url: "https://dispatch.example.org/news/",
      language: "en-GB",
      timeZone: "Europe/London",
      publisher: { name: "Dispatch Newsroom", address: "1 Example Street, London EC1A 1AA" },
      ...overrides,
      email: { tool: "generic", ...email },
    },
    "site.json",
    {},
  );
}

export const SAMPLE_MARKDOWN = `A panel of climate scientists said on Thursday that 2026 is on course to be among the three hottest years on record.[^1]

## The findings

The panel's [annual report](/reports/2026/) draws on data from more than 40,000 weather stations, and the [WMO](https://wmo.int/) agrees.

![Sea-surface temperature map](/images/sst.png)

| Year | Anomaly |
| ---- | ------- |
| 2024 | +1.5 °C |

"The trend is not in doubt," said Dr. Amira Haddad.

[^1]: Provisional figures.
`;

/** A briefing as the loader would produce it, from Markdown (rendered the way the site renders it). */
export function makeBriefing(overrides: Partial<Briefing> & { markdown?: string } = {}): Briefing {
  const markdown = overrides.markdown ?? SAMPLE_MARKDOWN;
  const slug = overrides.slug ?? "climate-report";
  const path = `/briefings/2026/${slug}/`;
  return {
    sourcePath: `content/briefings/2026/${slug}.md`,
    slug,
    path,
    url: `https://dispatch.example.org/news${path}`,
    title: "Science panel warns 2026 on course to be among the hottest years",
    date: "2026-01-15T07:00:00+00:00",
    updated: null,
    summary: "A panel of climate scientists said 2026 is on course to be among the three hottest years on record.",
    tags: [],
    authors: [{ name: "Dispatch Newsroom" }],
    image: null,
    draft: false,
    email: true,
    allowClipped: false,
    html: renderMarkdown(markdown),
    quotes: [],
    keyQuote: { text: "The trend is not in doubt. What remains open is how fast we respond.", speaker: "Dr. Amira Haddad" },
    keyPoints: ["2026 is on course to be among the three hottest years.", "Sea temperatures were above average for eleven months."],
    wordCount: 120,
    readingTimeMinutes: 1,
    newer: null,
    older: null,
    data: {},
    ...overrides,
    markdown,
  } as Briefing;
}

const LONG_WORD = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft".repeat(3);
const LONG_URL = `https://example.com/${"very-long-path-segment/".repeat(12)}?query=${"x".repeat(80)}`;

/** Everything an editor (or a pasted press release) can throw at the email. */
export const NASTY_MARKDOWN = `Prices rose 5% & more <script>alert("body")</script> in Zürich 🇨🇭 — see [the table](#table).

<p onclick="alert(1)" style="display:flex;position:absolute">Styled <a href="javascript:alert(1)">link</a> and <a href="/relative/page/">relative</a>.</p>

${LONG_WORD}

<${LONG_URL}>

שלום עולם: ממשלת ישראל הודיעה היום על תקציב חדש. مرحبا بالعالم

<form action="/subscribe"><input name="email"></form>
<iframe src="https://evil.example/"></iframe>

![An SVG chart](/images/chart.svg)
![A WebP photo](/images/photo.webp)
<img src="data:image/png;base64,iVBORw0KGgo=" alt="Inline data image">
<img src="/images/map.jpg" alt="A map of the region" width="1200" height="800">
<picture><source srcset="/images/a.webp" type="image/webp"><img src="/images/a.jpg" alt="Picture fallback" width="300" height="200"></picture>

| Country | 2024 | 2025 | 2026 | Source |
| ------- | ---- | ---- | ---- | ------ |
| ${LONG_WORD.slice(0, 60)} | 1 | 2 | 3 | ${LONG_URL} |

\`\`\`
const averyveryverylonglineofcodethatwouldnormallyoverflowthecolumnonaphone = "${"y".repeat(120)}";
\`\`\`
`;

export function makeNastyBriefing(): Briefing {
  return makeBriefing({
    slug: "nasty",
    title: `Budget <script>alert("title")</script> & "cuts" 🇪🇺 — תקציב`,
    summary: `Ministers <b>agreed</b> & argued; "quotes" 'and' </div> emoji 🧾 and עברית.`,
    keyPoints: [`<img src=x onerror=alert(1)> is text here`, `A & B < C > D`],
    keyQuote: { text: `</p><script>alert("quote")</script> We will "deliver"`, speaker: `O'Brien & <Co>` },
    markdown: NASTY_MARKDOWN,
  });
}

/** The sample briefings in content/briefings, read without the project loader (its extractors may be absent). */
export function loadSampleBriefings(): Briefing[] {
  const dir = path.join(process.cwd(), "content", "briefings", "2026");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .map((name) => {
      const { data, body } = splitFrontMatter(readFileSync(path.join(dir, name), "utf8"));
      const slug = name.replace(/\.md$/, "");
      const firstParagraph = body.trim().split(/\n\s*\n/)[0] ?? "";
      return makeBriefing({
        sourcePath: `content/briefings/2026/${name}`,
        slug,
        title: String(data.title),
        date: new Date(String(data.date)).toISOString().replace(".000Z", "+00:00"),
        summary: firstParagraph,
        keyQuote: null,
        keyPoints: [],
        markdown: body,
      });
    });
}
