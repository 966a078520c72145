/**
 * The admin's journey on the demo environment, in order: the pending upgrade,
 * Apply/Exit, the progressive preparation running (Publish per module, a reload mid-run), its
 * end with the demo's real failures, a module not upgraded, the reports, a retry.
 */
import type { Page } from '@playwright/test';
import { expect, releaseHeldModules, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

/** The whole preparation of the demo on one compiler process: long enough to act mid-run, short enough to wait for. */
const PREPARATION_TIMEOUT = 240_000;

async function progressOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('aria-valuenow'));
}

test('first start shows the pending upgrade from 11.11.3 to 11.17.0', async ({ ui }) => {
  const { page } = ui;
  await ui.goto('/config-tool');
  await expect(page.getByTestId('config-platform-version')).toHaveText('11.11.3');
  await expect(page.getByTestId('config-installed-version')).toHaveText('11.17.0');
  await expect(page.getByTestId('upgrade-pending-notice')).toContainText('Upgrade pending');
  await ui.snap('01-config-tool');
});

test('Apply/Exit asks for confirmation, then Environment Setup shows the upgrade running', async ({ ui }) => {
  const { page } = ui;
  // One compiler process keeps the preparation running long enough for the mid-run specs below.
  await page.getByTestId('config-parallel').fill('1');
  await page.getByTestId('config-apply-exit').click();
  await expect(page.getByTestId('upgrade-ok')).toBeVisible();
  await expect(page.getByTestId('upgrade-lock')).toHaveText(
    /Each module can be published as soon as the modules it consumes are prepared/,
  );
  await expect(page.getByTestId('upgrade-warning')).toHaveCount(0);
  await ui.snap('02-upgrade-confirmation');
  await page.getByTestId('upgrade-ok').click();
  // A second window in Electron, a route of the same page in a browser.
  const setup = await ui.setupPage();
  await expect(setup.getByTestId('setup-window')).toBeVisible();
  await expect(setup.getByTestId('setup-log')).not.toBeEmpty();
  await ui.snap('03-environment-setup-running', setup);
});

test('during the progressive preparation only the current group is locked: Publish says why per module', async ({
  ui,
}) => {
  const { page } = ui;
  // CustomerCore and OrderModel are held in the group: the run stands still until they are released.
  await ui.goto('/console/modules/CustomerCore');
  await expect(page.getByTestId('module-status')).toContainText('Being prepared', { timeout: PREPARATION_TIMEOUT });
  await expect(page.getByTestId('module-publish')).toBeDisabled();
  await expect(page.getByTestId('module-actions-reason')).toContainText(/Being prepared now, in group \d+/);
  // Deleting it is refused by the same gate: the button says so before the admin tries.
  await expect(page.getByTestId('module-delete')).toBeDisabled();
  await expect(page.getByTestId('module-actions-reason')).toContainText('it can be published or deleted');

  await ui.goto('/console/modules/CustomerMobile');
  await expect(page.getByTestId('module-publish')).toBeDisabled();
  await expect(page.getByTestId('module-actions-reason')).toContainText('Waiting for producer CustomerCore');
  await expect(page.getByTestId('module-delete')).toBeEnabled();
  await ui.snap('04-publish-waiting-for-producer');

  await ui.goto('/console/preparation');
  await expect(page.getByTestId('progressive-group-line')).toContainText(/Preparing group \d+: .*CustomerCore/);
  await expect(page.getByTestId('ready-to-publish')).toContainText(/\d+ modules ready to publish/);

  // DateUtils consumes nothing and nothing consumes it: it is outside the group being prepared, so it can be
  // published whether its turn has come or not (with batched compiles it is often prepared already).
  await ui.goto('/console/modules/DateUtils');
  await expect(page.getByTestId('module-status')).toContainText(/Pending|Prepared/);
  await expect(page.getByTestId('module-publish')).toBeEnabled();
  await page.getByTestId('module-publish').click();
  await expect(
    page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: 'DateUtils published' }),
  ).toBeVisible();
  await expect(page.getByTestId('module-running-version')).toHaveText('11.17.0');
  await expect(page.getByTestId('module-status')).toContainText('Prepared');
  await ui.snap('04b-publish-ready-module');
});

test('a reload mid-run shows the live progress, which keeps advancing', async ({ ui }) => {
  const { page } = ui;
  await ui.goto('/setup');
  await expect(page.getByTestId('setup-progress')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('setup-window')).toBeVisible();
  await expect(page.getByTestId('count-total')).not.toHaveText('0');
  await expect(page.getByTestId('progressive-group-line')).toContainText('CustomerCore');
  // The log comes back whole, from the upgrade's first step on, not only what arrives after the reload:
  // it shows the latest lines, and Home (the log takes the keyboard) scrolls to its first one.
  const log = page.getByTestId('setup-log');
  await expect(log.getByTestId('setup-log-line').first()).toBeVisible();
  await log.focus();
  await page.keyboard.press('Home');
  await expect(log).toContainText('Upgrading the environment from 11.11.3 to 11.17.0.');
  // Read while the held modules keep the run still: once released, a fast machine could finish the
  // preparation before a later read, and "below 100" would then race the run's end.
  const afterReload = await progressOf(page, 'setup-progress');
  expect(afterReload).toBeLessThan(100);
  releaseHeldModules(ui.app);
  await expect
    .poll(() => progressOf(page, 'setup-progress'), { timeout: PREPARATION_TIMEOUT })
    .toBeGreaterThan(afterReload);
  await ui.snap('05-setup-after-reload');
});

