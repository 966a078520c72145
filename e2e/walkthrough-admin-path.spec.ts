/**
 * The admin's path on a small environment of its own (issue 14): what each page says
 * before an upgrade, while it runs (a module whose compilation hangs until its time
 * limit keeps the run open) and after it, Prepare again, the browser host stopping,
 * and every page at 100 % and 200 % zoom.
 */
import type { Page } from '@playwright/test';
import { startCli } from '../test-support/background-cli';
import { consumerSource, legacyMailSource, writeTestFactory } from '../test-support/factories';
import { faults } from '../test-support/run-cli';
import { expect, test, type Ui } from './fixtures';

test.describe.configure({ mode: 'serial' });

/** The slow module's time limit: long enough to look at the pages mid-run, short enough to wait for twice. */
const TIME_LIMIT_S = 12;
const RUN_TIMEOUT = 120_000;

test.use({
  ownEnvironment: {
    faults: 'hang:Slow',
    writeFactory: (dir) =>
      writeTestFactory(dir, {
        name: 'Admin Path',
        platformVersion: '11.11.3',
        modules: [
          { name: 'Core', application: 'Shared' },
          { name: 'Orders', application: 'Sales', references: ['Core'] },
          { name: 'Mailer', application: 'Billing', files: legacyMailSource() },
          {
            name: 'Invoices',
            application: 'Billing',
            references: ['Mailer'],
            files: {
              'index.ts': `import { notify } from '@modules/Mailer';\n\nexport function send(to: string): void {\n  notify(to);\n}\n`,
            },
          },
          { name: 'Slow', application: 'Shared' },
          { name: 'Reports', application: 'Sales', references: ['Slow'], files: consumerSource('Reports', ['Slow']) },
          { name: 'Draft', application: 'Sales', state: 'uploaded' },
          { name: 'Broken', application: 'Sales', state: 'publish-failed' },
        ],
      }),
  },
});

async function progressOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('aria-valuenow'));
}

async function openModule(ui: Ui, name: string): Promise<void> {
  await ui.goto(`/console/modules/${name}`);
  await expect(ui.page.getByTestId('module-detail')).toBeVisible();
  await expect(ui.page.getByTestId('module-facts')).toBeVisible();
}

test('15: no page asks for a file the host does not have (the favicon comes with the build)', async ({ ui }) => {
  const { page } = ui;
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  // 'networkidle': every request the page made (the favicon included) has been answered.
  await page.reload({ waitUntil: 'networkidle' });
  await expect(page.getByTestId('config-tool-window')).toBeVisible();
  expect(missing).toEqual([]);
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
});

test('3/4: before any preparation each module says what is true, and what to do', async ({ ui }) => {
  const { page } = ui;
  await ui.goto('/console/modules');
  const statusOf = (name: string) => page.locator(`[data-module-name="${name}"] [data-status]`);
  await expect(statusOf('Core')).toHaveAttribute('data-status', 'up-to-date');
  await expect(statusOf('Core')).toHaveText(/Up to date/);
  await expect(statusOf('Draft')).toHaveAttribute('data-status', 'excluded');
  await expect(page.locator('[data-status="prepared"]')).toHaveCount(0);

  await openModule(ui, 'Broken');
  await expect(page.getByTestId('module-excluded')).toContainText('Its last publish failed');
  await expect(page.getByTestId('module-excluded')).toContainText('It is not deployed.');
  await expect(page.getByTestId('module-not-upgraded')).toHaveCount(0);
  await expect(page.getByTestId('module-publish-failure')).toContainText('Publish it to compile it again');
  await expect(page.getByText('keeps running on its previous version')).toHaveCount(0);

  await openModule(ui, 'Draft');
  await expect(page.getByTestId('module-excluded')).toContainText('Never published');
  await expect(page.getByTestId('module-not-upgraded')).toHaveCount(0);
});

test('10: Export report is disabled with a reason before any run', async ({ ui }) => {
  const { page } = ui;
  await ui.goto('/console');
  await expect(page.getByTestId('export-report')).toBeDisabled();
  await expect(page.getByTestId('export-report-reason')).toHaveText('No report yet');
  await expect(page.getByTestId('overview-no-run')).toBeVisible();
});

