import type { SiteSettings } from "../config/settings.ts";
import type { EmailEdition } from "./index.ts";
import { PRESETS } from "./presets.ts";
import { renderTemplate } from "./render.ts";
import { estimatedSentBytes, formatKb, GMAIL_CLIP_BYTES, sizeVerdict, TOOL_RESERVE_BYTES } from "./size.ts";

const PASTE_ADVICE = {
  document: "Paste the whole HTML (Copy HTML) into the tool's custom-HTML or code editor.",
  fragment: "Paste the fragment (Copy fragment) into the tool's HTML block: its own template adds the header and footer.",
  "rich-text": "Paste rich text (Copy rich text) into the editor: it takes no raw HTML and adds its own footer.",
} as const;

/** The editor's tool page for one email: both frame widths, the copy buttons, subject, preheader and size. */
export function renderPreview(edition: EmailEdition, settings: SiteSettings): string {
  const preset = PRESETS[settings.email.tool];
  return renderTemplate("email/preview.njk", {
    lang: settings.language,
    siteTitle: settings.title,
    edition,
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
