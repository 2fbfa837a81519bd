import type { Cache } from "../../src/cache/store.ts";

/** A cache that counts what it served and stored, by kind. */
export function recording(cache: Cache) {
  const hits: Record<string, number> = {};
  const sets: Record<string, number> = {};
  const wrapped: Cache = {
    key: (...inputs) => cache.key(...inputs),
    get<T>(kind: string, key: string) {
      const value = cache.get<T>(kind, key);
      if (value !== undefined) hits[kind] = (hits[kind] ?? 0) + 1;
      return value;
    },
    set(kind, key, value) {
      sets[kind] = (sets[kind] ?? 0) + 1;
      cache.set(kind, key, value);
    },
  };
  return { cache: wrapped, hits, sets };
}
