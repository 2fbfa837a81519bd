import path from "node:path";
import { parseArgs } from "node:util";
import { createDraft } from "../content/draft.ts";
import { CommandError } from "../config/errors.ts";
import { readDevState } from "../site/devstate.ts";
import { loadSiteSettings } from "../config/settings.ts";
import { projectPaths } from "../config/paths.ts";
import { runCommand } from "./run.ts";

const USAGE = 'npm run new -- "Title of the briefing" [--tags a,b] [--date 2026-01-06]';

/** `npm run new`: a draft briefing with valid front matter, at the path the build expects. */
function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { tags: { type: "string" }, date: { type: "string" } },
    });
  } catch (error) {
    const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
    throw new CommandError(`${option ? `unknown option ${option}` : "cannot read the options"}; usage: ${USAGE}`);
  }
  if (parsed.positionals.length !== 1) {
    throw new CommandError(`give the title as one quoted argument; usage: ${USAGE}`);
  }
  const paths = projectPaths();
  const settings = loadSiteSettings(paths.settingsFile, process.env, path.relative(paths.root, paths.settingsFile));
  const tags = (parsed.values.tags ?? "").split(",").map((tag) => tag.trim()).filter(Boolean);
  const draft = createDraft({ title: parsed.positionals[0]!, tags, date: parsed.values.date, dir: paths.briefings, timeZone: settings.timeZone });
  const shown = path.relative(process.cwd(), draft.file) || draft.file;
  if (draft.renumbered) console.log(`A briefing with that slug exists already, so the new one is numbered.`);
  console.log(`Wrote ${shown} (a draft: remove "draft: true" to publish it)`);
  const dev = readDevState(paths.root);
  if (dev) console.log(`Preview: ${new URL(draft.path.slice(1), dev).href}`);
  else console.log("Preview it with npm start.");
  return 0;
}

await runCommand("new", main);
