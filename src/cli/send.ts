import { parseArgs } from "node:util";
import { findEmailBriefing } from "../email/command.ts";
import { renderEmail } from "../email/index.ts";
import { checkSmtpUrl, describeServer, parseRecipients, sendTestMessage, testMessage } from "../email/send.ts";
import { CommandError } from "../config/errors.ts";
import { loadProject } from "../build/project.ts";
import { runCommand } from "./run.ts";

const USAGE = "Usage: SMTP_URL=smtp://user:password@host:587 npm run send -- <slug> --to you@example.org";

/**
 * `npm run send -- <slug> --to you@example.org`: one real email through the editor's SMTP
 * server, so they see it in their own inbox before pasting it into the mailing tool.
 */
await runCommand("Test send failed", async () => {
  let args;
  try {
    args = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { to: { type: "string", multiple: true } } });
  } catch (error) {
    throw new CommandError(`${(error as Error).message}. ${USAGE}`);
  }
  if (args.positionals.length !== 1) throw new CommandError(USAGE);
  const to = parseRecipients(args.values.to ?? []);
  const smtpUrl = checkSmtpUrl(process.env.SMTP_URL);
  // Drafts count, as in `npm run email`: the test comes before publishing.
  const project = loadProject({ dev: true });
  const found = findEmailBriefing(args.positionals[0]!, project.briefings);
  if ("problem" in found) {
    for (const line of found.problem) console.error(line);
    return 1;
  }
  const from = process.env.SMTP_FROM?.trim() || project.settings.publisher.email;
  if (!from) throw new CommandError('no sender address: set SMTP_FROM=you@example.org or "publisher": { "email": … } in content/_data/site.json');
  const edition = renderEmail(found.briefing, project.settings);
  const message = testMessage(edition, project.settings, to, from);
  const id = await sendTestMessage(smtpUrl, message);
  console.log(`Sent "${message.subject}" to ${to.join(", ")} through ${describeServer(smtpUrl)} (${id})`);
  return 0;
});
