import { statSync } from "node:fs";
import type { Manifest, ManifestStore } from "../config/outputs.ts";
import type { Cache } from "./store.ts";

/**
 * Build manifests (src/config/outputs.ts) kept in the build cache, one entry per build folder.
 * A folder is known by its device, inode and birth time, which stay the same when the staging
 * folder is renamed into place and change when the folder is replaced (deleted and made again,
 * copied back): then there is no manifest, and files are compared as without one. The key holds
 * the code stamp, so other code starts without one too.
 */
export function cachedManifests(cache: Cache): ManifestStore {
  const keyOf = (folder: string): string | null => {
    const stats = statSync(folder, { throwIfNoEntry: false });
    return stats?.isDirectory() ? cache.key("manifest", `${stats.dev}:${stats.ino}:${stats.birthtimeMs}`) : null;
  };
  return {
    load(folder) {
      const key = keyOf(folder);
      const manifest = key === null ? undefined : cache.get<unknown>("manifest", key);
      // A manifest of another shape (another version's) is none.
      return manifest instanceof Map ? (manifest as Manifest) : undefined;
    },
    save(folder, manifest) {
      const key = keyOf(folder);
      if (key !== null) cache.set("manifest", key, manifest);
    },
  };
}