test('10: the Configuration Tool marks changes, checks ranges while typing and asks before discarding on Exit', async ({
  ui,
}) => {
  const { page } = ui;
  await ui.goto('/config-tool');
  await expect(page.getByTestId('config-time-limit')).toBeVisible();
  await page.getByTestId('config-time-limit').fill('2');
  await expect(page.getByTestId('config-time-limit-error')).toContainText('between 5 and 3600');
  await expect(page.getByTestId('config-time-limit-changed')).toBeVisible();
  await expect(page.getByTestId('config-unsaved')).toBeVisible();
  await ui.snap('admin-10-config-tool-changed');

  await page.getByTestId('config-exit').click();
  await expect(page.getByTestId('exit-dialog')).toBeVisible();
  await page.getByTestId('exit-keep').click();
  await expect(page.getByTestId('exit-dialog')).toHaveCount(0);
  await expect(page.getByTestId('config-time-limit')).toHaveValue('2');

  await page.getByTestId('config-exit').click();
  await page.getByTestId('exit-discard').click();
  await expect(page.getByTestId('config-time-limit')).not.toHaveValue('2');
  await expect(page.getByTestId('config-time-limit-changed')).toHaveCount(0);
});

test('11/13: the Platform Upgrade dialog lists the 5 steps and the modules it prepares, and gives focus back to Apply/Exit', async ({
  ui,
}) => {
  const { page } = ui;
  await ui.goto('/config-tool');
  await page.getByTestId('config-parallel').fill('2');
  await page.getByTestId('config-time-limit').fill(String(TIME_LIMIT_S));
  await page.getByTestId('config-apply-exit').click();
  const dialog = page.getByTestId('upgrade-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('upgrade-dialog-steps').locator('li')).toHaveCount(5);
  // 8 modules: Draft was never published and Broken failed to publish, so 6 are prepared.
  await expect(page.getByTestId('upgrade-dialog-module-count')).toContainText('6 published modules');
  await expect(page.getByTestId('upgrade-dialog-module-count')).toContainText(
    '2 modules excluded: never published with success',
  );
  await ui.snap('admin-11-upgrade-dialog');
  await page.getByTestId('upgrade-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('config-apply-exit')).toBeFocused();
});

test('6: while a whole-environment preparation holds the lock, what it refuses is disabled with the reason', async ({
  ui,
}) => {
  const { page } = ui;
  // Up to 11.16.x the whole environment is locked (spec §4): upgrade to 11.13.0 from the command line, as another admin would.
  const upgrade = startCli(['upgrade', '--to', '11.13.0', '--env', ui.app.environmentDir], faults('hang:Slow'));
  try {
    await openModule(ui, 'Core');
    // Another process holds the lock: this page learns it from the status it reads on a reload.
    await expect
      .poll(
        async () => {
          await page.reload();
          await expect(page.getByTestId('module-facts')).toBeVisible();
          await page.waitForTimeout(300);
          return page.getByTestId('console-lock-notice').isVisible();
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toBe(true);
    await expect(page.getByTestId('module-publish')).toBeDisabled();
    await expect(page.getByTestId('module-delete')).toBeDisabled();
    await expect(page.getByTestId('module-actions-reason')).toContainText('holds the preparation lock');
    await expect(page.getByTestId('apply-configurations')).toBeDisabled();
    await expect(page.getByTestId('console-lock-notice')).toContainText(/the (platform upgrade|modules preparation)/);
    await ui.snap('admin-06-actions-locked');
    await ui.goto('/config-tool');
    await expect(page.getByTestId('config-apply-exit')).toBeDisabled();
    await expect(page.getByTestId('config-apply-reason')).toContainText('holds the preparation lock');
  } finally {
    // 3: the preparation finished with failed or skipped modules (Mailer, Slow and their consumers).
    expect(await upgrade.exited).toBe(3);
  }
  await page.reload();
  await expect(page.getByTestId('config-apply-exit')).toBeEnabled();
});

test('1: after Prepare again finishes with failures, the preparation step lists them without a reload', async ({
  ui,
}) => {
  const { page } = ui;
  await ui.goto('/console/preparation');
  await expect(page.getByTestId('troubled-module')).toHaveCount(4);
  await page.getByTestId('preparation-retry').click();
  await expect(page.getByTestId('preparation-status')).toHaveText(/Running/, { timeout: 30_000 });
  // Started here, the run's events disable what its lock refuses, without a reload.
  await ui.goto('/console/modules/Core');
  await expect(page.getByTestId('module-publish')).toBeDisabled();
  await ui.goto('/console/preparation');
  await expect(page.getByTestId('preparation-status')).toHaveText('Finished with errors', { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('preparation-title')).toHaveText(/^Prepared 2 of 6 modules$/);
  await expect(page.getByTestId('troubled-module')).toHaveCount(4);
  await expect(page.getByText('No failed or skipped modules.')).toHaveCount(0);
  await expect(page.getByTestId('step-prepare-modules')).toContainText('Finished with errors');
  await ui.goto('/console/modules/Core');
  await expect(page.getByTestId('module-publish')).toBeEnabled();
});

test('2: an open console follows the run: version switch, run started and finished, counts', async ({ ui }) => {
  const { page } = ui;
  const consolePage = await page.context().newPage();
  await consolePage.goto(`${ui.app.url}#/console`);
  await expect(consolePage.getByTestId('console-upgrade-pending')).toBeVisible();
  await expect(consolePage.getByTestId('console-env-version')).toHaveText('Platform Server 11.13.0');

  await ui.goto('/config-tool');
  const target = (await page.getByTestId('config-installed-version').textContent()) ?? '';
  await page.getByTestId('config-apply-exit').click();
  await page.getByTestId('upgrade-ok').click();
  await expect(page.getByTestId('setup-window')).toBeVisible();

  // The console, never reloaded, follows.
  await expect(consolePage.getByTestId('console-env-version')).toHaveText(`Platform Server ${target}`, {
    timeout: RUN_TIMEOUT,
  });
  await expect(consolePage.getByTestId('console-upgrade-pending')).toHaveCount(0);
  await expect(consolePage.getByTestId('banner-preparing')).toBeVisible();
  await expect(consolePage.getByTestId('overview-latest-run')).toContainText(/running/i);
  await expect(consolePage.getByTestId('overview-latest-run')).toContainText(/finished with errors/i, {
    timeout: RUN_TIMEOUT,
  });
  await expect(consolePage.getByTestId('banner-errors')).toBeVisible();
  await consolePage.close();
});

test('9: the finished Setup window offers the next steps and its bar shows its percentage', async ({ ui }) => {
  const { page } = ui;
  await ui.goto('/setup');
  await expect(page.getByTestId('setup-next-steps')).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('setup-close-hint')).toHaveCount(0);
  await expect(page.getByTestId('setup-show-failed')).toHaveText('Show the 2 failed modules');
  await expect(page.getByTestId('setup-show-skipped')).toHaveText('Show the 2 skipped modules');
  await expect(page.getByTestId('setup-prepare-again')).toBeEnabled();
  await expect(page.getByTestId('setup-open-report')).toBeVisible();
  expect(await progressOf(page, 'setup-progress')).toBe(100);
  await expect(page.locator('.run-progress__percent').first()).toHaveText('100%');
  await ui.snap('admin-09-setup-finished');

  await page.getByTestId('setup-show-failed').click();
  await expect(page.getByTestId('modules-filter-status')).toHaveValue('failed');
  await expect(page.getByTestId('module-row')).toHaveCount(2);
  await page.getByTestId('modules-filter-status').selectOption('all');
});

test('5: a skipped module links to the producer it waits for, not to compiler errors', async ({ ui }) => {
  const { page } = ui;
  await openModule(ui, 'Invoices');
  await expect(page.getByTestId('module-waiting-for').getByRole('link', { name: 'Mailer' })).toBeVisible();
  await expect(page.getByText('Compiler errors')).toHaveCount(0);
  await expect(page.getByText('fix its errors first')).toHaveCount(0);
  await ui.snap('admin-05-skipped-module');
});

test('7: an application is published from the console in one go, and what failed is said with its error', async ({
  ui,
}) => {
  const { page } = ui;
  await ui.goto('/console/modules');
  await page.getByTestId('modules-filter-application').selectOption('Billing');
  await page.getByTestId('publish-application').click();
  await expect(page.getByTestId('publish-application-dialog')).toContainText('The 2 modules of Billing');
  await page.getByTestId('publish-application-confirm').click();
  const alert = page.getByTestId('alert-error').filter({ hasText: 'Publish of Billing: 2 modules failed' });
  await expect(alert).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(alert).toContainText('sendMailLegacy');
  await alert.getByRole('button', { name: /Dismiss/ }).click();
  await page.getByTestId('modules-filter-application').selectOption('all');
  // The failed publish now shows on the module's page, with its compiler errors.
  await openModule(ui, 'Mailer');
  await expect(page.getByTestId('module-publish-failure')).toContainText('sendMailLegacy');
});

const PAGES = [
  ['config-tool', '/config-tool'],
  ['setup', '/setup'],
  ['console-overview', '/console'],
  ['console-modules', '/console/modules'],
  ['console-module-failed', '/console/modules/Mailer'],
  ['console-module-skipped', '/console/modules/Invoices'],
  ['console-module-excluded', '/console/modules/Broken'],
  ['console-preparation', '/console/preparation'],
  ['console-history', '/console/history'],
] as const;

/** The control each zoomed page must show in the window. */
const KEY_CONTROL: Record<(typeof PAGES)[number][0], string> = {
  'config-tool': 'config-tool-window',
  setup: 'setup-window',
  'console-overview': 'console-window',
  'console-modules': 'modules-search',
  'console-module-failed': 'module-publish',
  'console-module-skipped': 'module-publish',
  'console-module-excluded': 'module-publish',
  'console-preparation': 'preparation-title',
  'console-history': 'runs-table',
};

/**
 * What sticks out of the window sideways: the page scrolling sideways, and each visible control past either edge
 * (one in a labelled region made to scroll sideways, the history's table, is in reach while that region is).
 */
function outOfReach(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) out.push(`the page scrolls sideways (${scrollWidth} > ${width} px)`);
    for (const control of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea')) {
      if (control.getClientRects().length === 0) continue;
      let region: HTMLElement = control;
      for (let parent = control.parentElement; parent; parent = parent.parentElement) {
        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(parent).overflowX);
        if (scrolls && parent.getAttribute('role') === 'region') {
          region = parent;
          break;
        }
      }
      const box = region.getBoundingClientRect();
      if (box.left < -0.5 || box.right > width + 0.5) {
        const label = control.dataset.testid ?? control.textContent?.trim().slice(0, 40);
        out.push(`${label} (${Math.round(box.left)}–${Math.round(box.right)} px of ${width})`);
      }
    }
    return out;
  });
}

