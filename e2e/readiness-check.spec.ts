/**
 * The upgrade readiness check (spec §4c) in the windows: Check now in the Configuration
 * Tool, its counts and details, the confirmation repeating them, then Apply/Exit whose
 * preparation reuses the check's compilations. On its own demo environment (the shared
 * one is walked through its upgrade by upgrade-journey.spec.ts), in the browser host.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openOwnDemoHost, type OwnDemoHost } from './own-demo-host';

test.describe.configure({ mode: 'serial' });

const CHECK_TIMEOUT = 240_000;
let own: OwnDemoHost;
let page: Page;

test.beforeAll(async ({ appHost }) => {
  test.skip(appHost !== 'web', 'runs on its own browser host; the web project covers it');
  // Slowed a little, so the check's progress can be seen before it ends.
  own = await openOwnDemoHost({ prefix: 'config-tool-e2e-readiness-', faults: 'delay:40', acceptDownloads: true });
  page = own.page;
});

test.afterAll(async () => {
  await own?.close();
});

/** Saves a screenshot beside the other specs' (e2e/artifacts/web/). */
async function snap(name: string): Promise<void> {
  const dir = path.join(__dirname, 'artifacts', 'web');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

const goto = (route: string) => own.goto(route);

test('Check now in the Configuration Tool shows the counts for 11.17.0 and which modules, and why', async () => {
  await goto('/config-tool');
  const section = page.getByTestId('readiness-group');
  await expect(section.getByTestId('readiness-not-checked')).toContainText('Not checked yet for 11.17.0');
  await section.getByTestId('readiness-check-now').click();
  await expect(section.getByTestId('readiness-progress')).toBeVisible();
  await expect(section.getByTestId('readiness-counts')).toHaveText(
    '87 modules ready, 10 would fail, 7 would be skipped',
    { timeout: CHECK_TIMEOUT },
  );
  await expect(section.getByTestId('readiness-age')).toContainText('Checked just now');
  // Nothing was upgraded: the environment still runs 11.11.3.
  await expect(page.getByTestId('config-platform-version')).toHaveText('11.11.3');
  await section.getByText('Which modules, and why').click();
  const mailer = section.locator('[data-testid="readiness-problem"][data-module="TicketMailer"]');
  await expect(mailer).toContainText('would fail');
  await expect(mailer).toContainText('sendMailLegacy');
  await expect(section.getByTestId('readiness-problem').filter({ hasText: 'would be skipped' }).first()).toContainText(
    /producer '\w+'/,
  );
  await snap('readiness-01-checked');
});

test('the check sits in the Upgrades history beside the preparations', async () => {
  await goto('/console/history');
  const row = page.getByTestId('run-row').first();
  await expect(row).toContainText(/readiness check/i);
  await expect(row.getByTestId('run-counts')).toContainText('87 ready');
  await expect(page.getByTestId('run-prepare')).toHaveCount(0);
});

test('the confirmation repeats the counts, and Apply/Exit reuses the check: the Setup window says so', async () => {
  await goto('/config-tool');
  await page.getByTestId('config-apply-exit').click();
  await expect(page.getByTestId('upgrade-readiness')).toContainText(
    '87 modules ready, 10 would fail, 7 would be skipped',
  );
  await snap('readiness-02-confirmation');
  await page.getByTestId('upgrade-ok').click();
  await goto('/setup');
  await expect(page.getByTestId('count-remaining')).toHaveText('0', { timeout: CHECK_TIMEOUT });
  await expect(page.getByTestId('count-failed')).toHaveText('10');
  await expect(page.getByTestId('setup-log')).toContainText('97 reused from the readiness check', {
    timeout: CHECK_TIMEOUT,
  });
  await goto('/console/history');
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="run-row"][data-run-id="2"]')).toContainText(/upgrade/i);
});
