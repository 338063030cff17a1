import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure modules, fixtures, golden scenarios) and `e2e` (builds the demo
// site once in its global setup, then checks the output and drives Chromium over it).
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/e2e/build-demo-site.ts'],
          hookTimeout: 300_000,
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
