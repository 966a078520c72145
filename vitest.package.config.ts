import { defineConfig } from 'vitest/config';

/** `npm run test:package`: packages the app for Linux with a stub Electron and checks the result (scripts/app-package.test.ts). */
export default defineConfig({
  test: {
    include: ['scripts/app-package.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
