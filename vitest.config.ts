import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'out/**', 'e2e/**'],
    globalSetup: ['scripts/vitest-global-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
