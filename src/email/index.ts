import { briefingFingerprints, type Fingerprint } from "../cache/fingerprint.ts";
import { NO_CACHE, type Cache } from "../cache/store.ts";
import type { Briefing } from "../content/types.ts";
import { formatDisplayDate } from "../dates.ts";
import { ContentError } from "../config/errors.ts";
import type { OutputFile, OutputWriter } from "../config/outputs.ts";
import type { SiteSettings } from "../config/settings.ts";
import { emailLeadImage, prepareBody, type PreparedBody } from "./body.ts";
import { utmFor, withUtm, type Utm } from "./links.ts";
import { toolLinks } from "./presets.ts";
import { rememberSource, renderPreview } from "./preview.ts";
import { renderTemplate } from "./render.ts";
import { styleFromShape } from "./shapes.ts";
import { inlineAndSplit } from "./styler.ts";
import type { EmailSizeReport } from "./report.ts";
import { estimatedSentBytes, formatKb, GMAIL_CLIP_BYTES, sizeVerdict, TOOL_RESERVE_BYTES } from "./size.ts";
import { PlainTextWriter } from "./text.ts";

export { formatEmailSizeReport, formatEmailSizeSummary, type EmailSizeReport } from "./report.ts";

/** One briefing's email edition. */
export interface EmailEdition {
  subject: string;
  /** The hidden preview text inbox lists show after the subject. */
  preheader: string;
  /** The complete document, CSS inlined, ready to paste. */
  html: string;
  /** The content alone, for tools that wrap it in their own template. */
  fragment: string;
  text: string;
  /** UTF-8 bytes of `html`, before the mailing tool adds its own. */
  bytes: number;
  /** Things the editor should fix (images without size or alt text, unsupported formats). */
  warnings: string[];
}

/**
 * Enough invisible characters after the preheader that inbox previews stop there instead of
 * pulling in the masthead and title (previews show roughly 90–150 characters): pairs of a
 * zero-width non-joiner and a no-break space, written as &zwnj;&nbsp; in the email. The
 * characters themselves go into the template (an entity is a parser event of its own: 300 of
 * them per email cost more than the rest of its head).
 */
function preheaderPadding(preheader: string): string {
  return "\u200c\u00a0".repeat(Math.max(30, 150 - [...preheader].length));
}

/** What every edition's template needs around its content: language, masthead, preheader, footer. */
export interface EditionShell {
  /** layouts/email/<…>.njk: the content rows between masthead and footer. */
  contentTemplate: string;
  subject: string;
  preheader: string;
  /** The web page this email mirrors ("Read on the web", "View in browser"). */
  webUrl: string;
  utm: Utm | null;
}

/** The view of layouts/email/email.njk around `shell.contentTemplate`. */
export function editionView(shell: EditionShell, view: object, settings: SiteSettings): Record<string, unknown> {
  const links = toolLinks(settings);
  const webUrl = withUtm(shell.webUrl, settings.url, shell.utm);
  return {
    ...view,
    contentTemplate: shell.contentTemplate,
    lang: settings.language,
    dir: settings.direction,
    subject: shell.subject,
    preheader: shell.preheader,
    preheaderPadding: preheaderPadding(shell.preheader),
    siteTitle: settings.title,
    siteUrl: withUtm(settings.url, settings.url, shell.utm),
    webUrl,
    viewInBrowserUrl: links.viewInBrowserUrl ?? webUrl,
    // Tools that add their own footer (Substack) get none from us.
    footer: links.unsubscribeUrl ? { unsubscribeUrl: links.unsubscribeUrl, addressLine: links.addressLine } : null,
  };
}

/** The edition's document before inlining. */
export function editionDocument(shell: EditionShell, view: object, settings: SiteSettings): string {
  return renderTemplate("email/email.njk", editionView(shell, view, settings));
}

/** Where a briefing's body goes in its document when the styler takes the body's events (a comment no body holds: the one pass declines comments). */
export const BODY_MARKER = "dispatch:body";

