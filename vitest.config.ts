import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Renderer component tests (*.test.tsx) pick jsdom themselves (`// @vitest-environment jsdom`).
    include: ['**/*.test.ts', '**/*.test.tsx'],
    // scripts/app-package.test.ts packages the app: `npm run test:package` runs it (vitest.package.config.ts).
    exclude: ['**/node_modules/**', 'out/**', 'e2e/**', 'scripts/app-package.test.ts'],
    globalSetup: ['scripts/vitest-global-setup.ts'],
    // Most tests start real processes (CLI, service, compiler workers): on a 2-vCPU CI machine a
    // few seconds each, so a minute is a wide margin. Hooks get the same (vitest's default is 10 s):
    // an afterAll that stops a service or a browser host waits for its processes to end. Hooks and
    // tests that build whole environments say so themselves (SETUP_TIMEOUT_MS, 120_000).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
