import { z } from "zod";
import { slugify, slugProblem } from "../urls.ts";

const text = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `add ${what}` : `must be text; put it in quotes`) });

/**
 * A name that gets its own page (a tag, an author): its slug becomes a folder name, so a name
 * too long for one fails here, naming the field, rather than mid-write.
 */
const pageName = (what: string, error: string) =>
  z
    .string({ error })
    .trim()
    .min(1)
    .check((ctx) => {
      const slug = slugify(ctx.value);
      const problem = slug && slugProblem(slug);
      if (problem) ctx.issues.push({ code: "custom", message: problem.replace("shorten it", `shorten the ${what}`), input: ctx.value, continue: true });
    });

const author = z.union([
  pageName("name", "must be a name"),
  // Web links only: a javascript: URL here would reach the byline, the feeds and the email.
  z.object({ name: pageName("name", "must be a name"), url: z.url({ protocol: /^https?$/, error: "must be a web address starting with https://" }).optional() }),
]);

/**
 * Why an image address cannot be used, or null. Only two forms: a web address, or a path
 * inside content/ such as /images/paris.jpg. Browsers read "\\" as "/" and skip tabs in URLs,
 * so "/\\evil.example/x.jpg" would be another site; ".." would read files outside content/.
 */
function imageProblem(src: string): string | null {
  const usage = "must be a path like /images/paris.jpg or an https:// URL";
  if (/[\\\s\p{Cc}]/u.test(src)) return `${usage}, without backslashes or spaces (write a space as %20)`;
  if (/^https?:\/\//i.test(src)) return URL.canParse(src) ? null : usage;
  if (!src.startsWith("/") || src.startsWith("//")) return usage;
  let segments: string[];
  try {
    segments = src.split(/[?#]/)[0]!.split("/").map(decodeURIComponent);
  } catch {
    return `${usage}; "%" must start an escape like %20`;
  }
  if (segments.some((segment) => segment === "." || segment === ".." || /[\\/]/.test(segment))) {
    return `${usage}: a file inside content/, without "." or ".." in the path`;
  }
  return null;
}

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);

/** Front matter as editors write it. Unknown fields pass through: editors extend. */
export const frontMatterSchema = z.looseObject({
  title: text('a line like title: "UK and France ready to send troops"').trim().min(1, "must not be empty"),
  date: text("a line like date: 2026-01-06 or date: 2026-01-06T09:30:00+01:00"),
  updated: z.string({ error: "must be a date like 2026-01-06 or 2026-01-06T18:00:00+01:00" }).optional(),
  summary: z.string({ error: "must be text; put it in quotes" }).trim().optional(),
  tags: oneOrMany(pageName("tag", "must be a word or a list of words")).optional(),
  authors: oneOrMany(author).optional(),
  image: z
    .string({ error: "must be a path like /images/paris.jpg or an https:// URL" })
    .trim()
    .check((ctx) => {
      const problem = imageProblem(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    })
    .optional(),
  imageAlt: z.string({ error: "must be text describing the image" }).trim().min(1, "must describe the image").optional(),
  imageCaption: z.string({ error: "must be text; put it in quotes" }).trim().min(1, "must not be empty").optional(),
  imageCredit: z.string({ error: "must be text like Photo: Jane Doe/Agency; put it in quotes" }).trim().min(1, "must not be empty").optional(),
  draft: z.boolean({ error: "must be true or false" }).optional(),
  email: z.boolean({ error: "must be true or false (false: a web-only briefing with no email edition)" }).optional(),
  allowClipped: z.boolean({ error: "must be true or false" }).optional(),
  slug: z
    .string({ error: "must be text like paris-summit" })
    .check((ctx) => {
      const problem = slugProblem(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    })
    .optional(),
  keyQuote: z
    .object({ text: z.string().trim().min(1), speaker: z.string().trim().min(1).nullable().optional() }, {
      error: 'must be a text and a speaker, e.g. keyQuote: { text: "…", speaker: "Keir Starmer" }',
    })
    .optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const KNOWN_FIELDS = Object.keys(frontMatterSchema.shape);