test('13: every page at 100 % and 200 % zoom; at 200 % the history actions and the Setup log are in reach', async ({
  ui,
}) => {
  const { page } = ui;
  const full = page.viewportSize() ?? { width: 1280, height: 860 };
  // Each page in reach: it shows its key control inside the window, and nothing sticks out sideways.
  const inReach = async (zoom: string) => {
    for (const [name, route] of PAGES) {
      await ui.goto(route);
      await expect(page.getByTestId(KEY_CONTROL[name]).first(), `${name} at ${zoom}`).toBeInViewport();
      await expect.poll(() => outOfReach(page), { message: `${name} at ${zoom}` }).toEqual([]);
      await ui.snap(`zoom-${zoom}-${name}`);
    }
  };
  try {
    await inReach('100');
    // 200 % zoom of a 1280×860 window: half as many CSS pixels.
    await page.setViewportSize({ width: full.width / 2, height: full.height / 2 });
    await inReach('200');
    // No column of the history is cut off: every row's actions sit inside the window's width, no sideways scroll.
    await ui.goto('/console/history');
    const prepare = page.getByTestId('run-prepare');
    await expect(prepare).toBeVisible();
    const box = await prepare.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(full.width / 2);
    const exportJson = page.getByTestId('run-export-json').first();
    const exportBox = await exportJson.boundingBox();
    expect(exportBox!.x + exportBox!.width).toBeLessThanOrEqual(full.width / 2);

    // The Setup log starts above the fold, with room for lines above the sticky footer.
    await ui.goto('/setup');
    const log = page.getByTestId('setup-log');
    await expect(log).toBeVisible();
    const logBox = await log.boundingBox();
    const footerBox = await page.locator('.dialog-window__footer').boundingBox();
    expect(logBox!.y + 60).toBeLessThan(footerBox!.y);
  } finally {
    await page.setViewportSize(full);
  }
});

