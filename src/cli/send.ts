import { parseArgs } from "node:util";
import { findEmailBriefing } from "../email/command.ts";
import { renderEmail } from "../email/index.ts";
import { checkSmtpUrl, describeServer, parseRecipients, sendTestMessage, testMessage } from "../email/send.ts";
import { findContentError } from "../errors.ts";
import { loadProject } from "../site/project.ts";

const USAGE = "Usage: SMTP_URL=smtp://user:password@host:587 npm run send -- <slug> --to you@example.org";

/**
 * `npm run send -- <slug> --to you@example.org`: one real email through the editor's SMTP
 * server, so they see it in their own inbox before pasting it into the mailing tool.
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { to: { type: "string", multiple: true } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.positionals.length !== 1) {
    console.error(USAGE);
    return 1;
  }
  try {
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
    if (!from) throw new Error('no sender address: set SMTP_FROM=you@example.org or "publisher": { "email": … } in content/_data/site.json');
    const edition = renderEmail(found.briefing, project.settings);
    const message = testMessage(edition, project.settings, to, from);
    const id = await sendTestMessage(smtpUrl, message);
    console.log(`Sent "${message.subject}" to ${to.join(", ")} through ${describeServer(smtpUrl)} (${id})`);
    return 0;
  } catch (error) {
    const content = findContentError(error);
    if (content) for (const problem of content.problems) console.error(problem);
    else console.error(`Test send failed: ${sendFailure(error)}`);
    if (process.env.DEBUG) console.error(error);
    return 1;
  }
}

/** nodemailer's errors, as one line with what to check. */
function sendFailure(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const server = process.env.SMTP_URL ? describeServer(process.env.SMTP_URL) : "the SMTP server";
  if (code === "ECONNECTION" || code === "ESOCKET" || code === "ETIMEDOUT" || code === "EDNS") {
    return `cannot reach ${server} (${message}); check the host and port in SMTP_URL`;
  }
  if (code === "EAUTH") return `${server} refused the user name or password in SMTP_URL (${message})`;
  if (code === "EENVELOPE" || code === "EMESSAGE") return `${server} refused the message (${message})`;
  return message ?? String(error);
}

process.exitCode = await main();
