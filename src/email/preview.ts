import type { SiteSettings } from "../config/settings.ts";
import type { EmailEdition } from "./index.ts";
import { PRESETS } from "./presets.ts";
import { escapeAsTemplate, escapedForTemplate, renderTemplate } from "./render.ts";
import { estimatedSentBytes, formatKb, GMAIL_CLIP_BYTES, sizeVerdict, TOOL_RESERVE_BYTES } from "./size.ts";

const PASTE_ADVICE = {
  document: "Paste the whole HTML (Copy HTML) into the tool's custom-HTML or code editor.",
  fragment: "Paste the fragment (Copy fragment) into the tool's HTML block: its own template adds the header and footer.",
  "rich-text": "Paste rich text (Copy rich text) into the editor: it takes no raw HTML and adds its own footer.",
} as const;

/**
 * An edition's HTML and fragment as the preview page's source boxes show them, when the styler
 * wrote them escaped beside the email (escaping 25 KB of markup again took a fifth of the email
 * stage). Kept aside, not in the edition: the build's cache stores editions, and these are only
 * needed until its preview is rendered.
 */
const SOURCES = new WeakMap<EmailEdition, { html: string; fragment: string }>();

export function rememberSource(edition: EmailEdition, source: { html: string; fragment: string }): void {
  SOURCES.set(edition, source);
}

/** The editor's tool page for one email: both frame widths, the copy buttons, subject, preheader and size. */
export function renderPreview(edition: EmailEdition, settings: SiteSettings): string {
  const preset = PRESETS[settings.email.tool];
  return renderTemplate("email/preview.njk", {
    lang: settings.language,
    siteTitle: settings.title,
    edition,
    // The source boxes' text, escaped here as autoescape would (from the styler's escaped copy when there is one).
    source: {
      html: escapedForTemplate(SOURCES.get(edition)?.html ?? escapeAsTemplate(edition.html)),
      fragment: escapedForTemplate(SOURCES.get(edition)?.fragment ?? escapeAsTemplate(edition.fragment)),
    },
    size: {
      written: formatKb(edition.bytes),
      sent: formatKb(estimatedSentBytes(edition.bytes)),
      reserve: formatKb(TOOL_RESERVE_BYTES),
      limit: formatKb(GMAIL_CLIP_BYTES),
      verdict: sizeVerdict(edition.bytes),
    },
    tool: { name: preset.name, advice: PASTE_ADVICE[preset.paste] },
  });
}
