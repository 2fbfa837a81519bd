import { chromium, type Browser } from "playwright-core";
import { inject } from "vitest";

// Flags for a sandboxed CI box: no GPU, no network chatter, no first-run UI.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches the system Chromium found (or installed) by test/setup/chromium.ts. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject("chromePath"), args: ARGS });
}