/**
 * Renders an edition, its CSS inlined, its fragment cut (src/email/styler.ts) and its plain text
 * written (src/email/text.ts, from the document before inlining, which reads the same without
 * the style attributes), in the first of these ways that takes it:
 *
 *  1. `body` is a briefing's prepared body (the view's `bodyHtml`) whose preparation pass kept
 *     its events: the template styled once for the view's shape, the body's events styled into
 *     it (src/email/shapes.ts);
 *  2. the document (editionDocument) parsed once, that one parse inlining its CSS, cutting its
 *     fragment and writing its plain text, the body's events read where a marker comment stands
 *     for them (if there are any), so that the body is neither written out as HTML nor read again;
 *  3. (where the styler declines) the whole document through css-inline.
 */
export function renderEdition(shell: EditionShell, view: object, settings: SiteSettings, warnings: string[] = [], body?: PreparedBody): EmailEdition {
  const text = new PlainTextWriter(shell.webUrl);
  const withBody = () => (body ? { ...view, bodyHtml: body.html } : view);
  const marked = () => editionView(shell, { ...view, bodyHtml: `<!--${BODY_MARKER}-->` }, settings);
  const { html, fragment, source } = body?.events
    ? (styleFromShape(marked(), BODY_MARKER, body.events, text) ??
      inlineAndSplit(renderTemplate("email/email.njk", marked()), text, { marker: BODY_MARKER, events: body.events, document: () => editionDocument(shell, withBody(), settings) }))
    : inlineAndSplit(editionDocument(shell, withBody(), settings), text);
  const edition = {
    subject: shell.subject,
    preheader: shell.preheader,
    html,
    fragment,
    text: text.result(),
    bytes: Buffer.byteLength(html, "utf8"),
    warnings,
  };
  if (source) rememberSource(edition, source);
  return edition;
}

/** A briefing's edition before rendering: the shell, the view of layouts/email/content.njk (all but the body), its prepared body and the editor's warnings. */
export function briefingEdition(briefing: Briefing, settings: SiteSettings): { shell: EditionShell; view: object; warnings: string[]; body: PreparedBody } {
  const utm = utmFor(briefing, settings);
  const body = prepareBody(briefing, settings, utm);
  const warnings = [...body.warnings];
  const view = {
    title: briefing.title,
    dateIso: briefing.date,
    dateDisplay: formatDisplayDate(briefing.date, settings.timeZone, settings.language),
    authors: briefing.authors.map((author) => author.name),
    leadImage: emailLeadImage(briefing, warnings),
    keyPoints: briefing.keyPoints,
    keyQuote: briefing.keyQuote,
  };
  const shell = { contentTemplate: "email/content.njk", subject: briefing.title, preheader: briefing.summary, webUrl: briefing.url, utm };
  return { shell, view, warnings, body };
}

export function renderEmail(briefing: Briefing, settings: SiteSettings): EmailEdition {
  const { shell, view, warnings, body } = briefingEdition(briefing, settings);
  return renderEdition(shell, view, settings, warnings, body);
}

function sizeMessage(briefing: Briefing, bytes: number): string {
  return (
    `${briefing.sourcePath}: the email is ${formatKb(bytes)}, about ${formatKb(estimatedSentBytes(bytes))} once the mailing tool ` +
    `adds its ${formatKb(TOOL_RESERVE_BYTES)} of tracking and footer; Gmail clips emails above ${formatKb(GMAIL_CLIP_BYTES)}`
  );
}

export interface EmailBuildOptions {
  /** Editions from earlier builds (none by default). */
  cache?: Cache;
  /** The build's briefing fingerprints (BuildContext.fingerprint); its own by default. */
  fingerprint?: Fingerprint;
  /** Takes each file as it is made, so that a large archive's emails are never all in memory at once; without it they are returned in `files`. */
  write?: (file: OutputFile) => void;
  /** Links an edition's files from the previous build when it made them from the same key (OutputWriter.reuse), giving back the size and warnings noted with them. */
  reuse?: OutputWriter["reuse"];
}

/** What the build needs of an edition it linked rather than made: noted with its index.html. */
interface EditionNote {
  bytes: number;
  warnings: string[];
}

