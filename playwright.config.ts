/**
 * End-to-end tests: the same specs (e2e/) run against the browser host in Debian's
 * Chromium (`web`) and against the Electron app (`electron`, skipped when no
 * Electron binary is installed). One worker: the specs walk one environment
 * through its upgrade in order.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './e2e/chromium';
import type { AppOptions } from './e2e/fixtures';

export default defineConfig<AppOptions>({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Creating the demo and preparing its ~104 modules takes a minute or two on 2 cores.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
  },
  projects: [
    {
      name: 'web',
      use: {
        appHost: 'web',
        browserName: 'chromium',
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
    { name: 'electron', use: { appHost: 'electron' } },
  ],
});
