import type { Briefing } from "../content/types.ts";
import { servedFile, siteTarget } from "./targets.ts";

/**
 * The build's own warnings about what an editor wrote: links into the site that lead to no page
 * and images whose file is missing, each naming the briefing. `pages` are the site paths the
 * build wrote; `staticDir` (content/) holds images and assets under the same paths.
 */
export function briefingLinkWarnings(briefings: Briefing[], pages: Set<string>, staticDir: string, siteUrl: string): string[] {
  const warnings: string[] = [];
  const exists = (sitePath: string) => pages.has(sitePath) || pages.has(`${sitePath}/`) || servedFile(staticDir, sitePath) !== null;
  for (const briefing of briefings) {
    // The body's addresses were collected when it was rendered (and cached with it): no parse here.
    const images = briefing.image ? [briefing.image.src, ...briefing.links.images] : briefing.links.images;
    for (const src of new Set(images)) {
      const target = siteTarget(src, briefing.url, siteUrl);
      if (target && servedFile(staticDir, target.path) === null) {
        warnings.push(`${briefing.sourcePath}: image ${src} does not exist; add the file to content/images/ or fix the path`);
      }
    }
    for (const href of new Set(briefing.links.hrefs)) {
      const target = siteTarget(href, briefing.url, siteUrl);
      // Anchors on the page itself are checked by `npm run check`, which sees the whole page.
      if (!target || target.path === briefing.path) continue;
      if (!exists(target.path)) warnings.push(`${briefing.sourcePath}: link to ${href} leads to no page of this site; fix the link, or publish what it points to`);
    }
  }
  return warnings;
}