test("Environment Setup runs to the end with the demo's 10 failed and 7 skipped modules, and the console turns orange", async ({
  ui,
}) => {
  const { page } = ui;
  await ui.goto('/setup');
  await expect(page.getByTestId('count-remaining')).toHaveText('0', { timeout: PREPARATION_TIMEOUT });
  await expect(page.getByTestId('count-failed')).toHaveText('10');
  await expect(page.getByTestId('count-skipped')).toHaveText('7');
  await expect.poll(() => progressOf(page, 'setup-progress'), { timeout: PREPARATION_TIMEOUT }).toBe(100);
  await ui.snap('06-environment-setup-finished');
  await ui.goto('/console');
  await expect(page.getByTestId('banner-errors')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('banner-counts')).toContainText('10 failed, 7 skipped');
  await ui.snap('07-console-overview-orange');
});

test('a module that failed to prepare says it has not been upgraded and shows its compiler error', async ({ ui }) => {
  const { page } = ui;
  await ui.goto('/console/modules/MailTemplates');
  await expect(page.getByTestId('module-status')).toContainText(/failed/i);
  await expect(page.getByTestId('module-not-upgraded')).toContainText('has not been upgraded');
  await expect(page.getByTestId('module-errors')).toContainText('sendMailLegacy');
  await ui.snap('08-module-not-upgraded');
});

test('the console lists the modules and the preparation details', async ({ ui }) => {
  const { page } = ui;
  await ui.goto('/console/modules');
  await expect(page.getByTestId('module-row').first()).toBeVisible();
  await ui.snap('09-modules');
  await ui.goto('/console/preparation');
  await expect(page.getByTestId('preparation-page')).toBeVisible();
  await expect(page.getByTestId('steps')).toBeVisible();
  await ui.snap('10-preparation-details');
});

test('each report format downloads with its content', async ({ ui }) => {
  const { page } = ui;
  await ui.goto('/console/history');
  const row = page.getByTestId('run-row').first();
  await expect(row).toBeVisible();
  const contents: Record<string, string> = {};
  for (const format of ['json', 'csv', 'html', 'junit'] as const) {
    contents[format] = await ui.exportedReport(() => row.getByTestId(`run-export-${format}`).click());
  }
  const json = JSON.parse(contents.json!) as { run: { counts: { failed: number; skipped: number } } };
  expect(json.run.counts).toMatchObject({ failed: 10, skipped: 7 });
  expect(contents.csv!.split(/\r?\n/)[0]).toBe(
    'name,application,status,duration_ms,errors,reused_from_check,reused_from_shared_cache',
  );
  expect(contents.html).toMatch(/<html/i);
  expect(contents.html).toMatch(/summary/i);
  expect(contents.junit).toContain('<testsuite');
});

test('Deploy N prepared modules deploys them after a confirmation, and the overview says none is left', async ({
  ui,
}) => {
  const { page } = ui;
  await ui.goto('/console');
  await expect(page.getByTestId('overview-prepared-not-deployed')).toContainText(
    /\d+ prepared modules are not yet deployed/,
  );
  await ui.goto('/console/history');
  const deploy = page.getByTestId('deploy-prepared-button');
  await expect(deploy).toHaveText(/Deploy \d+ prepared modules/);
  await deploy.click();
  await expect(page.getByTestId('deploy-prepared-dialog')).toContainText('nothing is compiled again');
  await ui.snap('10b-deploy-prepared-confirmation');
  await page.getByTestId('deploy-prepared-ok').click();
  await expect(
    page
      .getByRole('status')
      .or(page.getByRole('alert'))
      .filter({ hasText: /Deployed \d+ prepared modules/ }),
  ).toBeVisible();
  await expect(page.getByTestId('deploy-prepared')).toHaveCount(0);
  await ui.goto('/console');
  await expect(page.getByTestId('overview-prepared-not-deployed')).toHaveCount(0);
});

test('Prepare in the Upgrades history retries the failed and skipped modules as a new run', async ({ ui }) => {
  const { page } = ui;
  await ui.goto('/console/history');
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('run-prepare').click();
  await expect(rows).toHaveCount(2);
  await expect(page.locator('[data-testid="run-row"][data-run-id="2"]')).toBeVisible();
  await expect(page.locator('[data-testid="run-row"][data-run-id="2"] [data-testid="run-status"]')).not.toContainText(
    /running/i,
    {
      timeout: PREPARATION_TIMEOUT,
    },
  );
  await ui.snap('11-upgrades-history-retry');
});
