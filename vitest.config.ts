import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // scripts/app-package.test.ts packages the app: `npm run test:package` runs it (vitest.package.config.ts).
    exclude: ['**/node_modules/**', 'out/**', 'e2e/**', 'scripts/app-package.test.ts'],
    globalSetup: ['scripts/vitest-global-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
