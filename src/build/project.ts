import { existsSync } from "node:fs";
import path from "node:path";
import { projectPaths, type ProjectPaths } from "../config/paths.ts";
import { openCache, type Cache } from "../cache/store.ts";
import { loadBriefings, type BriefingMemo } from "../content/load.ts";
import type { Scheduled } from "../content/publish.ts";
import type { Briefing } from "../content/types.ts";
import { loadSiteSettings, type SiteSettings } from "../config/settings.ts";

export interface Project {
  paths: ProjectPaths;
  settings: SiteSettings;
  briefings: Briefing[];
  warnings: string[];
  /** Future-dated briefings waiting for a build after their date, soonest first. */
  scheduled: Scheduled[];
  /** True in the dev server: drafts and future briefings show, preview links appear. */
  dev: boolean;
  /** Per-briefing work from earlier builds (DISPATCH_CACHE). */
  cache: Cache;
}

/** Reads settings and briefings once; the build, the dev server and the commands all start here. */
export function loadProject(options: { env?: NodeJS.ProcessEnv; root?: string; dev?: boolean; now?: Date; memo?: BriefingMemo } = {}): Project {
  const env = options.env ?? process.env;
  const paths = projectPaths(env, options.root);
  const settings = loadSiteSettings(paths.settingsFile, env, path.relative(paths.root, paths.settingsFile));
  const dev = options.dev ?? false;
  const cache = openCache(paths.cache);
  // A site started fresh may have no briefings folder yet (git keeps no empty folders).
  const fresh = !env.DISPATCH_BRIEFINGS && !existsSync(paths.briefings);
  const { briefings, warnings, scheduled } = fresh ? { briefings: [], warnings: [], scheduled: [] } : loadBriefings({
    dir: paths.briefings,
    settings,
    staticDir: paths.content,
    includeUnpublished: dev,
    now: options.now,
    cwd: paths.root,
    cache,
    memo: options.memo,
  });
  return { paths, settings, briefings, warnings, scheduled, dev, cache };
}
