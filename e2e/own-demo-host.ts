/**
 * A demo environment of a spec's own behind its own browser host, with Debian's Chromium on it:
 * for the web-only specs whose service needs test faults of its own (the shared environment is
 * walked through its upgrade by upgrade-journey.spec.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../main/web/browser-host';
import { CHROMIUM_LAUNCH } from './chromium';

export interface OwnDemoHost {
  environmentDir: string;
  page: Page;
  /** Moves the page to a route of the app (`/config-tool`, `/console/history`…) without reloading it. */
  goto(route: string): Promise<void>;
  close(): Promise<void>;
}

export async function openOwnDemoHost(options: {
  /** The temporary folder's name starts with it. */
  prefix: string;
  /** CONFIG_TOOL_TEST_FAULTS of the service process. */
  faults: string;
  acceptDownloads?: boolean;
}): Promise<OwnDemoHost> {
  const environmentDir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix));
  let host: BrowserHost | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await host?.close();
    fs.rmSync(environmentDir, { recursive: true, force: true });
  };
  try {
    host = await startBrowserHost({
      environmentDir,
      createDemo: true,
      serviceEnv: { CONFIG_TOOL_TEST_FAULTS: options.faults },
    });
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    const context = await browser.newContext({
      acceptDownloads: options.acceptDownloads ?? false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(host.url);
    const goto = async (route: string) => {
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, `#${route}`);
    };
    return { environmentDir, page, goto, close };
  } catch (error) {
    await close();
    throw error;
  }
}
