import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { briefingPageParts } from "../build/context.ts";
import { NO_CACHE } from "../cache/store.ts";
import { BriefingMemo } from "../content/load.ts";
import type { Briefing } from "../content/types.ts";
import type { BriefingPages } from "../render/pages.ts";
import { buildEmailFiles, emailPath } from "../email/index.ts";
import { findContentError } from "../config/errors.ts";
import { outputWriter } from "../config/outputs.ts";
import { LAYOUTS_DIR } from "../config/paths.ts";
import { relatedBriefings, type RelatedLink } from "../site/related.ts";
import { loadProject, type Project } from "../build/project.ts";

/** What the fast path's process (src/dev/fast-child.ts) tells the dev server. */
export type FastPathMessage =
  /** Files written into the output (site paths), for the briefings saved (their sources). */
  | { type: "written"; files: string[]; sources: string[]; ms: number }
  | { type: "failed"; problems: string[] }
  /** A fault in the fast path itself: the full rebuild still follows. */
  | { type: "error"; message: string };

/** What the dev server tells it: a briefing was saved, or something every briefing may depend on changed. */
export type FastPathRequest = { type: "saved" } | { type: "forget" };

/** More briefings read again than an editor saves at once: settings changed, say. The full rebuild does it. */
const MAX_SAVED = 8;
/** Neighbours' and related briefings' pages re-rendered at most, after the saved ones. */
const MAX_TOUCHED = 200;

/** The layouts' files and modification times: a layout edited while the dev server runs is compiled again. */
function layoutsStamp(): string {
  return readdirSync(LAYOUTS_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return `${file}:${statSync(file).mtimeMs}`;
    })
    .join("\n");
}

/** What a briefing page shows of other briefings: its neighbours and its related links. */
type Links = string;

/**
 * The dev server's fast path. It keeps every briefing in memory (read once, then only the files
 * saved since: BriefingMemo) and, on a save, writes the saved briefing's page and email edition
 * straight into the dev output, then the pages whose links it changed (neighbours' previous and
 * next links, related briefings), with the same renderer and bytes as the full build
 * (src/render/pages.ts). Eleventy's full rebuild (listings, feeds, sitemap…) follows as before and
 * writes the same bytes again: the output converges to exactly what a build writes.
 */
export class FastPath {
  private readonly memo = new BriefingMemo();
  /** Each page as last written or read: the briefing object it shows and its links. */
  private shown = new Map<string, { briefing: Briefing; links: Links }>();
  private parts: { key: string; pages: BriefingPages; related: Record<string, RelatedLink[]> } | null = null;

  constructor(private readonly options: { env: NodeJS.ProcessEnv; root: string; output: string }) {}

  /** Something besides briefings changed (images, settings): everything is read again next time, and nothing is fast. */
  forget(): void {
    this.memo.clear();
    this.parts = null;
    this.shown.clear();
  }

  /** Reads what changed since the last call and writes what it changes, telling `send` as it goes; the first call only reads. */
  async update(send: (message: FastPathMessage) => void): Promise<void> {
    const started = performance.now();
    let project: Project;
    try {
      project = loadProject({ dev: true, env: this.options.env, root: this.options.root, memo: this.memo });
    } catch (error) {
      const content = findContentError(error);
      if (!content) throw error;
      send({ type: "failed", problems: content.problems });
      return;
    }
    const { pages, related } = this.pageParts(project);
    const links = (briefing: Briefing): Links => JSON.stringify([briefing.newer, briefing.older, related[briefing.path] ?? null]);
    const first = this.shown.size === 0;
    const before = this.shown;
    this.shown = new Map(project.briefings.map((briefing) => [briefing.path, { briefing, links: links(briefing) }]));
    if (first) {
      await this.warmUp(project, pages);
      return;
    }
    const saved = project.briefings.filter((briefing) => before.get(briefing.path)?.briefing !== briefing);
    if (saved.length === 0 || saved.length > MAX_SAVED) return;

    const writer = outputWriter(this.options.output);
    const files: string[] = [];
    const writePage = async (briefing: Briefing) => {
      writer.write({ path: `${briefing.path}index.html`, body: await pages.render(briefing) });
      files.push(briefing.path);
    };
    // The email first: a clipped email stops the full build too, and the page then waits for the fix.
    try {
      buildEmailFiles(saved, project.settings, { cache: project.cache, write: writer.write });
    } catch (error) {
      const content = findContentError(error);
      if (!content) throw error;
      send({ type: "failed", problems: content.problems });
      return;
    }
    files.push(...saved.filter((briefing) => briefing.email).map(emailPath));
    for (const briefing of saved) await writePage(briefing);
    send({ type: "written", files: [...files], sources: saved.map((briefing) => briefing.sourcePath), ms: performance.now() - started });

    // Then the pages that show the saved briefings' titles or dates: neighbours, related links.
    files.length = 0;
    const touched = project.briefings.filter((briefing) => !saved.includes(briefing) && before.get(briefing.path)?.links !== this.shown.get(briefing.path)!.links);
    for (const briefing of touched.slice(0, MAX_TOUCHED)) await writePage(briefing);
    if (files.length > 0) send({ type: "written", files, sources: [], ms: performance.now() - started });
  }

  /**
   * The page renderer and related links for this load. The renderer (its templates compiled) is
   * kept while the settings and layouts stay the same; `related` is refilled in place, as the
   * renderer reads it at each render (src/render/pages.ts).
   */
  private pageParts(project: Project): { pages: BriefingPages; related: Record<string, RelatedLink[]> } {
    const key = JSON.stringify([project.settings, layoutsStamp()]);
    if (this.parts?.key !== key) {
      const { pages, related } = briefingPageParts(project, null);
      this.parts = { key, pages, related };
      return this.parts;
    }
    const { related } = this.parts;
    for (const briefingPath of Object.keys(related)) delete related[briefingPath];
    Object.assign(related, Object.fromEntries(relatedBriefings(project.briefings)));
    return this.parts;
  }

  /** Renders one page and one email edition into memory, so that the first save does not wait for templates to compile. */
  private async warmUp(project: Project, pages: BriefingPages): Promise<void> {
    const sample = project.briefings.find((briefing) => briefing.email);
    if (!sample) return;
    await pages.render(sample);
    try {
      buildEmailFiles([sample], project.settings, { cache: NO_CACHE, write: () => {} });
    } catch (error) {
      // A clipped email: the full rebuild reports it, naming the briefing.
      if (!findContentError(error)) throw error;
    }
  }
}