/** Nothing sits off-screen: the page has no sideways scroll and `testId`'s every element ends inside the viewport. */
async function expectInsideViewport(page: Page, testIds: string[]): Promise<void> {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  for (const testId of testIds) {
    for (const element of await page.getByTestId(testId).all()) {
      const box = (await element.boundingBox())!;
      expect(box.x, testId).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, testId).toBeLessThanOrEqual(width);
    }
  }
}

for (const [zoom, viewport] of [
  ['100 %', { width: 1280, height: 800 }],
  ['200 %', { width: 640, height: 400 }],
] as const) {
  test(`issue 23 (11-13) at 1280 × 800, ${zoom}: the history is not clipped, Location breaks at separators, export toasts overlay`, async ({
    ui,
  }) => {
    const { page } = ui;
    const full = page.viewportSize() ?? { width: 1280, height: 860 };
    const tag = zoom === '100 %' ? '100' : '200';
    try {
      await page.setViewportSize(viewport);
      // 11: a "Prepare again of #N" row exists by now; every column, its Prepare again button included, is in the window.
      await ui.goto('/console/history');
      await expect(page.getByText(/Prepare again of #\d/).first()).toBeVisible();
      await expectInsideViewport(page, ['run-prepare', 'run-export-junit', 'run-status']);
      const wrap = page.locator('.table-wrap');
      expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      await expect(page.getByTestId('run-export-junit').first()).toHaveText('JUnit XML');
      await ui.snap(`issue23-${tag}-history`);

      // 13: an export's toast floats over the page: the table does not move, the toast is inside the window.
      const exportCsv = page.getByTestId('run-export-csv').first();
      await exportCsv.scrollIntoViewIfNeeded();
      const before = (await wrap.boundingBox())!;
      await ui.exportedReport(() => exportCsv.click());
      const toast = page.getByTestId('alerts');
      await expect(toast).toContainText('Report exported');
      const after = (await wrap.boundingBox())!;
      expect(after.y).toBe(before.y);
      const toastBox = (await toast.boundingBox())!;
      expect(toastBox.x + toastBox.width).toBeLessThanOrEqual(viewport.width);
      expect(toastBox.y + toastBox.height).toBeLessThanOrEqual(viewport.height);
      await ui.snap(`issue23-${tag}-history-toast`);

      // 12: the Location wraps after its path separators (a <wbr> after each), never sideways off the card.
      await ui.goto('/console');
      const location = page.getByTestId('overview-env-location');
      const text = (await location.textContent())!;
      const separators = (text.match(/[\\/]/g) ?? []).length - (text.endsWith('/') ? 1 : 0);
      expect(await location.locator('wbr').count()).toBe(separators);
      // A segment (up to its separator) breaks inside only when it is wider than the whole line: the path
      // breaks at its separators first ("/tmp/" then "config-tool-e2e-…", never "/tmp/config-" / "tool-e2e…").
      const width = await location.evaluate((el) => el.parentElement!.getBoundingClientRect().width);
      for (const segment of await location.locator('.path-text__segment').all()) {
        const { height, lineHeight, naturalWidth } = await segment.evaluate((el) => {
          const probe = document.createElement('span');
          probe.className = 'mono';
          probe.style.whiteSpace = 'nowrap';
          probe.textContent = el.textContent;
          el.parentElement!.appendChild(probe);
          const natural = probe.getBoundingClientRect().width;
          probe.remove();
          return {
            height: el.getBoundingClientRect().height,
            lineHeight: parseFloat(getComputedStyle(el).lineHeight),
            naturalWidth: natural,
          };
        });
        if (naturalWidth <= width) expect(height).toBeLessThan(lineHeight * 1.5);
      }
      await expectInsideViewport(page, ['overview-env-location']);
      await ui.snap(`issue23-${tag}-overview`);
    } finally {
      await page.setViewportSize(full);
    }
  });
}

test('8: when the browser host stops, actions are disabled and the page says to open the new address', async ({
  ui,
}) => {
  test.skip(ui.app.stopHost === null, 'Only the browser host can stop under the page');
  const { page } = ui;
  await openModule(ui, 'Core');
  await ui.app.stopHost!();
  await expect(page.getByTestId('connection-lost')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('connection-lost-advice')).toContainText('open the new address it prints');
  await expect(page.getByTestId('module-publish')).toBeDisabled();
  await expect(page.getByTestId('apply-configurations')).toBeDisabled();
  await expect(page.getByTestId('module-actions-reason')).toContainText('Not connected');
  await ui.snap('admin-08-disconnected');
});
