/**
 * Deterministic synthetic briefings for benchmarks: realistic length (600–900 words),
 * headings, lists, attributed quotations, scare quotes, links, tags and dates over years.
 */

const PEOPLE = ["Keir Starmer", "Emmanuel Macron", "Ursula von der Leyen", "Kaja Kallas", "Volodymyr Zelenskyy", "Anna Weber", "Maria Lopez"];
const ROLES = ["the prime minister", "the president", "the commissioner", "a spokesperson", "the minister"];
const TAGS = ["Europe", "Defence", "Energy", "Climate", "Economy", "Transport", "Health", "Technology"];
const WORDS = (
  "government talks summit agreement security energy prices markets inflation policy budget minister " +
  "parliament vote coalition border trade tariffs investment growth report analysts officials allies " +
  "negotiations deadline proposal framework treaty sanctions support reform council regional national"
).split(" ");

/** A small seeded generator (mulberry32): the same seed gives the same corpus everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function sentence(next: () => number, words: number): string {
  const body = Array.from({ length: words }, () => pick(next, WORDS)).join(" ");
  return `${body[0]!.toUpperCase()}${body.slice(1)}.`;
}

function paragraph(next: () => number): string {
  const count = 3 + Math.floor(next() * 3);
  return Array.from({ length: count }, () => sentence(next, 12 + Math.floor(next() * 14))).join(" ");
}

function list(next: () => number): string {
  const count = 3 + Math.floor(next() * 3);
  return Array.from({ length: count }, () => `- ${sentence(next, 6 + Math.floor(next() * 8))}`).join("\n");
}

/** The Markdown body of one synthetic briefing (600–900 words). */
export function syntheticBody(seed: number): string {
  const next = random(seed);
  const speaker = pick(next, PEOPLE);
  const other = pick(next, PEOPLE);
  const parts = [
    `${speaker} said on Tuesday that ${sentence(next, 18).toLowerCase()}`,
    `## ${pick(next, ["What happened", "The background", "What comes next"])}`,
    paragraph(next),
    `"${sentence(next, 14)} ${sentence(next, 10)}" ${speaker.split(" ").at(-1)} told reporters in the capital.`,
    paragraph(next),
    list(next),
    `Critics called the plan a "${pick(next, WORDS)} ${pick(next, WORDS)}", and ${pick(next, ROLES)} said it would "${sentence(next, 8).toLowerCase().replace(/\.$/, "")}".`,
    `## ${pick(next, ["Reaction", "The numbers", "Why it matters"])}`,
    paragraph(next),
    `"${sentence(next, 12)}" said ${other}, who leads the ${pick(next, WORDS)} committee.`,
    paragraph(next),
    `The so-called '${pick(next, WORDS)} ${pick(next, WORDS)}' group meets again next month, according to [officials](https://example.org/${seed}).`,
    paragraph(next),
    `## ${pick(next, ["What to watch", "Next steps", "The outlook"])}`,
    list(next),
    paragraph(next),
    `${sentence(next, 10)} See the [full report](https://example.org/reports/${seed}) and **${pick(next, WORDS)}** figures.`,
    paragraph(next),
  ];
  return `${parts.join("\n\n")}\n`;
}

/** One whole briefing file (front matter + body), dated one day apart going back from 2026. */
export function syntheticBriefing(index: number): { file: string; text: string } {
  const next = random(index + 1);
  const date = new Date(Date.UTC(2026, 0, 1) - index * 86_400_000).toISOString().slice(0, 10);
  const tags = [pick(next, TAGS), pick(next, TAGS)];
  return {
    file: `${date.slice(0, 4)}/briefing-${index}.md`,
    text: `---\ntitle: "Synthetic briefing ${index}: ${sentence(next, 6).slice(0, -1)}"\ndate: ${date}\ntags: [${[...new Set(tags)].join(", ")}]\n---\n\n${syntheticBody(index + 1)}`,
  };
}
