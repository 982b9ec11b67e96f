import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        // Browser tests need Chromium: `npm run test:e2e` (CI installs Debian's).
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "**/node_modules/**"],
        },
      },
      {
        // The LIFF app's components: Preact JSX in a happy-dom page.
        extends: true,
        oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
        test: { name: "liff", include: ["test/liff/**/*.test.tsx"], environment: "happy-dom" },
      },
    ],
  },
});
