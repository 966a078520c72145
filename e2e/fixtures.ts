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
import type { ConfigToolApi } from '../common/contract';
import { CHROMIUM_LAUNCH } from './chromium';
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
  /** The Electron app (electron only): its windows, and its main process for stubs. */
  electron: ElectronApplication | null;
  /** Where the stubbed save dialog puts exported reports (electron only). */
  exportDir: string | null;
}

/** What a spec drives: the page, route navigation and screenshots. */
export interface Ui {
  page: Page;
  app: AppUnderTest;
  /** Shows a route of the app (`/console/modules/Billing`), as a link in the app would. */
  goto(route: string): Promise<void>;
  /** Saves a screenshot of the page (or of `of`) to e2e/artifacts/<project>/<name>.png. */
  snap(name: string, of?: Page): Promise<void>;
  /** Environment Setup: a route of the page in a browser, a second window in Electron. */
  setupPage(): Promise<Page>;
  /** Runs `click` on an export button and returns the saved report's text (a download, or the stubbed save dialog's file). */
  exportedReport(click: () => Promise<void>): Promise<string>;
}

const ROOT = path.resolve(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
/**
 * Two of the demo's most consumed modules, held in the preparation's current group (test fault
 * `prepare-hold`) until a spec releases them: with one compiler process the run then stands still, so
 * the demo's specs act "during the run" deterministically. Release with `releaseHeldModules`.
 */
export const HELD_MODULES = ['CustomerCore', 'OrderModel'];
const HOLD_FAULTS = HELD_MODULES.map((name) => `prepare-hold:${name}`).join(',');

/** Lets the held modules compile: the preparation goes on to its end. */
export function releaseHeldModules(app: AppUnderTest): void {
  for (const name of HELD_MODULES) fs.writeFileSync(path.join(app.environmentDir, `test-release-${name}`), '');
}

export const NO_ELECTRON =
  'No Electron binary in node_modules/electron/dist (it cannot be downloaded here); the web project covers the same specs';
export const NO_DISPLAY =
  'No display for Electron (DISPLAY is not set): run it under xvfb-run (npm run test:e2e:electron); the web project covers the same specs';
/** Creating the demo environment on first start: the service is ready once it answers. */
const SERVICE_READY_TIMEOUT = 240_000;

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
      const serviceEnv = ownEnvironment?.faults
        ? { CONFIG_TOOL_TEST_FAULTS: ownEnvironment.faults }
        : createDemo
          ? { CONFIG_TOOL_TEST_FAULTS: HOLD_FAULTS }
          : undefined;
      try {
        if (ownEnvironment) importOwnEnvironment(environmentDir, ownEnvironment);
        if (appHost === 'electron') {
          const binary = electronBinary();
          const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
          const unavailable = !binary ? NO_ELECTRON : headless ? NO_DISPLAY : null;
          if (unavailable || !binary) {
            if (!reasonPrinted) console.log(`electron project skipped: ${unavailable}`);
            reasonPrinted = true;
            await use({
              kind: 'electron',
              environmentDir,
              unavailable,
              url: null,
              token: null,
              page: null,
              stopHost: null,
              electron: null,
              exportDir: null,
            });
            return;
          }
          // Each launch has its own per-user folder (Chromium profile, logs) and environment.
          const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-e2e-user-'));
          const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-e2e-export-'));
          try {
            const electronApp: ElectronApplication = await _electron.launch({
              executablePath: binary,
              args: [
                '.',
                `--user-data-dir=${userDataDir}`,
                `--env=${environmentDir}`,
                // Chromium's sandbox can't start as root (CI containers).
                ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
              ],
              cwd: ROOT,
              env: {
                ...process.env,
                ...(createDemo ? { CONFIG_TOOL_CREATE_DEMO: '1' } : {}),
                ...serviceEnv,
              } as Record<string, string>,
            });
            // The native save dialog, stubbed: every export is saved into exportDir, numbered.
            await electronApp.evaluate(({ dialog }, dir) => {
              let saved = 0;
              const save = async (...args: unknown[]) => {
                const options = args.at(-1) as { defaultPath?: string };
                const name = (options.defaultPath ?? 'report').split(/[\\/]/).pop();
                saved += 1;
                return { canceled: false, filePath: `${dir}/${String(saved).padStart(2, '0')}-${name}` };
              };
              dialog.showSaveDialog = save as typeof dialog.showSaveDialog;
            }, exportDir);
            const page = await electronApp.firstWindow();
            // The service creates the demo on first start: wait until it answers.
            await page.waitForFunction(
              async () => {
                const api = (window as unknown as { configTool?: ConfigToolApi }).configTool;
                return api ? (await api.invoke('environment.status', {})).ok : false;
              },
              null,
              { timeout: SERVICE_READY_TIMEOUT, polling: 500 },
            );
            await use({
              kind: 'electron',
              environmentDir,
              unavailable: null,
              url: null,
              token: null,
              page,
              electron: electronApp,
              exportDir,
              stopHost: null,
            });
            await electronApp.close();
          } finally {
            fs.rmSync(userDataDir, { recursive: true, force: true });
            fs.rmSync(exportDir, { recursive: true, force: true });
          }
          return;
        }
        const host: BrowserHost = await startBrowserHost({
          environmentDir,
          createDemo,
          // TypeScript 7 prepares the demo in about a second: slow each compilation so the specs can act mid-run.
          serviceEnv: { CONFIG_TOOL_TEST_FAULTS: ownEnvironment?.faults ?? `delay:150,${HOLD_FAULTS}` },
        });
        let hostStopped: Promise<void> | null = null;
        const stopHost = () => (hostStopped ??= host.close());
        const browser: Browser = await chromium.launch(CHROMIUM_LAUNCH);
        const context: BrowserContext = await browser.newContext({
          acceptDownloads: true,
          viewport: { width: 1280, height: 860 },
        });
        const page = await context.newPage();
        await page.goto(host.url);
        await use({
          kind: 'web',
          environmentDir,
          unavailable: null,
          url: host.url,
          token: host.token,
          page,
          electron: null,
          exportDir: null,
          stopHost,
        });
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
      snap: async (name, of = page) => {
        const file = path.join(dir, `${name}.png`);
        await of.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
      },
      setupPage: async () => {
        if (!app.electron) return page;
        const electron = app.electron;
        const find = () => electron.windows().find((window) => window.url().includes('#/setup'));
        await expect.poll(() => find() !== undefined, { timeout: 15_000 }).toBe(true);
        return find()!;
      },
      exportedReport: async (click) => {
        if (!app.exportDir) {
          const [download] = await Promise.all([page.waitForEvent('download'), click()]);
          return fs.readFileSync(await download.path(), 'utf8');
        }
        const exportDir = app.exportDir;
        const before = new Set(fs.readdirSync(exportDir));
        await click();
        const fresh = () => fs.readdirSync(exportDir).filter((name) => !before.has(name));
        await expect.poll(() => fresh().length, { timeout: 15_000 }).toBe(1);
        return fs.readFileSync(path.join(exportDir, fresh()[0]!), 'utf8');
      },
    });
  },
});

export { expect };
