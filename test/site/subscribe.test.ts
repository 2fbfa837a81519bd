import * as cheerio from "cheerio";
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { ContentError } from "../../src/config/errors.ts";
import { parseSiteSettings } from "../../src/config/settings.ts";
import { fixtureCopy, ROOT, runBuild, type BuildRun } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

const EMBED =
  '<div id="mc"><form action="https://example.us1.list-manage.com/subscribe/post?u=1" method="post" onsubmit="steal()">' +
  '<label for="mce-EMAIL">Email address</label><input type="email" name="EMAIL" id="mce-EMAIL" required>' +
  '<div style="position: absolute; left: -5000px;" aria-hidden="true"><input type="text" name="b_1" tabindex="-1" value=""></div>' +
  '<button type="submit">Subscribe</button></form><script src="https://evil.example/x.js"></script>' +
  '<a href="javascript:alert(1)" onclick="x()">Terms</a><iframe src="https://evil.example/"></iframe></div>';

const project = JSON.parse(readFileSync(path.join(ROOT, "content/_data/site.json"), "utf8")) as Record<string, unknown>;
const out = path.join(tempFolder("dispatch-subscribe-").dir, "dist");
let build: BuildRun;
const page = (file: string) => cheerio.load(readFileSync(path.join(out, file), "utf8"));

beforeAll(() => {
  const settings = tempFolder("dispatch-settings-");
  const file = settings.write("site.json", JSON.stringify({ ...project, subscribe: { embed: EMBED, heading: "Get it by email" } }));
  build = runBuild(fixtureCopy().dir, out, { SITE_URL: "https://example.org/news/", DISPATCH_SETTINGS: file });
});

describe("the subscribe box from subscribe.embed (full build)", () => {
  it("shows the tool's form, cleaned of scripts and handlers, beside the feed links on the home and briefing pages", () => {
    expect(build.status, build.stderr).toBe(0);
    for (const file of ["index.html", "briefings/2026/uk-france-ukraine-troops/index.html"]) {
      const $ = page(file);
      const box = $("aside.subscribe");
      expect(box.find("h2").text()).toBe("Get it by email");
      expect(box.find('form[action="https://example.us1.list-manage.com/subscribe/post?u=1"] input[type=email][name=EMAIL]').length).toBe(1);
      expect(box.find("script, iframe, [onsubmit], [onclick]").length).toBe(0);
      expect(box.find("a").filter((_, a) => ($(a).attr("href") ?? "").startsWith("javascript:")).length).toBe(0);
      // The anti-spam field stays hidden off-screen.
      expect(box.find('input[name="b_1"]').parent().attr("class")).toBe("visually-hidden");
      expect(box.find("[style]").length).toBe(0);
      expect(box.find(".subscribe-feeds a").map((_, a) => $(a).attr("href")).get()).toEqual(["/news/feed.xml", "/news/atom.xml", "/news/feed.json"]);
    }
    expect(page("archive/index.html")("aside.subscribe").length).toBe(0);
  });

  it("passes html-validate", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off", "attribute-boolean-style": "off" } });
    for (const file of ["index.html", "briefings/2026/uk-france-ukraine-troops/index.html"]) {
      const report = await validator.validateString(readFileSync(path.join(out, file), "utf8"), file);
      expect(report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });
});

describe("subscribe settings", () => {
  const base = { title: "T", description: "D", url: "https://x.org/", language: "en-GB", publisher: { name: "P" } };
  const problems = (subscribe: unknown): string[] => {
    try {
      parseSiteSettings({ ...base, subscribe }, "content/_data/site.json", {});
      return [];
    } catch (error) {
      if (error instanceof ContentError) return error.problems;
      throw error;
    }
  };

  it("takes a hosted sign-up page's address", () => {
    expect(parseSiteSettings({ ...base, subscribe: { url: "https://example.org/join" } }, "site.json", {}).subscribe?.url).toBe("https://example.org/join");
    expect(problems({ url: "javascript:alert(1)" })[0]).toMatch(/"subscribe\.url" must be a web address/);
    expect(problems({})[0]).toMatch(/needs "url" .* or "embed"/);
  });

  it("refuses an embed that is only a script, naming the fix, unless scripts are explicitly allowed", () => {
    const script = '<script src="https://tool.example/form.js"></script>';
    expect(problems({ embed: script })).toEqual([expect.stringMatching(/^content\/_data\/site\.json: "subscribe\.embed" holds no <form.*"subscribe\.allowScripts": true/)]);
    expect(parseSiteSettings({ ...base, subscribe: { embed: script, allowScripts: true } }, "site.json", {}).subscribe?.embed).toBe(script);
  });
});
