import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/chromium.ts"],
    // Builds and browsers take seconds, not milliseconds, on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
