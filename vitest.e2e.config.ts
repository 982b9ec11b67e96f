import { defineConfig } from "vitest/config";

// Browser tests: Debian's Chromium driven by playwright-core against the real server.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
