import { z } from "zod";

const text = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `add ${what}` : `must be text; put it in quotes`) });

const author = z.union([
  z.string().trim().min(1),
  // Web links only: a javascript: URL here would reach the byline, the feeds and the email.
  z.object({ name: z.string().trim().min(1), url: z.url({ protocol: /^https?$/, error: "must be a web address starting with https://" }).optional() }),
]);

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);

/** Front matter as editors write it. Unknown fields pass through: editors extend. */
export const frontMatterSchema = z.looseObject({
  title: text('a line like title: "UK and France ready to send troops"').trim().min(1, "must not be empty"),
  date: text("a line like date: 2026-01-06 or date: 2026-01-06T09:30:00+01:00"),
  updated: z.string({ error: "must be a date like 2026-01-06 or 2026-01-06T18:00:00+01:00" }).optional(),
  summary: z.string({ error: "must be text; put it in quotes" }).trim().optional(),
  tags: oneOrMany(z.string({ error: "must be a word or a list of words" }).trim().min(1)).optional(),
  authors: oneOrMany(author).optional(),
  image: z
    .string({ error: "must be a path like /images/paris.jpg or an https:// URL" })
    .trim()
    .regex(/^(https?:\/\/|\/(?!\/))/i, "must be a path like /images/paris.jpg or an https:// URL")
    .optional(),
  imageAlt: z.string({ error: "must be text describing the image" }).trim().min(1, "must describe the image").optional(),
  imageCaption: z.string({ error: "must be text; put it in quotes" }).trim().min(1, "must not be empty").optional(),
  imageCredit: z.string({ error: "must be text like Photo: Jane Doe/Agency; put it in quotes" }).trim().min(1, "must not be empty").optional(),
  draft: z.boolean({ error: "must be true or false" }).optional(),
  email: z.boolean({ error: "must be true or false (false: a web-only briefing with no email edition)" }).optional(),
  allowClipped: z.boolean({ error: "must be true or false" }).optional(),
  slug: z
    .string({ error: "must be text like paris-summit" })
    .regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, "must be lower-case words joined by hyphens, like paris-summit")
    .optional(),
  keyQuote: z
    .object({ text: z.string().trim().min(1), speaker: z.string().trim().min(1).nullable().optional() }, {
      error: 'must be a text and a speaker, e.g. keyQuote: { text: "…", speaker: "Keir Starmer" }',
    })
    .optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const KNOWN_FIELDS = Object.keys(frontMatterSchema.shape);
