import * as cheerio from "cheerio";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/extract/index.ts";
import { renderMarkdown, typographic } from "../../src/markdown/render.ts";
import { runBuild, type BuildRun } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

// Briefings typed with straight quotes: the body's typographer makes them curly, and so must every place
// that shows extracted text (dek, In brief, pull quote, cards, feeds, email).
const LEDE = `The council's budget passed on Monday after what the mayor called a "long night".`;
const BODY = [
  LEDE,
  `Bus fares will fall by a third from April, the council's finance chief said on Tuesday.`,
  `"We have listened to the people who use the buses every day," Mayor Ana O'Neill told reporters outside the town hall.`,
  `Tram services will run every ten minutes on the city's main routes from the summer.`,
  `Work on the new depot will start in June, the transport authority's director said.`,
].join("\n\n");

// A speaker written with a party label (`Sen. Ana Ruiz (D-Ore.) told`) is credited with it wherever the pull quote is shown.
const LABELLED = [
  "The Senate passed the harbour bill on Monday after a long night of votes.",
  `"We finally gave the towns on the coast the money they were promised years ago," Sen. Ana Ruiz (D-Ore.) told reporters on the steps.`,
  "The bill now goes to the House, where its fate is less certain.",
].join("\n\n");

const out = path.join(tempFolder("dispatch-out-").dir, "dist");
let build: BuildRun;
const read = (file: string) => readFileSync(path.join(out, file), "utf8");

beforeAll(() => {
  const briefings = tempFolder("dispatch-briefings-");
  briefings.write("2026/budget.md", briefingSource({ title: "Budget passes", date: "2026-01-05" }, BODY));
  briefings.write("2025/harbour.md", briefingSource({ title: "Harbour bill passes", date: "2025-12-01" }, LABELLED));
  briefings.write("2026/own-dek.md", briefingSource({ title: "Own dek", date: "2026-01-04", summary: `"'The people's budget', as the mayor put it."` }, BODY));
  build = runBuild(briefings.dir, out);
});

const STRAIGHT = /["']/u;

describe("typographic", () => {
  it("applies the body's typographer rules to plain text, and nothing else", () => {
    expect(typographic(`He said "no" -- it's over... 'Really'.`)).toBe("He said “no” – it’s over… ‘Really’.");
    // Plain text is not Markdown: no emphasis, entities, escapes, links or HTML are read into it.
    const literal = "5 * 3 * 2, _x_, &amp;, \\*, [a](b), <b>x</b>, `code`";
    expect(typographic(literal)).toBe(literal);
    expect(typographic("")).toBe("");
  });

  it("curls two apostrophes typed for a double mark one by one, as the body does, and no quotation is read from them", () => {
    const typed = "''We open at nine,'' the baker said.";
    expect(typographic(typed)).toBe("‘‘We open at nine,’’ the baker said.");
    expect(renderMarkdown(typed)).toBe(`<p>${typographic(typed)}</p>\n`);
    expect(analyze(typed).quotes).toEqual([]);
    expect(analyze(typographic(typed)).quotes).toEqual([]);
  });
});

describe("extracted text shown with the body's typography", () => {
  it("builds", () => {
    expect(build.status, build.stderr).toBe(0);
  });

  it("gives the In brief box, the pull quote and the meta description curly quotes and apostrophes, and prints the lede once", () => {
    const $ = cheerio.load(read("briefings/2026/budget/index.html"));
    expect($(".body p").first().text()).toBe("The council’s budget passed on Monday after what the mayor called a “long night”.");
    expect($(".dek")).toHaveLength(0); // the summary is the lede, which the body shows
    expect($('meta[name="description"]').attr("content")).toBe("The council’s budget passed on Monday after what the mayor called a “long night”.");
    const points = $(".in-brief li").map((_, li) => $(li).text()).get();
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.join(" ")).toContain("’s");
    for (const point of points) expect(point).not.toMatch(STRAIGHT);
    expect($(".pull-quote blockquote").text()).toBe("We have listened to the people who use the buses every day.");
    expect($(".pull-quote figcaption").text()).toBe("Ana O’Neill");
  });

  it("shows a front-matter summary as the dek, typographic too", () => {
    const $ = cheerio.load(read("briefings/2026/own-dek/index.html"));
    expect($(".dek").text()).toBe("‘The people’s budget’, as the mayor put it.");
  });

  it("uses the same typography in cards, feed summaries and the email", () => {
    const home = cheerio.load(read("index.html"));
    expect(home.text()).toContain("The council’s budget passed");
    const feed = JSON.parse(read("feed.json")) as { items: { id: string; summary?: string }[] };
    expect(feed.items.map((item) => item.summary)).toEqual([
      "The council’s budget passed on Monday after what the mayor called a “long night”.",
      "‘The people’s budget’, as the mayor put it.",
      "The Senate passed the harbour bill on Monday after a long night of votes.",
    ]);
    const email = cheerio.load(read("email/2026/budget/index.html"));
    // The preheader (the hidden first line inbox previews show) keeps the summary.
    expect(email("body > div").first().text().startsWith("The council’s budget passed on Monday")).toBe(true);
    const points = email(".points li").map((_, li) => email(li).text()).get();
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const point of points) expect(point).not.toMatch(STRAIGHT);
  });

  it("credits a speaker with the party label written after the name: page, share card, email and its text part", () => {
    const page = cheerio.load(read("briefings/2025/harbour/index.html"));
    expect(page(".pull-quote figcaption").text()).toBe("Ana Ruiz (D-Ore.)");
    expect(page('meta[property="og:image:alt"]').attr("content")).toMatch(/” — Ana Ruiz \(D-Ore\.\)$/u);
    const email = cheerio.load(read("email/2025/harbour/index.html"));
    expect(email(".quote-speaker").text()).toBe("— Ana Ruiz (D-Ore.)");
    expect(read("email/2025/harbour/email.txt")).toContain("> — Ana Ruiz (D-Ore.)\n");
  });
});
