/**
 * The app under test, whichever host runs it: the browser host in Debian's Chromium
 * (`web`), or the Electron app (`electron`). Each worker gets a fresh temporary
 * environment holding the demo (Platform Server 11.11.3, ~104 modules).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  test as base,
  chromium,
  _electron,
  expect,
  type Browser,
  type BrowserContext,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../main/web/browser-host';

/**
 * A spec file's own environment, instead of the shared demo: a factory imported
 * before the app starts, and test faults for its service (e.g. a compilation that
 * hangs until its time limit, to act while a run is in progress).
 */
export interface OwnEnvironment {
  /** Writes the factory folder into `dir` and returns it. */
  writeFactory: (dir: string) => string;
  faults?: string;
}

/** Which host a project runs the specs in, and (per spec file) which environment. */
export interface AppOptions {
  appHost: 'web' | 'electron';
  /** null: the demo environment every spec walks through in order. */
  ownEnvironment: OwnEnvironment | null;
}

/** One started app with its environment. */
export interface AppUnderTest {
  kind: 'web' | 'electron';
  environmentDir: string;
  /** Set when the app could not start here (no Electron binary): every test skips with it. */
  unavailable: string | null;
  /** The browser host's address with its token (web only). */
  url: string | null;
  token: string | null;
  /** The first page (web: a Chromium tab; electron: the first window). */
  page: Page | null;
  /** Stops the browser host as Ctrl+C on `config-tool serve` would (web only). */
  stopHost: (() => Promise<void>) | null;
}

/** What a spec drives: the page, route navigation and screenshots. */
export interface Ui {
  page: Page;
  app: AppUnderTest;
  /** Shows a route of the app (`/console/modules/Billing`), as a link in the app would. */
  goto(route: string): Promise<void>;
  /** Saves a screenshot of the page to e2e/artifacts/<project>/<name>.png. */
  snap(name: string): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const NO_ELECTRON =
  'No Electron binary in node_modules/electron/dist (it cannot be downloaded here); the web project covers the same specs';

/** The Electron binary named by node_modules/electron/path.txt, or null (requiring 'electron' would try to download it). */
function electronBinary(): string | null {
  const pathFile = path.join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(ROOT, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

let reasonPrinted = false;

/** Imports a spec's own factory with the built CLI, as an admin would before starting the app. */
function importOwnEnvironment(environmentDir: string, own: OwnEnvironment): void {
  const factoryDir = own.writeFactory(fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-e2e-factory-')));
  try {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'config-tool.cjs'), 'import', factoryDir, '--env', environmentDir],
      {
        stdio: 'pipe',
        env: { ...process.env, CONFIG_TOOL_ENV: undefined },
      },
    );
  } finally {
    fs.rmSync(factoryDir, { recursive: true, force: true });
  }
}

export const test = base.extend<{ ui: Ui }, AppOptions & { app: AppUnderTest }>({
  appHost: ['web', { option: true, scope: 'worker' }],
  ownEnvironment: [null, { option: true, scope: 'worker' }],

  app: [
    async ({ appHost, ownEnvironment }, use) => {
      const environmentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-e2e-'));
      const createDemo = ownEnvironment === null;
      const serviceEnv = ownEnvironment?.faults ? { CONFIG_TOOL_TEST_FAULTS: ownEnvironment.faults } : undefined;
      try {
        if (ownEnvironment) importOwnEnvironment(environmentDir, ownEnvironment);
        if (appHost === 'electron') {
          const binary = electronBinary();
          if (!binary) {
            if (!reasonPrinted) console.log(`electron project skipped: ${NO_ELECTRON}`);
            reasonPrinted = true;
            await use({
              kind: 'electron',
              environmentDir,
              unavailable: NO_ELECTRON,
              url: null,
              token: null,
              page: null,
              stopHost: null,
            });
            return;
          }
          const electronApp: ElectronApplication = await _electron.launch({
            executablePath: binary,
            args: ['.'],
            cwd: ROOT,
            env: {
              ...process.env,
              CONFIG_TOOL_ENV: environmentDir,
              ...(createDemo ? { CONFIG_TOOL_CREATE_DEMO: '1' } : {}),
              ...serviceEnv,
            } as Record<string, string>,
          });
          const page = await electronApp.firstWindow();
          await use({
            kind: 'electron',
            environmentDir,
            unavailable: null,
            url: null,
            token: null,
            page,
            stopHost: null,
          });
          await electronApp.close();
          return;
        }
        const host: BrowserHost = await startBrowserHost({
          environmentDir,
          createDemo,
          // TypeScript 7 prepares the demo in about a second: slow each compilation so the specs can act mid-run.
          serviceEnv: { CONFIG_TOOL_TEST_FAULTS: ownEnvironment?.faults ?? 'delay:150' },
        });
        let hostStopped: Promise<void> | null = null;
        const stopHost = () => (hostStopped ??= host.close());
        const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
        const context: BrowserContext = await browser.newContext({
          acceptDownloads: true,
          viewport: { width: 1280, height: 860 },
        });
        const page = await context.newPage();
        await page.goto(host.url);
        await use({ kind: 'web', environmentDir, unavailable: null, url: host.url, token: host.token, page, stopHost });
        await browser.close();
        await stopHost();
      } finally {
        fs.rmSync(environmentDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],

  ui: async ({ app }, use, testInfo) => {
    test.skip(app.unavailable !== null, app.unavailable ?? '');
    const page = app.page!;
    const dir = path.join(ARTIFACTS, testInfo.project.name);
    fs.mkdirSync(dir, { recursive: true });
    await use({
      page,
      app,
      goto: async (route) => {
        await page.evaluate((hash) => {
          window.location.hash = hash;
        }, `#${route}`);
      },
      snap: async (name) => {
        const file = path.join(dir, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
      },
    });
  },
});

export { expect };
