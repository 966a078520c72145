/**
 * The Environment Setup log during a long run: it follows the latest line, stops
 * following when the admin scrolls up (and says how to come back), "Jump to latest"
 * follows again, and a reload mid-run brings back the whole log and the counts.
 *
 * Its own environment, not the demo the journey walks: a generated one where every
 * module that nothing consumes hangs its compiler (a test fault) until the 5-second
 * time limit fails it, so the run stays mid-way with a log that keeps growing, slowly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { generateFactory, type GeneratedFactory } from '../bench/factory-generator';
import { importFactory } from '../main/engine/factory/import-factory';
import { createNodeWorkerSpawner } from '../main/engine/process/worker-spawner';
import { startBrowserHost, type BrowserHost } from '../main/web/browser-host';
import { CHROMIUM_LAUNCH } from './chromium';

test.describe.configure({ mode: 'serial' });

/** Modules of the generated environment: enough for a log many screens long. */
const MODULES = 140;

let workDir: string;
let factory: GeneratedFactory;
let host: BrowserHost;
let browser: Browser;
let page: Page;

/** Published modules no other module consumes: the scheduler reaches them last. */
function leaves(generated: GeneratedFactory): string[] {
  const consumed = new Set(generated.modules.flatMap((module) => module.references));
  return generated.modules
    .filter((module) => module.state === 'published' && !consumed.has(module.name))
    .map((module) => module.name);
}

const log = (): Locator => page.getByTestId('setup-log');

async function lineCount(): Promise<number> {
  return Number((await page.getByTestId('setup-log-count').textContent())?.match(/[\d,]+/)?.[0].replace(/,/g, ''));
}

/** Distance in px between the bottom of the log's view and the end of its content. */
function distanceFromEnd(): Promise<number> {
  return log().evaluate((box) => box.scrollHeight - box.scrollTop - box.clientHeight);
}

test.beforeAll(async ({ browserName: _browserName }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'Drives the browser host; the electron project has its own windows');
  testInfo.setTimeout(300_000);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-e2e-log-'));
  factory = generateFactory(path.join(workDir, 'factory'), {
    moduleCount: MODULES,
    seed: 11,
    maxDepth: 4,
    filesPerModule: 1,
    uploadedOnly: 0,
    publishFailed: 0,
    removedApiUsers: 0,
  });
  const environmentDir = path.join(workDir, 'env');
  await importFactory(environmentDir, factory.dir, { spawner: createNodeWorkerSpawner() });
  const hang = leaves(factory).map((name) => `hang:${name}`);
  host = await startBrowserHost({ environmentDir, serviceEnv: { CONFIG_TOOL_TEST_FAULTS: hang.join(',') } });
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await context.newPage();
});

test.afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

test('a long run: the log follows its latest line and holds every line while only those in view are in the page', async () => {
  test.setTimeout(300_000);
  await page.goto(`${host.url}#/config-tool`);
  await page.getByTestId('config-parallel').fill('1');
  await page.getByTestId('config-time-limit').fill('5');
  await page.getByTestId('config-apply-exit').click();
  await page.getByTestId('upgrade-ok').click();
  await expect(page.getByTestId('setup-window')).toBeVisible();
  // The modules that others consume go first; then the hung ones fail, one every 5 s, a line or two each.
  await expect.poll(lineCount, { timeout: 240_000 }).toBeGreaterThan(60);
  await expect(log()).toHaveAttribute('data-following', 'true');
  expect(await distanceFromEnd()).toBeLessThan(30);
  // Virtualised: a fraction of the lines are in the page.
  expect(await log().getByTestId('setup-log-line').count()).toBeLessThan(await lineCount());
  // The newest line is the one in view: it keeps coming as lines arrive.
  const before = await lineCount();
  await expect.poll(lineCount, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect.poll(distanceFromEnd).toBeLessThan(30);
  await expect(log().getByTestId('setup-log-line').last()).toBeInViewport();
});

test('scrolled up with the keyboard, the log stays where the admin reads; "Jump to latest" follows again', async () => {
  test.setTimeout(120_000);
  await log().focus();
  await page.keyboard.press('Home');
  await expect(log()).toHaveAttribute('data-following', 'false');
  await expect(page.getByTestId('setup-log-jump')).toBeVisible();
  await expect(log().getByTestId('setup-log-line').first()).toContainText('Upgrading the environment from 11.11.3');
  // Home scrolls smoothly: on a loaded machine the first line is in the page before the view reaches the top.
  await expect.poll(() => log().evaluate((box) => box.scrollTop)).toBe(0);
  // New lines arrive; the view stays at the top.
  const before = await lineCount();
  await expect.poll(lineCount, { timeout: 30_000 }).toBeGreaterThan(before);
  expect(await log().evaluate((box) => box.scrollTop)).toBe(0);
  await expect(log().getByText('Upgrading the environment from 11.11.3')).toBeInViewport();
  // Page Down moves through the log, still without following.
  await page.keyboard.press('PageDown');
  await expect.poll(() => log().evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
  await expect(log()).toHaveAttribute('data-following', 'false');

  await page.getByTestId('setup-log-jump').click();
  await expect(log()).toHaveAttribute('data-following', 'true');
  await expect(page.getByTestId('setup-log-jump')).toBeHidden();
  await expect.poll(distanceFromEnd).toBeLessThan(30);
  const after = await lineCount();
  await expect.poll(lineCount, { timeout: 30_000 }).toBeGreaterThan(after);
  await expect.poll(distanceFromEnd).toBeLessThan(30);
});

test('its text can be selected, and "Copy log" copies every line, not only those in view', async () => {
  const line = log().getByTestId('setup-log-line').last();
  const selected = await line.evaluate((element) => {
    const selection = window.getSelection()!;
    selection.selectAllChildren(element);
    return selection.toString();
  });
  expect(selected).toMatch(/\S/);
  const count = await lineCount();
  await page.getByTestId('setup-log-copy').click();
  await expect(page.getByText('Copied every line.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const copiedLines = copied.split('\n');
  expect(copiedLines.length).toBeGreaterThanOrEqual(count);
  expect(copiedLines[0]).toContain('Upgrading the environment from 11.11.3');
});

test('a reload mid-run brings back the whole log and the counts at once', async () => {
  const count = async (id: string) => Number((await page.getByTestId(id).textContent())?.replace(/,/g, ''));
  const total = await count('count-total');
  const done = (await count('count-prepared')) + (await count('count-failed'));
  const lines = await lineCount();
  await page.reload();
  await expect(page.getByTestId('setup-window')).toBeVisible();
  await expect(page.getByTestId('count-total')).toHaveText(String(total));
  expect((await count('count-prepared')) + (await count('count-failed'))).toBeGreaterThanOrEqual(done);
  expect(await lineCount()).toBeGreaterThanOrEqual(lines);
  await expect(log()).toHaveAttribute('data-following', 'true');
  await log().focus();
  await page.keyboard.press('Home');
  await expect(log().getByTestId('setup-log-line').first()).toContainText('Upgrading the environment from 11.11.3');
});
