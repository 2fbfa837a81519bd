import type { core } from "zod";

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A field as editors write it: `authors[0].name`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : `${index ? "." : ""}${String(key)}`)).join("");
}

/** Words a schema problem for an editor: `"date" must be … (got "next tuesday")`. */
export function describeIssue(issue: core.$ZodIssue, raw: unknown): string {
  const value = valueAt(raw, issue.path);
  const field = fieldName(issue.path);
  if (value === undefined) return `"${field}" is required: ${issue.message}`;
  const shown = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return `"${field}" ${issue.message} (got ${shown})`;
}
