import { mkdirSync, writeFileSync } from "node:fs";
import * as fs from "node:fs";
import path from "node:path";
import type { PublishFs } from "../../src/build/publish.ts";

// Shared by test/site/publish.test.ts and the killed build it runs (publish-child.ts): no vitest here.

/** Two versions of a small site: one file kept, one changed, one removed, one added in a new folder. */
export const SITES = {
  A: { "index.html": "<p>build A</p>", "about/index.html": "about A", "old/index.html": "old A", "same.css": "same" },
  B: { "index.html": "<p>build B</p>", "about/index.html": "about B", "new/deep/index.html": "new B", "same.css": "same" },
} as const;
export type SiteId = keyof typeof SITES;

/** A build step for publish(): writes site `id` into the staging folder. */
export function writeSite(id: SiteId) {
  return async (staging: string): Promise<SiteId> => {
    for (const [file, text] of Object.entries(SITES[id])) {
      mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      writeFileSync(path.join(staging, file), text);
    }
    return id;
  };
}

export const FS_CALLS = ["mkdirSync", "writeFileSync", "copyFileSync", "renameSync", "symlinkSync", "linkSync", "unlinkSync", "rmSync", "rm"] as const;

/** node:fs for publish(), with `before` run ahead of every call that changes the disk (its number from 1). */
export function watchedFs(before: (call: number, name: string, target: string) => void): PublishFs {
  let calls = 0;
  const real = { ...fs, rm: fs.promises.rm } as unknown as Record<string, (...args: unknown[]) => unknown>;
  const wrapped = Object.fromEntries(
    FS_CALLS.map((name) => [
      name,
      (...args: unknown[]) => {
        calls += 1;
        before(calls, name, String(args[0]));
        return real[name](...args);
      },
    ]),
  );
  return wrapped as unknown as PublishFs;
}

/** An error as Node's file system throws it. */
export function systemError(code: string, syscall: string, target: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected, ${syscall} '${target}'`), { code, syscall, path: target, errno: -1 });
}
