import { readFileSync } from "node:fs";
import path from "node:path";
import urls from "@11ty/posthtml-urls";
import nunjucks from "nunjucks";
import posthtml from "posthtml";
import { parse as parseYaml } from "yaml";
import { neighboursOf, type Fingerprint } from "../cache/fingerprint.ts";
import type { Cache } from "../cache/store.ts";
import type { Briefing } from "../content/types.ts";
import { LAYOUTS_DIR } from "../config/paths.ts";
import type { FeedLink } from "../feeds/index.ts";
import type { OutputFile, OutputWriter, ReusedFile } from "../config/outputs.ts";
import type { RelatedLink } from "../site/related.ts";
import type { SiteSettings } from "../config/settings.ts";
import { basePath } from "../urls.ts";
import { NUNJUCKS_OPTIONS, registerTemplateHelpers, type HelperSource } from "./helpers.ts";

/** The settings as templates see them: with the build's facts (dev server, feed links). */
export type SiteView = SiteSettings & { dev: boolean; feeds: FeedLink[] };

/** The layout a briefing page starts from; its front matter names the next (briefing.njk → base.njk). */
const BRIEFING_LAYOUT = "briefing.njk";

/** What a briefing page is made of besides the briefing itself. */
export interface PageInputs {
  site: SiteView;
  /** Briefings sharing a tag with each briefing (by its path), newest first; read at each render (the dev server's fast path refills it). */
  related: Record<string, RelatedLink[]>;
  /** The template filters' state for this build (src/render/helpers.ts): settings, share cards, memos. */
  helpers: HelperSource;
}

export interface BriefingPages {
  /** One briefing's web page, the bytes Eleventy would write for it (layouts/briefing.njk in base.njk). */
  render(briefing: Briefing): Promise<string>;
  /** The build-cache key of the page: a hash of everything it is made of. */
  key(briefing: Briefing, cache: Cache, fingerprint: Fingerprint): string;
  /** The page through the build cache (under `key`): rendered only when something it is made of changed. */
  cached(briefing: Briefing, cache: Cache, key: string): Promise<string>;
}

interface Layout {
  template: nunjucks.Template;
  /** The layout it sits in, from its front matter, or null for the outermost. */
  parent: string | null;
}

/** A layout's front matter (Eleventy's `---` block) and the template after it. */
function readLayout(env: nunjucks.Environment, name: string): Layout {
  const file = path.join(LAYOUTS_DIR, name);
  const text = readFileSync(file, "utf8");
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  const data = (match ? parseYaml(match[1]!) : null) as { layout?: unknown } | null;
  const body = match ? text.slice(match[0].length) : text;
  return { template: new nunjucks.Template(body, env, file, true), parent: typeof data?.layout === "string" ? data.layout : null };
}

/**
 * Eleventy's HtmlBasePlugin for HTML written outside Eleventy: with a base that has a path
 * (`prefix` "/news/"), every URL attribute gets it, in the bytes Eleventy writes; with "/", nothing to do.
 */
export async function withBasePath(html: string, prefix: string, pageUrl: string): Promise<string> {
  if (prefix === "/") return html;
  const { HtmlBasePlugin } = await import("@11ty/eleventy");
  const { applyBaseToUrl } = HtmlBasePlugin as unknown as { applyBaseToUrl: (url: string, base: string, options: object) => string };
  const result = await posthtml()
    .use(urls({ eachURL: (url: string, attribute: string, tag: string) => applyBaseToUrl(url.trim(), prefix, { pathPrefix: prefix, pageUrl, htmlContext: { attribute, tag } }) }))
    .process(html);
  return result.html;
}

/**
 * Briefing pages rendered outside Eleventy, with Nunjucks, from the same layouts, filters and
 * globals as Eleventy's pages (src/render/helpers.ts) and its base-path rewrite: a build renders
 * only the pages whose inputs changed (`cached`), and the dev server can render one page alone.
 */
export function createBriefingPages(inputs: PageInputs): BriefingPages {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(LAYOUTS_DIR), NUNJUCKS_OPTIONS);
  registerTemplateHelpers({ filter: (name, fn) => env.addFilter(name, fn), global: (name, fn) => env.addGlobal(name, fn) }, () => inputs.helpers);
  const chain: Layout[] = [];
  for (let name: string | null = BRIEFING_LAYOUT; name !== null; name = chain[chain.length - 1]!.parent) chain.push(readLayout(env, name));
  const prefix = basePath(inputs.site.url);
  const siteJson = JSON.stringify(inputs.site);

  const render = async (briefing: Briefing): Promise<string> => {
    const data = { site: inputs.site, briefing, related: { [briefing.path]: inputs.related[briefing.path] }, page: { url: briefing.path } };
    let content = "";
    for (const layout of chain) content = layout.template.render({ content, ...data });
    return withBasePath(content, prefix, briefing.path);
  };

  return {
    render,
    key(briefing, cache, fingerprint) {
      // Everything the page is made of: the briefing as loaded and its neighbours, its related
      // links, the settings and build facts, and its share card; the cache adds the code stamp.
      const { cards } = inputs.helpers;
      const card = cards ? (cards.byBriefing.get(briefing.path) ?? cards.defaultCard) : null;
      return cache.key("page", fingerprint(briefing), neighboursOf(briefing), JSON.stringify(inputs.related[briefing.path] ?? null), siteJson, JSON.stringify(card));
    },
    async cached(briefing, cache, key) {
      let html = cache.get<string>("page", key);
      if (html === undefined) {
        html = await render(briefing);
        cache.set("page", key, html);
      }
      return html;
    },
  };
}

/** The site URL of a written file, as Eleventy reports a page's: /feed.xml, /briefings/2026/paris/. */
const siteUrlOf = (file: string): string => file.replace(/\/index\.html$/, "/");

/**
 * Writes every briefing's page (/briefings/<year>/<slug>/index.html) through `write`, one at a
 * time, from the cache where it can; a page the previous build made from the same key is linked
 * (`reuse`, OutputWriter.reuse) without being read. Returns the site URLs written.
 */
export async function writeBriefingPages(
  pages: BriefingPages,
  briefings: Briefing[],
  options: { cache: Cache; fingerprint: Fingerprint; write: (file: OutputFile) => void; reuse?: OutputWriter["reuse"] },
): Promise<string[]> {
  for (const briefing of briefings) {
    const file = `${briefing.path}index.html`;
    const key = pages.key(briefing, options.cache, options.fingerprint);
    if (!options.reuse?.([file], key)) options.write({ path: file, body: await pages.cached(briefing, options.cache, key), made: { key } });
  }
  return briefings.map((briefing) => briefing.path);
}

/**
 * Writes the files TypeScript makes whole (feeds, sitemaps, digest emails; HTML with the base
 * path as Eleventy would add it) through `write`, but those already linked from the previous
 * build (ReusedFile). Returns the site URLs written or linked.
 */
export async function writeWholeFiles(files: Iterable<OutputFile | ReusedFile>, options: { site: SiteView; write: (file: OutputFile) => void }): Promise<string[]> {
  const prefix = basePath(options.site.url);
  const written: string[] = [];
  for (const file of files) {
    const url = siteUrlOf(file.path);
    written.push(url);
    if ("reused" in file) continue;
    options.write(file.path.endsWith(".html") ? { path: file.path, body: await withBasePath(file.body, prefix, url) } : file);
  }
  return written;
}
