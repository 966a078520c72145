/**
 * The app under test, whichever host runs it: the browser host in Debian's Chromium
 * (`web`), or the Electron app (`electron`). Each worker gets a fresh temporary
 * environment holding the demo (Platform Server 11.11.3, ~104 modules).
 */
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

/** Which host a project runs the specs in. */
export interface AppOptions {
  appHost: 'web' | 'electron';
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
/**
 * Two of the demo's most consumed modules, held in the preparation's current group (test fault
 * `prepare-hold`) until a spec releases them: with one compiler process the run then stands still, so
 * specs act "during the run" deterministically. Release with `releaseHeldModules`.
 */
export const HELD_MODULES = ['CustomerCore', 'OrderModel'];
const HOLD_FAULTS = { CONFIG_TOOL_TEST_FAULTS: HELD_MODULES.map((name) => `prepare-hold:${name}`).join(',') };

/** Lets the held modules compile: the preparation goes on to its end. */
export function releaseHeldModules(app: AppUnderTest): void {
  for (const name of HELD_MODULES) fs.writeFileSync(path.join(app.environmentDir, `test-release-${name}`), '');
}

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

export const test = base.extend<{ ui: Ui }, AppOptions & { app: AppUnderTest }>({
  appHost: ['web', { option: true, scope: 'worker' }],

  app: [
    async ({ appHost }, use) => {
      const environmentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-e2e-'));
      try {
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
            });
            return;
          }
          const electronApp: ElectronApplication = await _electron.launch({
            executablePath: binary,
            args: ['.'],
            cwd: ROOT,
            env: {
              ...process.env,
              ...HOLD_FAULTS,
              CONFIG_TOOL_ENV: environmentDir,
              CONFIG_TOOL_CREATE_DEMO: '1',
            } as Record<string, string>,
          });
          const page = await electronApp.firstWindow();
          await use({ kind: 'electron', environmentDir, unavailable: null, url: null, token: null, page });
          await electronApp.close();
          return;
        }
        const host: BrowserHost = await startBrowserHost({ environmentDir, createDemo: true, serviceEnv: HOLD_FAULTS });
        const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
        const context: BrowserContext = await browser.newContext({
          acceptDownloads: true,
          viewport: { width: 1280, height: 860 },
        });
        const page = await context.newPage();
        await page.goto(host.url);
        await use({ kind: 'web', environmentDir, unavailable: null, url: host.url, token: host.token, page });
        await browser.close();
        await host.close();
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
