import { existsSync } from "node:fs";
import path from "node:path";
import { checkSite } from "../check/site.ts";
import { CommandError } from "../config/errors.ts";
import { loadProject } from "../build/project.ts";
import { runCommand } from "./run.ts";

/**
 * `npm run check`: checks the last build (dist/ or DISPATCH_OUT) as a careful editor would
 * before publishing. One line per problem, a summary, exit 1 when there are errors.
 */
async function main(): Promise<number> {
  // dev: true reads drafts and scheduled briefings too, to make sure none of them leaked.
  const project = loadProject({ dev: true });
  const output = project.paths.output;
  const shown = path.relative(process.cwd(), output) || ".";
  if (!existsSync(path.join(output, "index.html"))) {
    throw new CommandError(`${shown}/ holds no built site; run npm run build first`);
  }
  const tty = process.stderr.isTTY;
  let last = 0;
  const result = await checkSite({
    output,
    settings: project.settings,
    briefings: project.briefings,
    // Progress only on a terminal: a log file gets the problems and the summary alone.
    progress: tty
      ? (done, total) => {
          if (done === total || Date.now() - last > 200) {
            last = Date.now();
            process.stderr.write(`\rChecking ${done}/${total} files…${done === total ? "\r\x1b[K" : ""}`);
          }
        }
      : undefined,
  });
  for (const problem of result.problems) {
    const line = `${shown}/${problem.file}: ${problem.level === "warning" ? "warning: " : ""}${problem.what}; ${problem.fix}`;
    if (problem.level === "error") console.error(line);
    else console.warn(line);
  }
  const errors = result.problems.filter((problem) => problem.level === "error").length;
  const warnings = result.problems.length - errors;
  const { pages, feeds, emails } = result.counts;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  console.log(`Checked ${plural(pages, "page")}, ${plural(feeds, "feed")} and ${plural(emails, "email")} in ${shown}/: ${errors === 0 ? "no errors" : plural(errors, "error")}, ${plural(warnings, "warning")}.`);
  return errors > 0 ? 1 : 0;
}

await runCommand("check", main);
