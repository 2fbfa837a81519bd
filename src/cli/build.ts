import path from "node:path";
import { checkOutput } from "../build/guard.ts";
import { describeSchedule } from "../content/publish.ts";
import { CommandError, describeSystemError, findContentError } from "../config/errors.ts";
import { projectPaths } from "../config/paths.ts";
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
    const { files, context } = await buildSite({ force });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const output = path.relative(process.cwd(), projectPaths().output) || ".";
    console.log(`Built ${files} files into ${output}/ in ${seconds} s`);
    const schedule = describeSchedule(context.scheduled, context.settings.timeZone, context.settings.language);
    if (schedule) console.log(schedule);
    return 0;
  } catch (error) {
    // Every failure that reaches here happened before publishing: the publish step reports its own.
    const unchanged = `${path.relative(process.cwd(), projectPaths().output) || "."}/ was not changed`;
    const content = findContentError(error);
    if (error instanceof CommandError) {
      console.error(error.message);
    } else if (content) {
      const count = content.problems.length;
      console.error(`Build failed: ${count} problem${count === 1 ? "" : "s"} to fix (${unchanged}):`);
      for (const problem of content.problems) console.error(`  ${problem}`);
    } else {
      // One line (a disk error in words), and with DEBUG the stack after it.
      const [first, ...rest] = describeFailure(error, Boolean(process.env.DEBUG));
      console.error(`Build failed: ${describeSystemError(error) ?? first} — ${unchanged}.`);
      for (const line of rest) console.error(line);
    }
    return 1;
  }
}

// Eleventy can leave writes and copies running after its build failed; their later failures
// (a full disk, a removed staging folder) belong to the failure already reported.
process.on("unhandledRejection", (reason) => {
  if (process.env.DEBUG) console.error(reason);
  if (process.exitCode) return;
  process.exitCode = 1;
  console.error(`Build failed: ${describeSystemError(reason) ?? "an unexpected error (run again with DEBUG=1 to see where)"}.`);
});
process.exitCode = await main();
