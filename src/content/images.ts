import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { imageSize } from "image-size";

export interface ImageFile {
  bytes: number;
  /** Null for formats image-size cannot read. */
  width: number | null;
  height: number | null;
}

/**
 * The file behind a site path like /images/paris.jpg in the site's static folder, or null for
 * remote images, paths outside that folder and missing files.
 */
export function readLocalImage(src: string, staticDir: string | undefined): ImageFile | null {
  if (!staticDir || !src.startsWith("/") || src.startsWith("//")) return null;
  let file: string;
  try {
    file = path.join(staticDir, decodeURIComponent(new URL(src, "https://x.invalid/").pathname));
  } catch {
    return null;
  }
  if (!file.startsWith(path.join(staticDir, path.sep))) return null;
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch {
    // A missing image keeps no size; the build's image checks report it.
    return null;
  }
  try {
    const { width, height } = imageSize(buffer);
    return { bytes: buffer.length, width: width || null, height: height || null };
  } catch {
    // Not an image format image-size knows (or a damaged file): its size stays unknown.
    return { bytes: buffer.length, width: null, height: null };
  }
}

/**
 * Gives every local <img> without a width and height its file's real size, so that pages,
 * feeds and email keep the image's shape before it loads (and Outlook does not distort it).
 */
export function withLocalImageSizes(html: string, staticDir: string | undefined): string {
  if (!staticDir || !html.includes("<img")) return html;
  const $ = load(html, null, false);
  let changed = false;
  $("img[src]").each((_, element) => {
    const img = $(element);
    if (img.attr("width") || img.attr("height")) return;
    const file = readLocalImage(img.attr("src") ?? "", staticDir);
    if (!file?.width || !file.height) return;
    img.attr("width", String(file.width)).attr("height", String(file.height));
    changed = true;
  });
  return changed ? $.html() : html;
}
