import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { load } from "cheerio";
import FeedParser from "feedparser";
import { HtmlValidate } from "html-validate";
import type { Briefing } from "../content/types.ts";
import { isPublished } from "../content/publish.ts";
import { emailPath } from "../email/index.ts";
import { formatKb, sizeVerdict } from "../email/size.ts";
import { FEED_LINKS } from "../feeds/links.ts";
import type { SiteSettings } from "../config/settings.ts";
import { absoluteUrl } from "../urls.ts";
import { EMAIL_HTML_VALIDATE, SITE_HTML_VALIDATE } from "./rules.ts";
import { servedFile, siteTarget } from "./targets.ts";

export interface Problem {
  level: "error" | "warning";
  /** The built file, relative to the output folder. */
  file: string;
  what: string;
  fix: string;
}

export interface CheckInput {
  output: string;
  settings: SiteSettings;
  /** Every briefing, drafts and scheduled ones included: those must not be in the output. */
  briefings: Briefing[];
  now?: Date;
  /** Called after each file, for a progress line. */
  progress?: (done: number, total: number) => void;
}

export interface CheckResult {
  problems: Problem[];
  counts: { pages: number; feeds: number; emails: number };
}

/** Every file below `dir`, relative, "/"-separated, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** A built file's site path: "briefings/2026/x/index.html" → "/briefings/2026/x/". */
function sitePathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

const EMAIL_FILE = /^email\/(?:[^/]+\/)+(?:index|fragment)\.html$/;
const PREVIEW_FILE = /\/preview\/index\.html$/;
const FEED_FILE = /(^|\/)(feed|atom)[^/]*\.(xml|json)$|^digest\/.*\.xml$/;

function parseXmlFeed(xml: string): Promise<FeedParser.Item[]> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ strict: true, resume_saxerror: false });
    const items: FeedParser.Item[] = [];
    parser.on("error", reject);
    parser.on("readable", () => {
      let item: FeedParser.Item | null;
      while ((item = parser.read() as FeedParser.Item | null)) items.push(item);
    });
    parser.on("end", () => resolve(items));
    Readable.from([xml]).pipe(parser);
  });
}

/**
 * What a careful editor checks in a built site before publishing, in one pass over the output:
 * links and anchors, images and their alt text, html-validate, feeds, emails, and leaks.
 */
