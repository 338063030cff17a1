import { defineConfig } from 'vitest/config';

// Unit tests run in a pinned time zone; date tests that need another zone set it themselves
// through the settings' timeZone, never through the process clock.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
