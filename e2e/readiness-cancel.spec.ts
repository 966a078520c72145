/**
 * Cancel of a running readiness check (spec §4c) in the Configuration Tool window: the run
 * ends interrupted, the Upgrade readiness section says the check was cancelled and offers
 * Check now again, which resumes it. On its own demo environment, in the browser host. The
 * service holds CommonLib (the module most others consume, so the first the check hands to
 * a compiler) before its compiler with the test fault `prepare-hold`: the check can't end
 * before the test has cancelled it and released CommonLib, so nothing here races a clock.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openOwnDemoHost, type OwnDemoHost } from './own-demo-host';

test.describe.configure({ mode: 'serial' });

const HELD = 'CommonLib';
const CHECK_TIMEOUT = 240_000;
let own: OwnDemoHost;
let page: Page;
let environmentDir: string;

test.beforeAll(async ({ appHost }) => {
  test.skip(appHost !== 'web', 'runs on its own browser host; the web project covers it');
  own = await openOwnDemoHost({ prefix: 'config-tool-e2e-readiness-cancel-', faults: `prepare-hold:${HELD}` });
  ({ page, environmentDir } = own);
});

test.afterAll(async () => {
  await own?.close();
});

const goto = (route: string) => own.goto(route);

/** The readiness check runs as stored in the environment database, newest first. */
function checkRuns(): { id: number; status: string }[] {
  const db = new Database(path.join(environmentDir, 'environment.db'), { readonly: true });
  try {
    return db.prepare(`SELECT id, status FROM preparation_runs WHERE kind = 'check' ORDER BY id DESC`).all() as {
      id: number;
      status: string;
    }[];
  } finally {
    db.close();
  }
}

test('Cancel stops a running check: it ends interrupted, the section says it was cancelled, Check now is back', async () => {
  await goto('/config-tool');
  const section = page.getByTestId('readiness-group');
  await section.getByTestId('readiness-check-now').click();
  const running = section.getByTestId('readiness-running');
  await expect(running).toBeVisible();
  await expect(running).toContainText('Checking the modules against 11.17.0');

  await section.getByTestId('readiness-cancel').click();
  // CommonLib is still held: the check waits for it, and says it is cancelling.
  await expect(section.getByTestId('readiness-cancel')).toHaveText('Cancelling…');
  await expect(section.getByTestId('readiness-cancel')).toBeDisabled();
  await expect(running).toContainText('Cancelling: the modules being compiled finish first.');
  fs.writeFileSync(path.join(environmentDir, `test-release-${HELD}`), '');

  const stopped = section.getByTestId('readiness-interrupted');
  await expect(stopped).toContainText(/^Cancelled\. The check for 11\.17\.0 stopped at \d+ of \d+ modules/, {
    timeout: CHECK_TIMEOUT,
  });
  await expect(stopped).toContainText('Check now resumes it.');
  await expect(section.getByTestId('readiness-running')).toHaveCount(0);
  const checkNow = section.getByTestId('readiness-check-now');
  await expect(checkNow).toHaveText('Check now');
  await expect(checkNow).toBeEnabled();
  const [run] = checkRuns();
  expect(run.status).toBe('interrupted');

  // The Upgrades history has it, interrupted, beside the preparations.
  await goto('/console/history');
  const row = page.locator(`[data-testid="run-row"][data-run-id="${run.id}"]`);
  await expect(row).toContainText(/readiness check/i);
  await expect(row.getByTestId('run-status')).toHaveText(/interrupted/i);
});

test('Check now after a Cancel resumes the same check to its end', async () => {
  await goto('/config-tool');
  const section = page.getByTestId('readiness-group');
  const [cancelled] = checkRuns();
  await section.getByTestId('readiness-check-now').click();
  await expect(section.getByTestId('readiness-counts')).toHaveText(
    '87 modules ready, 10 would fail, 7 would be skipped',
    { timeout: CHECK_TIMEOUT },
  );
  await expect(section.getByTestId('readiness-latest')).toHaveAttribute('data-run-id', String(cancelled.id));
  expect(checkRuns()).toEqual([{ id: cancelled.id, status: 'finished' }]);
});
