/**
 * The Electron security checklist, asserted on the plain data and handlers the shell builds
 * (no Electron binary needed): every window's webPreferences, the session's permission
 * handlers, navigation and new-window handling, the app:// responses and their CSP, the
 * sandbox switches, and the fuses of the packaged app.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspDirectives } from '../../common/content-security-policy';
import { decideOnCrash, MAX_RELOADS } from './crash-recovery';
import { sandboxDisabled, userDataOverride } from './launch-options';
import { rendererResponse, resolveRendererLocation } from './renderer-location';
import { guardWebContents, hardenSession, type GuardableContents, type HardenableSession } from './security';
import { WINDOW_SPECS, windowOptions, type WindowName } from './window-options';

const root = path.resolve(__dirname, '..', '..');

describe('every BrowserWindow', () => {
  const names = Object.keys(WINDOW_SPECS) as WindowName[];

  it.each(names)('%s: isolated, sandboxed, no Node, web security on, only the contract preload', (name) => {
    const options = windowOptions(name, { preloadFile: '/app/out/preload/index.js', devTools: false, icon: undefined });
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    expect(options.show).toBe(false);
    expect(options.title).toBe(WINDOW_SPECS[name].title);
  });

  it('opens Environment Setup as a window of its own, with dev tools only in development', () => {
    expect(WINDOW_SPECS.setup.route).toBe('/setup');
    const dev = windowOptions('setup', { preloadFile: 'p.js', devTools: true, icon: '/i.png' });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.icon).toBe('/i.png');
  });
});

describe('the session', () => {
  function recordSession() {
    const recorded: {
      request?: Parameters<HardenableSession['setPermissionRequestHandler']>[0];
      check?: (...args: unknown[]) => boolean;
      device?: (...args: unknown[]) => boolean;
      headers?: Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];
    } = {};
    const session: HardenableSession = {
      setPermissionRequestHandler: (handler) => (recorded.request = handler),
      setPermissionCheckHandler: (handler) => (recorded.check = handler),
      setDevicePermissionHandler: (handler) => (recorded.device = handler),
      webRequest: { onHeadersReceived: (listener) => (recorded.headers = listener) },
    };
    return { session, recorded };
  }

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])(
    "denies the '%s' permission request and check",
    (permission) => {
      const { session, recorded } = recordSession();
      hardenSession(session, { devServerUrl: undefined });
      let granted: boolean | undefined;
      recorded.request!({ getURL: () => 'app://renderer/index.html' }, permission, (answer) => (granted = answer));
      expect(granted).toBe(false);
      expect(recorded.check!(null, permission)).toBe(false);
      expect(recorded.device!({})).toBe(false);
    },
  );

  it('adds no header hook in a build (app:// responses carry the strict CSP themselves)', () => {
    const { session, recorded } = recordSession();
    hardenSession(session, { devServerUrl: undefined });
    expect(recorded.headers).toBeUndefined();
  });

  it("gives the dev server's responses the dev CSP, and nothing else", () => {
    const { session, recorded } = recordSession();
    hardenSession(session, { devServerUrl: 'http://localhost:5173/' });
    let answer: { responseHeaders?: Record<string, string | string[]> } | undefined;
    recorded.headers!({ url: 'http://localhost:5173/src/main.tsx', responseHeaders: {} }, (a) => (answer = a));
    expect(answer?.responseHeaders?.['Content-Security-Policy']).toEqual([
      contentSecurityPolicy({ delivery: 'header', dev: true }),
    ]);
    recorded.headers!({ url: 'https://example.com/', responseHeaders: {} }, (a) => (answer = a));
    expect(answer).toEqual({});
  });
});

describe('navigation and new windows', () => {
  const renderer = resolveRendererLocation('/app/out/main', true, {});

  function guard() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) =>
        listeners.set(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => (openHandler = handler),
    } as unknown as GuardableContents;
    guardWebContents(contents, renderer.isRendererUrl);
    const blocked = (event: string, url?: string) => {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { blocked, openHandler: openHandler! };
  }

  it('lets a window reload its own page, and blocks navigating or redirecting anywhere else', () => {
    const { blocked } = guard();
    expect(blocked('will-navigate', 'app://renderer/index.html#/setup')).toBe(false);
    expect(blocked('will-navigate', 'https://example.com/')).toBe(true);
    expect(blocked('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(blocked('will-navigate', 'app://other/index.html')).toBe(true);
    expect(blocked('will-redirect', 'http://127.0.0.1:5173/')).toBe(true);
  });

  it('denies every new window and every <webview>', () => {
    const { blocked, openHandler } = guard();
    expect(openHandler({ url: 'app://renderer/index.html' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(blocked('will-attach-webview')).toBe(true);
  });

  it('trusts exactly the app://renderer origin, whatever the OS spells paths like', () => {
    expect(renderer.urlFor('/config-tool')).toBe('app://renderer/index.html#/config-tool');
    expect(renderer.isRendererUrl('app://renderer/index.html#/console')).toBe(true);
    expect(renderer.isRendererUrl('app://RENDERER/index.html')).toBe(true);
    expect(renderer.isRendererUrl('file:///C:/app/out/renderer/index.html')).toBe(false);
    expect(renderer.isRendererUrl('app://user@renderer/index.html')).toBe(false);
    expect(renderer.isRendererUrl('not a url')).toBe(false);
  });

  it('trusts only the dev server origin under `npm run dev`', () => {
    const dev = resolveRendererLocation('/app/out/main', false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(dev.urlFor('/setup')).toBe('http://localhost:5173#/setup');
    expect(dev.isRendererUrl('http://localhost:5173/#/setup')).toBe(true);
    expect(dev.isRendererUrl('app://renderer/index.html')).toBe(false);
    // A packaged app ignores the variable.
    expect(resolveRendererLocation('/a', true, { ELECTRON_RENDERER_URL: 'http://x' }).devServerUrl).toBeUndefined();
  });
});

describe('app:// responses', () => {
  let rendererDir: string;
  beforeAll(() => {
    rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-scheme-'));
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'a.js'), 'x');
    fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'secret');
  });
  afterAll(() => fs.rmSync(rendererDir, { recursive: true, force: true }));

  it('serves the build with the strict CSP header', () => {
    const page = rendererResponse(rendererDir, 'app://renderer/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toContain('text/html');
    expect(page.headers['Content-Security-Policy']).toBe(contentSecurityPolicy({ delivery: 'header' }));
    expect(rendererResponse(rendererDir, 'app://renderer/assets/a.js').headers['Content-Type']).toContain(
      'text/javascript',
    );
  });

  it('serves nothing outside the build, for another host, or for a write', () => {
    expect(rendererResponse(rendererDir, 'app://renderer/..%2fsecret.txt').status).toBe(404);
    expect(rendererResponse(rendererDir, 'app://renderer/../secret.txt').status).toBe(404);
    expect(rendererResponse(rendererDir, 'app://other/index.html').status).toBe(404);
    expect(rendererResponse(rendererDir, 'app://renderer/index.html', 'POST').status).toBe(405);
  });
});

describe('the one CSP', () => {
  it('is strict in a build: scripts, styles and connections from the app itself only', () => {
    const header = cspDirectives({ delivery: 'header' });
    expect(header['script-src']).toBe("'self'");
    expect(header['style-src']).toBe("'self'");
    expect(header['connect-src']).toBe("'self'");
    expect(header['object-src']).toBe("'none'");
    expect(header['frame-ancestors']).toBe("'none'");
    // A <meta> can't carry frame-ancestors (Chromium ignores it with a warning).
    expect(cspDirectives({ delivery: 'meta' })['frame-ancestors']).toBeUndefined();
  });

  it('lets the dev server run its inline preamble, styles and HMR socket', () => {
    const dev = cspDirectives({ delivery: 'header', dev: true });
    expect(dev['script-src']).toContain("'unsafe-inline'");
    expect(dev['style-src']).toContain("'unsafe-inline'");
    expect(dev['connect-src']).toContain('ws://localhost:*');
  });

  it('is not written by hand in index.html (the build adds it)', () => {
    const html = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
    expect(html).not.toMatch(/<meta[^>]+Content-Security-Policy/i);
  });
});

describe('launch options', () => {
  it('honours --no-sandbox and ELECTRON_DISABLE_SANDBOX, and keeps the sandbox otherwise', () => {
    expect(sandboxDisabled(['electron', '.'], {})).toBe(false);
    expect(sandboxDisabled(['electron', '.', '--no-sandbox'], {})).toBe(true);
    expect(sandboxDisabled(['electron'], { ELECTRON_DISABLE_SANDBOX: '1' })).toBe(true);
    expect(sandboxDisabled(['electron'], { ELECTRON_DISABLE_SANDBOX: '0' })).toBe(false);
    expect(sandboxDisabled(['electron'], { ELECTRON_DISABLE_SANDBOX: '' })).toBe(false);
  });

  it('reads an isolated user data folder from --user-data-dir', () => {
    expect(userDataOverride(['electron', '.', '--user-data-dir=/tmp/a'])).toBe('/tmp/a');
    expect(userDataOverride(['electron', '.', '--user-data-dir', '/tmp/b'])).toBe('/tmp/b');
    expect(userDataOverride(['electron', '.'])).toBeUndefined();
  });

  it('never calls app.enableSandbox() (it strips --no-sandbox); every window asks for the sandbox', () => {
    const source = fs.readFileSync(path.join(__dirname, 'index.ts'), 'utf8');
    expect(source).not.toMatch(/app\.enableSandbox\(\)\s*;/);
  });
});

describe('a renderer that dies', () => {
  it('is reloaded and says so; a clean exit is not a crash', () => {
    expect(decideOnCrash('crashed', [], 0)).toMatchObject({
      action: 'reload',
      message: expect.stringContaining('reloaded'),
    });
    expect(decideOnCrash('clean-exit', [], 0).action).toBe('ignore');
  });

  it(`is not reloaded in a loop: after ${MAX_RELOADS} reloads in a minute it gives up and says what to do`, () => {
    const now = 100_000;
    const recent = Array.from({ length: MAX_RELOADS }, (_, i) => now - 1000 * (i + 1));
    expect(decideOnCrash('oom', recent, now)).toMatchObject({
      action: 'give-up',
      message: expect.stringContaining('File menu'),
    });
    expect(
      decideOnCrash(
        'oom',
        recent.map((t) => t - 60_000),
        now,
      ).action,
    ).toBe('reload');
  });
});

describe('the packaged app', () => {
  const config = createRequire(__filename)(path.join(root, 'electron-builder.cjs')) as Configuration;

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; cookie encryption; app only from an integrity-checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
