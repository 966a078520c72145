/**
 * The shared compilation cache (spec §4d) in the windows, against the real cache server: the Configuration
 * Tool's Shared compilation cache section saved and checked with Test connection on a QA environment, whose
 * upgrade then runs read-write through the CLI; a production environment of the same factory set to read-only
 * in the section, whose Apply/Exit reuses QA's compilations: the Setup window's log and the report say so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startCacheServer, type CacheServer } from '../test-support/cache-server';
import { startBrowserHost, type BrowserHost } from '../main/web/browser-host';
import { writePipelineFactory } from '../test-support/factories';
import { CHROMIUM_LAUNCH } from './chromium';
import { expect, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const RUN_TIMEOUT = 240_000;
const TOKEN = 'e2e-cache-token-5c1d';
const SIGNING_KEY = 'e2e-signing-key-8e2b';
const CLI = path.join(__dirname, '..', 'bin', 'config-tool.cjs');

let workDir: string;
let server: CacheServer;
let browser: Browser;
/** The user's secrets file, shared by the CLI and both hosts' services (the browser host has no safeStorage). */
let secretsFile: string;
const qa = () => path.join(workDir, 'qa');
const production = () => path.join(workDir, 'production');

/** Runs the built CLI as an admin would; returns its exit status and output (a run with failed modules exits 3). */
function cli(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [CLI, ...args], {
      stdio: 'pipe',
      encoding: 'utf8',
      env: { ...process.env, CONFIG_TOOL_ENV: undefined, CONFIG_TOOL_CACHE_SECRETS_FILE: secretsFile },
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A browser host on an environment, the user's secrets file for its service, and a page on the Configuration Tool. */
async function openConfigTool(environmentDir: string): Promise<{ host: BrowserHost; page: Page }> {
  const host = await startBrowserHost({
    environmentDir,
    serviceEnv: { CONFIG_TOOL_CACHE_SECRETS_FILE: secretsFile },
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${host.url}#/config-tool`);
  await expect(page.getByTestId('shared-cache-group')).toBeVisible();
  return { host, page };
}

/** Saves a screenshot beside the other specs' (e2e/artifacts/web/). */
async function snap(name: string, of: Page | ReturnType<Page['getByTestId']>): Promise<void> {
  const dir = path.join(__dirname, 'artifacts', 'web');
  fs.mkdirSync(dir, { recursive: true });
  await of.screenshot({ path: path.join(dir, `${name}.png`) });
}

test.beforeAll(async ({ appHost }) => {
  test.skip(appHost !== 'web', 'runs on its own browser hosts; the web project covers it');
  test.setTimeout(RUN_TIMEOUT);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-e2e-shared-cache-'));
  secretsFile = path.join(workDir, 'user-config', 'shared-cache-secrets.json');
  server = await startCacheServer({ token: TOKEN });
  const factoryDir = writePipelineFactory(path.join(workDir, 'factory'));
  for (const environment of [qa(), production()]) {
    expect(cli(['import', factoryDir, '--env', environment]).status).toBe(0);
  }
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});

test.afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

test('QA: the section saves the cache settings and the token, and Test connection reaches the server', async () => {
  const { host, page } = await openConfigTool(qa());
  try {
    const section = page.getByTestId('shared-cache-group');
    await expect(section.getByTestId('shared-cache-last-run')).toHaveText('No run has used the shared cache yet.');
    await section.getByTestId('shared-cache-mode').selectOption('read-write');
    await section.getByTestId('shared-cache-url').fill(server.url);
    await section.getByTestId('shared-cache-team').fill('acme');
    await section.getByTestId('shared-cache-token').fill(TOKEN);
    // The server keeps signatures, as the README runs it: uploads are signed, downloads checked.
    await section.getByTestId('shared-cache-signing-key').fill(SIGNING_KEY);
    await section.getByTestId('shared-cache-save').click();
    await expect(section.getByTestId('shared-cache-token')).toHaveAttribute('placeholder', 'set (type to replace)');
    await expect(section.getByTestId('shared-cache-token')).toHaveValue('');
    await section.getByTestId('shared-cache-test').click();
    const check = section.getByTestId('shared-cache-check');
    await expect(check).toContainText('Token accepted for team acme.');
    await expect(check).toHaveClass(/note--green/);
    await snap('shared-cache-01-section', section);
  } finally {
    await page.context().close();
    await host.close();
  }
  // The secrets went to the user's file, never to the environment.
  expect(fs.statSync(secretsFile).mode & 0o777).toBe(0o600);
  for (const entry of fs.readdirSync(qa(), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const content = fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1');
    expect(content).not.toContain(TOKEN);
    expect(content).not.toContain(SIGNING_KEY);
  }
});

test("QA's upgrade through the CLI uploads its compilations with the section's settings and token", () => {
  expect(cli(['upgrade', '--env', qa()]).status).toBe(3);
  const report = JSON.parse(cli(['report', '--format', 'json', '--env', qa()]).stdout) as {
    run: { sharedCache?: { hits: number; uploaded: number; errors: number } };
  };
  expect(report.run.sharedCache).toEqual({ hits: 0, misses: 4, refused: 0, uploaded: 4, errors: 0 });
  expect(Object.keys(server.snapshot()).length).toBeGreaterThan(0);
});

test("production, read-only: Apply/Exit reuses QA's compilations; the Setup log and the report say so", async () => {
  test.setTimeout(RUN_TIMEOUT);
  const { host, page } = await openConfigTool(production());
  try {
    const section = page.getByTestId('shared-cache-group');
    await expect(section.getByTestId('shared-cache-token')).toHaveAttribute('placeholder', 'set (type to replace)');
    await section.getByTestId('shared-cache-mode').selectOption('read-only');
    await section.getByTestId('shared-cache-url').fill(server.url);
    await section.getByTestId('shared-cache-team').fill('acme');
    await section.getByTestId('shared-cache-save').click();
    await expect(section.getByTestId('shared-cache-mode')).toHaveValue('read-only');
    const before = server.snapshot();

    await page.getByTestId('config-apply-exit').click();
    await page.getByTestId('upgrade-ok').click();
    await page.evaluate(() => (window.location.hash = '#/setup'));
    await expect(page.getByTestId('count-remaining')).toHaveText('0', { timeout: RUN_TIMEOUT });
    await expect(page.getByTestId('setup-log')).toContainText('Portal: reused from the shared cache (Acme QA).', {
      timeout: RUN_TIMEOUT,
    });
    await snap('shared-cache-02-setup', page);

    await page.evaluate(() => (window.location.hash = '#/config-tool'));
    await expect(section.getByTestId('shared-cache-last-run')).toContainText(
      /Last run \(Upgrade to 11\.17\.0, started .* UTC\): [1-9]\d* hits, 0 misses, 0 refused, 0 uploaded, 0 errors\./,
    );
    await snap('shared-cache-03-last-run', section);

    await page.evaluate(() => (window.location.hash = '#/console/history'));
    const row = page.getByTestId('run-row').first();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('run-export-json').click()]);
    const report = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
      run: { sharedCache?: { hits: number; misses: number; uploaded: number } };
      modules: { name: string; reusedFromSharedCache?: { environment: string; uploadedAt: string } }[];
    };
    expect(report.run.sharedCache).toMatchObject({ misses: 0, uploaded: 0 });
    expect(report.run.sharedCache!.hits).toBeGreaterThan(0);
    expect(report.modules.find((module) => module.name === 'Portal')?.reusedFromSharedCache?.environment).toBe(
      'Acme QA',
    );
    expect(server.snapshot()).toEqual(before);
  } finally {
    await page.context().close();
    await host.close();
  }
});
