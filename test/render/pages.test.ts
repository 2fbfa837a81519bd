import Eleventy, { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createBuildContext } from "../../src/build/context.ts";
import { dispatchPlugin } from "../../src/eleventy/plugin.ts";
import { NUNJUCKS_OPTIONS } from "../../src/render/helpers.ts";
import { basePath } from "../../src/urls.ts";
import { FIXTURE_BRIEFINGS, ROOT } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

/** The briefing page as an Eleventy template, as pages/briefing.njk was before pages left Eleventy. */
const ELEVENTY_BRIEFING_PAGE = `---
pagination:
  data: briefings
  size: 1
  alias: briefing
permalink: "{{ briefing.path }}"
layout: briefing.njk
---
`;

describe("briefing pages rendered outside Eleventy (src/render/pages.ts)", () => {
  for (const url of ["https://dispatch.example.org/", "https://example.org/news/"]) {
    it(`are the bytes Eleventy writes from the same layouts (site at ${url})`, async () => {
      const env = { ...process.env, DISPATCH_BRIEFINGS: FIXTURE_BRIEFINGS, DISPATCH_CACHE: "off", SITE_URL: url };
      // Drafts and future briefings too, with the dev server's preview link: every branch of the layout.
      const context = createBuildContext({ dev: true, env });
      expect(context.briefings.length).toBeGreaterThan(4);
      const input = tempFolder();
      input.write("briefing.njk", ELEVENTY_BRIEFING_PAGE);
      const output = path.join(tempFolder().dir, "site");
      // Eleventy as .eleventy.ts sets it up, rendering the briefing pages itself after the plugin wrote ours.
      const config = (eleventyConfig: UserConfig) => {
        eleventyConfig.addPlugin(dispatchPlugin, { dev: true, context });
        // What Eleventy's briefing pages read besides the plugin's global data.
        eleventyConfig.addGlobalData("related", context.related);
        eleventyConfig.addPlugin(HtmlBasePlugin);
        eleventyConfig.setNunjucksEnvironmentOptions(NUNJUCKS_OPTIONS);
        eleventyConfig.setIncludesDirectory(path.relative(input.dir, path.join(ROOT, "layouts")));
      };
      const eleventy = new Eleventy(input.dir, output, { quietMode: true, pathPrefix: basePath(url), config });
      eleventy.disableLogger();
      await eleventy.write();
      for (const briefing of context.briefings) {
        const eleventyPage = readFileSync(path.join(output, briefing.path, "index.html"), "utf8");
        expect(await context.pages.render(briefing), briefing.sourcePath).toBe(eleventyPage);
      }
      // The base path reached the pages: a site path in a link carries it.
      const first = await context.pages.render(context.briefings[0]!);
      expect(first).toContain(`href="${basePath(url)}assets/site.css"`);
    });
  }
});
