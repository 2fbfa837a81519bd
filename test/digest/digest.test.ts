import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDigests, renderDigestEmail } from "../../src/digest/index.ts";
import { digestPeriods } from "../../src/digest/periods.ts";
import { isoDate, isoWeekday } from "../../src/dates.ts";
import { sizeVerdict } from "../../src/email/size.ts";
import { makeBriefing, makeSettings } from "../email/fixtures.ts";
import { jingErrors, parseXmlFeed, text } from "../helpers/feeds.ts";
import { fixtureCopy, listFiles, ROOT, runBuild } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";

const at = (slug: string, date: string, extra: Parameters<typeof makeBriefing>[0] = {}) => makeBriefing({ slug, date, ...extra });

describe("digest periods", () => {
  it("groups by ISO week from Monday, across a year's end, in the site's time zone", () => {
    const settings = makeSettings({ timeZone: "Europe/London" });
    const periods = digestPeriods(
      [
        at("thu", "2026-01-01T10:00:00+00:00"),
        at("mon", "2025-12-29T00:30:00+00:00"),
        // 23:30 on Sunday in London although it is already Monday in Tokyo: the week before.
        at("sun", "2025-12-29T08:30:00+09:00"),
      ],
      settings,
    );
    expect(periods.map((p) => [p.key, isoDate(p.start), isoDate(p.end), p.briefings.map((b) => b.slug)])).toEqual([
      ["2026-w01", "2025-12-29", "2026-01-04", ["thu", "mon"]],
      ["2025-w52", "2025-12-22", "2025-12-28", ["sun"]],
    ]);
  });

  it("starts weeks on another day, or groups by month", () => {
    const sunday = makeSettings({ timeZone: "UTC", digest: { weekStartsOn: "sunday" } });
    const briefings = [at("sun", "2026-01-11T09:00:00Z"), at("sat", "2026-01-10T09:00:00Z")];
    const weeks = digestPeriods(briefings, sunday);
    expect(weeks.map((p) => [p.key, isoWeekday(p.start), p.briefings.length])).toEqual([
      // Sunday 11 to Saturday 17 January: mostly ISO week 3, which holds its fourth day.
      ["2026-w03", 7, 1],
      ["2026-w02", 7, 1],
    ]);
    const months = digestPeriods([at("feb", "2026-02-01T00:00:00Z"), at("jan", "2026-01-31T23:00:00Z")], makeSettings({ timeZone: "UTC", digest: { period: "month" } }));
    expect(months.map((p) => p.key)).toEqual(["2026-02", "2026-01"]);
  });

  it("leaves out drafts and future briefings, and fills the title pattern", () => {
    const settings = makeSettings({ timeZone: "UTC", digest: { title: "{site} — {period} ({start} to {end})", intro: "Your week." } });
    const digests = buildDigests(
      [at("future", "2026-01-14T09:00:00Z"), at("draft", "2026-01-13T09:00:00Z", { draft: true }), at("live", "2026-01-12T09:00:00Z")],
      settings,
      new Date("2026-01-13T12:00:00Z"),
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]!.briefings.map((b) => b.slug)).toEqual(["live"]);
    expect(digests[0]!.title).toBe("The Dispatch — week 3, 2026 (12 January 2026 to 18 January 2026)");
    expect(buildDigests([at("live", "2026-01-12T09:00:00Z")], makeSettings({ digest: { enabled: false } }), new Date())).toEqual([]);
  });

  it("stays under Gmail's clipping limit: pull quotes go first, then the build fails naming the digest", () => {
    const settings = makeSettings({ timeZone: "UTC", digest: { period: "month" } });
    const many = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        at(`b${i}`, DateTime.fromISO("2026-01-31T09:00:00Z").minus({ hours: i * 8 }).toISO()!, {
          summary: `Summary ${i}: ${"a long and careful sentence about the news ".repeat(6)}`,
          keyQuote: { text: `Quote ${i}: ${"words that someone said on the record ".repeat(8)}`, speaker: "A Speaker" },
        }),
      );
    const [fits] = buildDigests(many(40), settings, new Date("2026-03-01"));
    const email = renderDigestEmail(fits!, settings);
    expect(sizeVerdict(email.bytes)).not.toBe("clipped");
    expect(email.html).not.toContain("Quote 0:");
    expect(email.html).toContain("Summary 39:");
    const [huge] = buildDigests(many(90), settings, new Date("2026-03-01"));
    expect(() => renderDigestEmail(huge!, settings)).toThrow(/digest 2026-01: the email of its 90 briefings is too large for Gmail/);
  });
});

describe("the digest in a full build", () => {
  const out = path.join(tempFolder("dispatch-digest-").dir, "dist");
  let files: string[];
  let briefingsDir: string;
  const read = (file: string) => readFileSync(path.join(out, file), "utf8");

  beforeAll(() => {
    const briefings = fixtureCopy();
    briefingsDir = briefings.dir;
    briefings.write("2026/later.md", briefingSource({ title: '"A later briefing & more"', date: "2026-01-14T09:00:00Z" }));
    expect(runBuild(briefings.dir, out).status).toBe(0);
    files = listFiles(out);
  });

  it("writes each period's email in four parts, a web page, and an Atom feed of digests", async () => {
    for (const key of ["2026-w03", "2026-w02", "2026-w01"]) {
      for (const part of ["index.html", "fragment.html", "email.txt", "preview/index.html"]) expect(files).toContain(`email/digest/${key}/${part}`);
      expect(files).toContain(`digest/${key}/index.html`);
    }
    const feed = await parseXmlFeed(read("digest/atom.xml"));
    expect(feed.items.map((item) => text(item, "atom:id"))).toEqual([
      "https://dispatch.example.org/digest/2026-w03/",
      "https://dispatch.example.org/digest/2026-w02/",
      "https://dispatch.example.org/digest/2026-w01/",
    ]);
    expect(jingErrors([read("digest/atom.xml")])).toBe("");
  });

  it("lists the week's published briefings newest first, with links, and nothing unpublished", () => {
    const $ = cheerio.load(read("email/digest/2026-w02/index.html"));
    const links = $("h2 a").map((_, el) => $(el).attr("href")).get();
    expect(links).toEqual([
      "https://dispatch.example.org/briefings/2026/nasty-title/",
      "https://dispatch.example.org/briefings/2026/world-scripts/",
      "https://dispatch.example.org/briefings/2026/uk-france-ukraine-troops/",
      "https://dispatch.example.org/briefings/2026/empty-body/",
    ]);
    expect($(".quote-text").length).toBeGreaterThan(0);
    const all = files.filter((f) => f.includes("digest")).map(read).join("\n");
    expect(all).not.toContain("must not be published");
    expect(all).not.toContain("from the future");
    const page = cheerio.load(read("digest/2026-w02/index.html"));
    expect(page("a[rel=prev]").attr("href")).toBe("/digest/2026-w03/");
    expect(page("a[rel=next]").attr("href")).toBe("/digest/2026-w01/");
  });

  it("prints the latest digest with npm run email -- --digest latest, as built", () => {
    const email = (briefings: string, ...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/cli/email.ts", "--digest", ...args], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, DISPATCH_BRIEFINGS: briefings },
      });
    const latest = email(briefingsDir, "latest");
    expect(latest.status).toBe(0);
    expect(latest.stdout).toBe(read("email/digest/2026-w03/index.html"));
    expect(email(briefingsDir, "2026-w02", "--text").stdout).toBe(read("email/digest/2026-w02/email.txt"));
    const none = email(tempFolder("dispatch-empty-").dir, "latest");
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("There is no digest: no briefing is published yet.");
  });
});
