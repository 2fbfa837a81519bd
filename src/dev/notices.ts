import { escapeHtml } from "../html/escape.ts";

/**
 * What the dev server shows instead of the site while there is nothing good to show: the first
 * build still running, or a build that failed. Both reload themselves every second, so the
 * site appears as soon as a build succeeds (no restart).
 */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:50rem;padding:0 1rem}pre{white-space:pre-wrap;background:#fff0f0;border-left:4px solid #c00;padding:1rem}</style>
</head><body>${body}</body></html>
`;
}

export function buildingPage(): string {
  return page("Building…", "<h1>Building…</h1><p>The first build is running; this page reloads by itself.</p>");
}

export function failurePage(problems: string[]): string {
  return page(
    "Build failed",
    `<h1>Build failed</h1><p>Fix ${problems.length === 1 ? "this problem" : "these problems"} and save: this page reloads by itself and shows the site again once the build succeeds.</p><pre>${problems.map(escapeHtml).join("\n")}</pre>`,
  );
}