export async function checkSite(input: CheckInput): Promise<CheckResult> {
  const { output, settings } = input;
  const now = input.now ?? new Date();
  const problems: Problem[] = [];
  const add = (level: Problem["level"], file: string, what: string, fix: string) => problems.push({ level, file, what, fix });
  const files = listFiles(output);
  const sourceOf = new Map(input.briefings.map((briefing) => [briefing.path, briefing.sourcePath]));
  const fixIn = (file: string, fix: string) => {
    const source = sourceOf.get(sitePathOf(file));
    return source ? `${fix} in ${source}` : fix;
  };

  const pages = files.filter((file) => file.endsWith(".html") && !EMAIL_FILE.test(file));
  const emails = files.filter((file) => /^email\/(?:[^/]+\/)+index\.html$/.test(file) && !PREVIEW_FILE.test(file));
  const feeds = files.filter((file) => FEED_FILE.test(file));
  const total = pages.length + emails.length + feeds.length;
  let done = 0;
  const step = () => input.progress?.((done += 1), total);

  // Ids per page, read first, so that links to anchors on any page can be checked.
  const ids = new Map<string, Set<string>>();
  const documents = new Map<string, ReturnType<typeof load>>();
  for (const file of pages) {
    const $ = load(readFileSync(path.join(output, file), "utf8"));
    documents.set(file, $);
    ids.set(file, new Set($("[id]").map((_, element) => $(element).attr("id") ?? "").get()));
  }

  const siteValidator = new HtmlValidate(SITE_HTML_VALIDATE);
  for (const file of pages) {
    const $ = documents.get(file)!;
    documents.delete(file);
    const pageUrl = absoluteUrl(sitePathOf(file), settings.url);
    for (const href of new Set($("a[href], link[rel=alternate][href]").map((_, element) => $(element).attr("href") ?? "").get())) {
      const target = siteTarget(href, pageUrl, settings.url);
      if (!target) continue;
      const served = servedFile(output, target.path);
      if (!served) {
        add("error", file, `link to ${href} leads to no page`, fixIn(file, "fix or remove the link"));
        continue;
      }
      if (target.hash && served.endsWith(".html")) {
        const targetIds = ids.get(path.relative(output, served).split(path.sep).join("/"));
        if (targetIds && !targetIds.has(target.hash)) add("error", file, `link to ${href}: no element has the id "${target.hash}"`, fixIn(file, "fix the #anchor"));
      }
    }
    $("img").each((_, element) => {
      const img = $(element);
      const src = img.attr("src") ?? "";
      if (img.attr("alt") === undefined) add("error", file, `image ${src || "(no src)"} has no alt text`, fixIn(file, 'describe it (alt="…"), or alt="" if it is decoration'));
      const target = src ? siteTarget(src, pageUrl, settings.url) : null;
      if (target && !servedFile(output, target.path)) add("error", file, `image ${src} does not exist`, fixIn(file, "add the file to content/images/ or fix the path"));
    });
    const report = await siteValidator.validateString(readFileSync(path.join(output, file), "utf8"), file);
    for (const message of report.results.flatMap((result) => result.messages)) {
      add("error", file, `line ${message.line}: ${message.message} (html-validate ${message.ruleId})`, fixIn(file, "fix the HTML"));
    }
    step();
  }

  const emailValidator = new HtmlValidate(EMAIL_HTML_VALIDATE);
  for (const file of emails) {
    const html = readFileSync(path.join(output, file), "utf8");
    const bytes = Buffer.byteLength(html);
    const verdict = sizeVerdict(bytes);
    if (verdict === "clipped") add("error", file, `${formatKb(bytes)}: Gmail will clip this email`, "shorten the briefing or move tables and images to the web page");
    else if (verdict === "warn") add("warning", file, `${formatKb(bytes)}: close to Gmail's clipping limit`, "consider shortening the briefing");
    if (/<script\b|\son[a-z]+\s*=|javascript:/i.test(html)) add("error", file, "contains a script, an event handler or a javascript: URL", "remove it from the briefing");
    const report = await emailValidator.validateString(html, file);
    for (const message of report.results.flatMap((result) => result.messages)) {
      add("error", file, `line ${message.line}: ${message.message} (html-validate ${message.ruleId})`, "fix the email template or the briefing's HTML");
    }
    step();
  }

  const published = input.briefings.filter((briefing) => isPublished(briefing, now));
  const expected = published.slice(0, settings.feedItems).map((briefing) => briefing.url);
  const main = new Set<string>([FEED_LINKS.rss.path, FEED_LINKS.atom.path, FEED_LINKS.json.path].map((feed) => feed.slice(1)));
  for (const file of feeds) {
    const text = readFileSync(path.join(output, file), "utf8");
    let links: string[];
    try {
      if (file.endsWith(".json")) {
        const feed = JSON.parse(text) as { version?: unknown; items?: { url?: string }[] };
        if (typeof feed.version !== "string" || !Array.isArray(feed.items)) throw new Error('no "version" or "items"');
        links = feed.items.map((item) => item.url ?? "");
      } else {
        links = (await parseXmlFeed(text)).map((item) => item.link);
      }
    } catch (error) {
      add("error", file, `the feed does not parse: ${(error as Error).message.split("\n")[0]}`, "run npm run build again; if it persists, report it");
      step();
      continue;
    }
    if (main.has(file)) {
      const missing = expected.filter((url) => !links.includes(url));
      for (const url of missing) add("error", file, `does not list the published briefing ${url}`, "run npm run build again");
    }
    step();
  }

  // Leaks: nothing of a draft or scheduled briefing may be in the output.
  const feedTexts = files.filter((file) => /\.(xml|json)$/.test(file)).map((file) => [file, readFileSync(path.join(output, file), "utf8")] as const);
  for (const briefing of input.briefings.filter((candidate) => !isPublished(candidate, now))) {
    const why = briefing.draft ? "a draft" : `scheduled for ${briefing.date}`;
    const page = servedFile(output, briefing.path);
    if (page) add("error", path.relative(output, page), `${briefing.sourcePath} is ${why} but its page is published`, "rebuild with npm run build into a fresh output folder");
    const email = servedFile(output, emailPath(briefing));
    if (email) add("error", path.relative(output, email), `${briefing.sourcePath} is ${why} but its email is in the output`, "rebuild with npm run build");
    const mention = new RegExp(`${briefing.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=["'<#?\\s]|$)`);
    for (const [file, text] of feedTexts) {
      if (mention.test(text)) add("error", file, `lists ${briefing.url}, which is ${why}`, "rebuild with npm run build");
    }
  }
  return { problems, counts: { pages: pages.length, feeds: feeds.length, emails: emails.length } };
}
