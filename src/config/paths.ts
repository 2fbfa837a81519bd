import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where things live. The briefings folder, the settings file and the output folder can move (env). */
export interface ProjectPaths {
  root: string;
  /** Editors' folder: briefings, site settings, images and assets (Eleventy never reads it). */
  content: string;
  settingsFile: string;
  briefings: string;
  output: string;
  /** The on-disk cache (DISPATCH_CACHE=<dir>; `off`: none), .cache/dispatch by default. */
  cache: string | null;
}

export function projectPaths(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): ProjectPaths {
  const content = path.join(root, "content");
  return {
    root,
    content,
    settingsFile: path.resolve(root, env.DISPATCH_SETTINGS || path.join(content, "_data", "site.json")),
    briefings: path.resolve(root, env.DISPATCH_BRIEFINGS || path.join(content, "briefings")),
    output: path.resolve(root, env.DISPATCH_OUT || "dist"),
    cache: env.DISPATCH_CACHE === "off" ? null : path.resolve(root, env.DISPATCH_CACHE || path.join(".cache", "dispatch")),
  };
}

/** Dispatch's own layouts folder (Nunjucks): the briefing pages, Eleventy's pages and the email templates. */
export const LAYOUTS_DIR = fileURLToPath(new URL("../../layouts/", import.meta.url));
