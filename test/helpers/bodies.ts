import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { syntheticBody } from "../../src/bench/corpus.ts";
import { splitFrontMatter } from "../../src/content/frontmatter.ts";
import { ROOT } from "./site.ts";

/** The Markdown bodies of the sample site, the fixture site and `bench` of the benchmark's briefings, by name. */
export function markdownBodies(bench = 20): [string, string][] {
  const fromFolder = (dir: string): [string, string][] =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".md"))
      .sort()
      .map((name) => [name, splitFrontMatter(readFileSync(path.join(dir, name), "utf8")).body]);
  return [
    ...fromFolder(path.join(ROOT, "content/briefings")),
    ...fromFolder(path.join(ROOT, "test/fixtures/site/briefings")),
    ...Array.from({ length: bench }, (_, index): [string, string] => [`bench ${index}`, syntheticBody(index)]),
  ];
}
