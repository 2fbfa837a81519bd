import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { basePath, normaliseBaseUrl } from "../urls.ts";

export interface SiteTarget {
  /** The site path with the base's path removed and percent-escapes decoded: "/briefings/2026/x/". */
  path: string;
  /** The fragment without "#", decoded; "" when none. */
  hash: string;
}

/**
 * Where a link on a page leads inside the site, or null when it leaves the site (another host,
 * mailto:, a merge tag…). `pageUrl` is the page's absolute URL, so relative links resolve as a
 * browser would.
 */
export function siteTarget(href: string, pageUrl: string, siteUrl: string): SiteTarget | null {
  const base = new URL(normaliseBaseUrl(siteUrl));
  let url: URL;
  try {
    url = new URL(href.trim(), pageUrl);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.host !== base.host) return null;
  const prefix = basePath(siteUrl);
  if (!`${url.pathname}/`.startsWith(prefix)) return null;
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return { path: `/${decode(url.pathname.slice(prefix.length))}`, hash: decode(url.hash.slice(1)) };
}

/** The built file a site path is served from (a folder's index.html), or null when there is none. */
export function servedFile(root: string, sitePath: string): string | null {
  const file = path.join(root, sitePath);
  if (!file.startsWith(path.join(root, path.sep)) && file !== root) return null;
  for (const candidate of sitePath.endsWith("/") ? [path.join(file, "index.html")] : [file, path.join(file, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}
