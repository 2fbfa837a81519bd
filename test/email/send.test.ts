import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listUnsubscribe, parseRecipients, MAX_TEST_RECIPIENTS } from "../../src/email/send.ts";
import { FIXTURE_BRIEFINGS, fixtureCopy, ROOT, runBuild } from "../helpers/site.ts";
import { briefingSource, tempFolder } from "../helpers/tmp.ts";
import { makeSettings } from "./fixtures.ts";

const USER = "editor";
const PASSWORD = "s3cret pass";
const received: { envelope: string[]; mail: ParsedMail; raw: string }[] = [];
let server: SMTPServer;
let port: number;

/** A real SMTP server on a loopback port: plain SMTP with a password, as a newsroom's relay would ask. */
beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            received.push({ envelope: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail, raw: raw.toString("utf8") });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real command, as an editor runs it (async: the SMTP server answers from this process). */
function send(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/send.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DISPATCH_BRIEFINGS: FIXTURE_BRIEFINGS, SMTP_FROM: "desk@dispatch.example.org", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const smtpUrl = () => `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`;

describe("npm run send", () => {
  it("delivers the built email as HTML with a plain-text alternative and the right headers", async () => {
    const out = path.join(tempFolder("dispatch-send-").dir, "dist");
    expect(runBuild(FIXTURE_BRIEFINGS, out).status).toBe(0);
    const before = received.length;
    const run = await send(["uk-france-ukraine-troops", "--to", "me@example.org,Colleague@Example.org"], { SMTP_URL: smtpUrl() });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Sent "\[Test\] .+" to me@example\.org, colleague@example\.org through smtp:\/\/127\.0\.0\.1:\d+ /);
    expect(run.stdout).not.toContain(PASSWORD.split(" ")[0]);

    expect(received.length).toBe(before + 1);
    const { envelope, mail, raw } = received.at(-1)!;
    expect(envelope).toEqual(["me@example.org", "colleague@example.org"]);
    const built = readFileSync(path.join(out, "email/2026/uk-france-ukraine-troops/index.html"), "utf8");
    const text = readFileSync(path.join(out, "email/2026/uk-france-ukraine-troops/email.txt"), "utf8");
    expect(mail.html).toBe(built);
    expect(mail.text).toBe(text);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(mail.subject).toBe(`[Test] ${built.match(/<title>(.*?)<\/title>/)![1]}`);
    expect(mail.from?.text).toBe("desk@dispatch.example.org");
    const header = (name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/\r\n\s+/g, " ");
    expect(header("list-unsubscribe")).toBe("List-Unsubscribe: <mailto:newsroom@dispatch.example.org?subject=unsubscribe>");
  });

  it("never sends without --to, to a long list, without a server or with a wrong password", async () => {
    const before = received.length;
    const noTo = await send(["uk-france-ukraine-troops"], { SMTP_URL: smtpUrl() });
    expect(noTo.status).toBe(1);
    expect(noTo.stderr).toContain("--to you@example.org");

    const many = Array.from({ length: MAX_TEST_RECIPIENTS + 1 }, (_, i) => `reader${i}@example.org`).join(",");
    const list = await send(["uk-france-ukraine-troops", "--to", many], { SMTP_URL: smtpUrl() });
    expect(list.status).toBe(1);
    expect(list.stderr).toMatch(/at most 5 addresses/);

    const unset = await send(["uk-france-ukraine-troops", "--to", "me@example.org"], { SMTP_URL: "" });
    expect(unset.status).toBe(1);
    expect(unset.stderr).toMatch(/SMTP_URL is not set/);

    const wrong = await send(["uk-france-ukraine-troops", "--to", "me@example.org"], {
      SMTP_URL: `smtp://${USER}:wrong@127.0.0.1:${port}`,
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/refused the user name or password/);
    expect(wrong.stderr).not.toContain("wrong@");

    const typo = await send(["uk-france-ukraine-trops", "--to", "me@example.org"], { SMTP_URL: smtpUrl() });
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain("  uk-france-ukraine-troops");

    const briefings = fixtureCopy();
    briefings.write("2026/web-only.md", briefingSource({ title: "A web-only report", date: "2026-01-09", email: "false" }));
    const webOnly = await send(["web-only", "--to", "me@example.org"], { SMTP_URL: smtpUrl(), DISPATCH_BRIEFINGS: briefings.dir });
    expect(webOnly.status).toBe(1);
    expect(webOnly.stderr).toMatch(/web-only\.md is web-only \("email: false" in its front matter\)/);

    for (const run of [noTo, list, unset, wrong, typo, webOnly]) expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(received.length).toBe(before);
  });
});

describe("test-send rules", () => {
  it("checks and de-duplicates recipients", () => {
    expect(parseRecipients(["a@example.org, B@example.org", "a@example.org"])).toEqual(["a@example.org", "b@example.org"]);
    expect(() => parseRecipients(["not-an-address"])).toThrow(/"not-an-address" is not an email address/);
    expect(() => parseRecipients([])).toThrow(/--to/);
  });

  it("puts only real links in List-Unsubscribe, never a merge tag", () => {
    expect(listUnsubscribe(makeSettings({}, { tool: "mailchimp" }))).toBeNull();
    const withEmail = makeSettings({ publisher: { name: "N", email: "desk@example.org" } }, { tool: "mailchimp" });
    expect(listUnsubscribe(withEmail)).toBe("<mailto:desk@example.org?subject=unsubscribe>");
    const own = makeSettings({}, { unsubscribeUrl: "https://example.org/unsubscribe" });
    expect(listUnsubscribe(own)).toBe("<https://example.org/unsubscribe>");
  });
});
