import type { SiteSettings } from "../config/settings.ts";

export type EmailTool = SiteSettings["email"]["tool"];

/** What one mailing tool wants from us: its merge tags, and what the editor pastes. */
export interface MailingToolPreset {
  tool: EmailTool;
  name: string;
  /** What to paste: the whole document, the body fragment (the tool's template wraps it), or rich text. */
  paste: "document" | "fragment" | "rich-text";
  /** Merge tag the tool replaces with each reader's unsubscribe link; null when the tool adds its own footer. */
  unsubscribeUrl: string | null;
  /** Merge tag for the tool's hosted copy of the email; null: link the briefing's permalink instead. */
  viewInBrowserUrl: string | null;
  /** Merge tag for the sender's postal address; null: the publisher's address from the settings. */
  addressLine: string | null;
}

/**
 * Merge tags as each tool documents them (sources in docs/email.md). They are passed to the
 * templates as data, so autoescaping and CSS inlining must leave them byte for byte.
 */
export const PRESETS: Record<EmailTool, MailingToolPreset> = {
  generic: {
    tool: "generic",
    name: "Any tool that takes custom HTML",
    paste: "document",
    // A visible placeholder the editor replaces with their tool's tag (see docs/email.md).
    unsubscribeUrl: "[[UNSUBSCRIBE_URL]]",
    viewInBrowserUrl: null,
    addressLine: null,
  },
  mailchimp: {
    tool: "mailchimp",
    name: "Mailchimp",
    paste: "document",
    unsubscribeUrl: "*|UNSUB|*",
    viewInBrowserUrl: "*|ARCHIVE|*",
    addressLine: "*|LIST:ADDRESSLINE|*",
  },
  buttondown: {
    tool: "buttondown",
    name: "Buttondown",
    paste: "fragment",
    unsubscribeUrl: "{{ unsubscribe_url }}",
    viewInBrowserUrl: "{{ email_url }}",
    addressLine: null,
  },
  kit: {
    tool: "kit",
    name: "Kit",
    paste: "fragment",
    unsubscribeUrl: "{{ unsubscribe_url }}",
    viewInBrowserUrl: null,
    addressLine: null,
  },
  brevo: {
    tool: "brevo",
    name: "Brevo",
    paste: "document",
    unsubscribeUrl: "{{ unsubscribe }}",
    viewInBrowserUrl: "{{ mirror }}",
    addressLine: null,
  },
  substack: {
    tool: "substack",
    name: "Substack",
    // Substack takes no raw HTML and adds its own footer: the editor pastes rich text.
    paste: "rich-text",
    unsubscribeUrl: null,
    viewInBrowserUrl: null,
    addressLine: null,
  },
};

/** The footer and header links for these settings: `email.unsubscribeUrl` / `email.address` override the preset. */
export interface ToolLinks {
  preset: MailingToolPreset;
  unsubscribeUrl: string | null;
  viewInBrowserUrl: string | null;
  addressLine: string | null;
}

function optionalString(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

export function toolLinks(settings: SiteSettings): ToolLinks {
  const preset = PRESETS[settings.email.tool];
  return {
    preset,
    unsubscribeUrl: optionalString(settings.email.unsubscribeUrl) ?? preset.unsubscribeUrl,
    viewInBrowserUrl: preset.viewInBrowserUrl,
    addressLine: optionalString(settings.email.address) ?? preset.addressLine ?? optionalString(settings.publisher.address),
  };
}
