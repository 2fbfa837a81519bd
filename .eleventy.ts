import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { dispatchPlugin } from "./src/eleventy/plugin.ts";
import { NUNJUCKS_OPTIONS } from "./src/render/helpers.ts";
import { loadSiteSettings } from "./src/config/settings.ts";
import { projectPaths } from "./src/config/paths.ts";
import { basePath } from "./src/urls.ts";

/** Eleventy only renders: Dispatch reads the briefings and settings itself (src/). */
export default function (eleventyConfig: UserConfig) {
  const dev = process.env.ELEVENTY_RUN_MODE === "serve" || process.env.DISPATCH_DEV === "1";
  const settings = loadSiteSettings(projectPaths().settingsFile);

  eleventyConfig.addPlugin(dispatchPlugin, { dev });
  // Templates write site paths ("/archive/"); this plugin puts the base's path (pathPrefix) in front.
  eleventyConfig.addPlugin(HtmlBasePlugin);

  eleventyConfig.addPassthroughCopy({ "content/assets": "assets", "content/images": "images" });
  eleventyConfig.setNunjucksEnvironmentOptions(NUNJUCKS_OPTIONS);

  return {
    // Eleventy reads only the page templates: briefings and settings in content/ are data that
    // Dispatch reads itself (src/build/project.ts), so a stray file there is never published.
    // output: set by whoever runs Eleventy (src/build/build.ts stages it; src/cli/dev.ts uses .dev/).
    dir: { input: "pages", includes: "../layouts" },
    pathPrefix: basePath(settings.url),
    templateFormats: ["njk", "md"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
