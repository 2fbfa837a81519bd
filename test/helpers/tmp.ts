import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const created: string[] = [];
// Registered once, when a test file imports this module, so that folders made inside a test
// (where a new afterAll hook would never run) are removed too.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder removed after the test file; `write` creates files inside it. */
export function tempFolder(prefix = "dispatch-") {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return {
    dir,
    write(relative: string, text: string): string {
      const file = path.join(dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
  };
}

/** A briefing file's text from front-matter lines and a body. */
export function briefingSource(fields: Record<string, string>, body = "A first paragraph that says what happened."): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}
