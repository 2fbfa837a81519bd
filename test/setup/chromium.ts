import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

function findChromium(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/** Debian's package, where this user may install packages; otherwise nothing happens. */
function tryInstall(): void {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) return;
  console.log("[test] No Chromium found: installing Debian's chromium package (apt-get install -y chromium)…");
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } catch {
    // Reported below as the one-sentence instruction.
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    chromePath: string;
  }
}

/** Runs once before all tests: the browser tests need a real Chromium. */
export default function setup(project: TestProject): void {
  let found = findChromium();
  if (!found) {
    tryInstall();
    found = findChromium();
  }
  if (!found) {
    throw new Error("No Chromium found: run `apt-get install -y chromium` (Debian) or set CHROME_PATH to a Chromium or Chrome binary.");
  }
  project.provide("chromePath", found);
}
