import { defineConfig } from "vitest/config";

// Browser tests: playwright-core driving Debian's chromium against the real stack that
// e2e/stack.ts starts once for the run. One file at a time, one test at a time.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["e2e/stack.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 360_000,
  },
});
