import nodemailer from "nodemailer";
import { CommandError } from "../config/errors.ts";
import type { SiteSettings } from "../config/settings.ts";
import type { EmailEdition } from "./index.ts";
import { toolLinks } from "./presets.ts";

/** A test send goes to the editor and a colleague or two; a list is the mailing tool's job. */
export const MAX_TEST_RECIPIENTS = 5;

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** `--to a@x.org,b@y.org --to c@z.org` → checked addresses; throws a one-line Error otherwise. */
export function parseRecipients(values: string[]): string[] {
  const addresses = values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
  if (addresses.length === 0) throw new CommandError("say who gets the test: --to you@example.org");
  const bad = addresses.filter((address) => !ADDRESS.test(address));
  if (bad.length > 0) throw new CommandError(`"${bad[0]}" is not an email address; write --to you@example.org`);
  const unique = [...new Set(addresses.map((address) => address.toLowerCase()))];
  if (unique.length > MAX_TEST_RECIPIENTS) {
    throw new CommandError(
      `${unique.length} recipients: a test send goes to at most ${MAX_TEST_RECIPIENTS} addresses; send to subscribers with your mailing tool`,
    );
  }
  return unique;
}

/**
 * The List-Unsubscribe value: only a real link or mailto can go in a header. A merge tag
 * (`*|UNSUB|*`) means nothing outside the tool, so the publisher's address stands in for it.
 */
export function listUnsubscribe(settings: SiteSettings): string | null {
  const { unsubscribeUrl } = toolLinks(settings);
  if (unsubscribeUrl && /^(https:|mailto:)/i.test(unsubscribeUrl)) return `<${unsubscribeUrl}>`;
  const email = settings.publisher.email;
  return email ? `<mailto:${email}?subject=unsubscribe>` : null;
}

export interface TestMessage {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** The MIME message of a test send: the edition's HTML and plain text as alternatives, byte for byte. */
export function testMessage(edition: EmailEdition, settings: SiteSettings, to: string[], from: string): TestMessage {
  const headers: Record<string, string> = {};
  const unsubscribe = listUnsubscribe(settings);
  if (unsubscribe) {
    headers["List-Unsubscribe"] = unsubscribe;
    // One-click unsubscribing (RFC 8058) needs an https link that accepts a POST.
    if (unsubscribe.startsWith("<https:")) headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return { from, to, subject: `[Test] ${edition.subject}`, html: edition.html, text: edition.text, headers };
}

/** Where to show the server in messages: never the user name or password from SMTP_URL. */
export function describeServer(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "SMTP_URL";
  }
}

/** Checks SMTP_URL before anything connects: smtp:// or smtps://, with a host. */
export function checkSmtpUrl(smtpUrl: string | undefined): string {
  const value = smtpUrl?.trim();
  if (!value) throw new CommandError("SMTP_URL is not set; set it to your server, e.g. SMTP_URL=smtp://user:password@smtp.example.org:587");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CommandError("SMTP_URL is not a URL; write it like smtp://user:password@smtp.example.org:587");
  }
  if (!/^smtps?:$/.test(url.protocol) || !url.hostname) {
    throw new CommandError(`SMTP_URL must start with smtp:// or smtps:// and name a host (got ${url.protocol}//${url.host})`);
  }
  return value;
}

/** Hands the message to the SMTP server; resolves with the server's message id. */
export async function sendTestMessage(smtpUrl: string, message: TestMessage): Promise<string> {
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    const info = await transport.sendMail({ ...message, textEncoding: "base64" });
    return info.messageId;
  } catch (error) {
    throw new CommandError(sendFailure(error, describeServer(smtpUrl)));
  } finally {
    transport.close();
  }
}

/** nodemailer's errors, as one line with what to check. */
function sendFailure(error: unknown, server: string): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === "ECONNECTION" || code === "ESOCKET" || code === "ETIMEDOUT" || code === "EDNS") {
    return `cannot reach ${server} (${message}); check the host and port in SMTP_URL`;
  }
  if (code === "EAUTH") return `${server} refused the user name or password in SMTP_URL (${message})`;
  if (code === "EENVELOPE" || code === "EMESSAGE") return `${server} refused the message (${message})`;
  return message ?? String(error);
}
