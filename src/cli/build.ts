import path from "node:path";
import { checkOutput } from "../build/guard.ts";
import { CommandError, findContentError } from "../errors.ts";
import { describeSchedule } from "../content/publish.ts";
import { loadSiteData } from "../site/data.ts";
import { projectPaths } from "../site/project.ts";
import { describeFailure } from "./run.ts";

/**
 * `npm run build`: the site, feeds and email edition into dist/ (or DISPATCH_OUT).
 * `npm run build -- --force` replaces an output folder that Dispatch did not make.
 */
async function main(): Promise<number> {
  const started = performance.now();
  try {
    const force = process.argv.slice(2).includes("--force");
    // Refused outputs are refused before Eleventy (seconds to load) is even imported.
    checkOutput(projectPaths().output, projectPaths(), { force });
    const { buildSite } = await import("../build/build.ts");
    const files = await buildSite({ force });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const output = path.relative(process.cwd(), projectPaths().output) || ".";
    console.log(`Built ${files} files into ${output}/ in ${seconds} s`);
    // The same data the build used (read once per process).
    const { scheduled, site } = loadSiteData({ dev: false });
    const schedule = describeSchedule(scheduled, site.timeZone, site.language);
    if (schedule) console.log(schedule);
    return 0;
  } catch (error) {
    const content = findContentError(error);
    if (error instanceof CommandError) {
      console.error(error.message);
    } else if (content) {
      const count = content.problems.length;
      console.error(`Build failed: ${count} problem${count === 1 ? "" : "s"} to fix (the previous output was left as it was):`);
      for (const problem of content.problems) console.error(`  ${problem}`);
    } else {
      console.error("Build failed (the previous output was left as it was):");
      for (const line of describeFailure(error, Boolean(process.env.DEBUG))) console.error(`  ${line}`);
    }
    return 1;
  }
}

process.exitCode = await main();