const isEditionNote = (note: unknown): note is EditionNote =>
  typeof (note as EditionNote | null)?.bytes === "number" && Array.isArray((note as EditionNote).warnings) && (note as EditionNote).warnings.every((warning) => typeof warning === "string");

/** An edition's four files in its folder (emailPath, or a digest's /email/digest/<key>/), in the order they are written. */
export const editionPaths = (dir: string): [string, string, string, string] => [`${dir}index.html`, `${dir}email.txt`, `${dir}fragment.html`, `${dir}preview/index.html`];

export interface EmailBuild {
  /** Empty when the files went to `write`. */
  files: OutputFile[];
  report: EmailSizeReport[];
  warnings: string[];
}

/**
 * Where a briefing's email edition lives: its web path with /email/ for /briefings/
 * (/email/2026/budget/), so two years' "budget" briefings never share a folder.
 */
export function emailPath(briefing: Pick<Briefing, "path">): string {
  return briefing.path.replace(/^\/briefings\//, "/email/");
}

/**
 * Every briefing's email files: /email/<year>/<slug>/index.html, email.txt, fragment.html and the
 * preview page; none for web-only briefings (`email: false`). Emails Gmail would clip fail the
 * build (all of them named at once) unless `allowClipped` is set for the briefing or the site;
 * large ones are warned about.
 */
export function buildEmailFiles(briefings: Briefing[], settings: SiteSettings, options: EmailBuildOptions = {}): EmailBuild {
  const cache = options.cache ?? NO_CACHE;
  const fingerprint = options.fingerprint ?? briefingFingerprints();
  const files: OutputFile[] = [];
  const put = options.write ?? ((file: OutputFile) => files.push(file));
  const report: EmailSizeReport[] = [];
  const warnings: string[] = [];
  const problems: string[] = [];
  const settingsJson = JSON.stringify(settings);
  for (const briefing of briefings) {
    if (!briefing.email) continue;
    // Everything an edition is made of: the briefing as loaded (body, analysis; no email shows its
    // neighbours) and the settings.
    const key = cache.key("email", fingerprint(briefing), settingsJson);
    const paths = editionPaths(emailPath(briefing));
    const reused = options.reuse?.(paths, key)?.note;
    let edition: EditionNote;
    if (isEditionNote(reused)) {
      edition = reused;
    } else {
      // The preview page is made of the edition and the settings alone: kept with it, not rendered every build.
      let cached = cache.get<{ edition: EmailEdition; preview: string }>("email", key);
      if (!cached) {
        const rendered = renderEmail(briefing, settings);
        cached = { edition: rendered, preview: renderPreview(rendered, settings) };
        cache.set("email", key, cached);
      }
      const { preview } = cached;
      edition = { bytes: cached.edition.bytes, warnings: cached.edition.warnings };
      const [html, text, fragment, previewPage] = paths;
      put({ path: html, body: cached.edition.html, made: { key, note: edition } });
      put({ path: text, body: cached.edition.text, made: { key } });
      put({ path: fragment, body: cached.edition.fragment, made: { key } });
      put({ path: previewPage, body: preview, made: { key } });
    }
    report.push({ sourcePath: briefing.sourcePath, slug: briefing.slug, bytes: edition.bytes });
    warnings.push(...edition.warnings);
    const verdict = sizeVerdict(edition.bytes);
    const allowedBy = briefing.allowClipped ? "allowClipped in its front matter" : settings.email.allowClipped ? "email.allowClipped" : null;
    if (verdict === "clipped" && !allowedBy) {
      problems.push(
        `${sizeMessage(briefing, edition.bytes)}. Shorten the briefing; or add "allowClipped: true" to its front matter to send it ` +
          `clipped ("email": { "allowClipped": true } in content/_data/site.json for every briefing), or "email: false" to publish it on the web only`,
      );
    } else if (verdict === "clipped") {
      warnings.push(`${sizeMessage(briefing, edition.bytes)}: it will be clipped (allowed by ${allowedBy})`);
    } else if (verdict === "warn") {
      warnings.push(`${sizeMessage(briefing, edition.bytes)}: close to the limit, keep it short`);
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  return { files, report, warnings };
}
