import { emailCommand } from "../email/command.ts";
import { loadProject } from "../build/project.ts";
import { runCommand } from "./run.ts";

/**
 * `npm run --silent email -- <slug> [--text]`: one briefing's email HTML (or plain text) on
 * stdout, to paste or pipe. Drafts and scheduled briefings count (dev: true): editors prepare
 * the email before the briefing goes live.
 */
await runCommand("email", () => {
  const project = loadProject({ dev: true });
  const result = emailCommand(process.argv.slice(2), project.briefings, project.settings);
  process.stdout.write(result.stdout);
  for (const line of result.stderr) console.error(line);
  return result.code;
});
