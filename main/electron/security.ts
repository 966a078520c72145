/**
 * The Electron security checklist in one place, as handlers the shell installs and tests
 * call directly: every permission denied, no navigation away from our renderer, no new
 * windows, no <webview>, and (under the dev server) the dev CSP as a response header; the
 * built renderer's app:// responses carry the strict CSP themselves. Nothing here imports
 * Electron at run time: index.ts hands in the session and each web contents.
 */
import { contentSecurityPolicy } from '../../common/content-security-policy';
import { log } from './log';

type Headers = Record<string, string | string[]>;

/** The part of Electron's Session that hardenSession sets (a test passes a recorder). */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: { getURL(): string }, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Headers },
        callback: (response: { responseHeaders?: Headers }) => void,
      ) => void,
    ): void;
  };
}

/** The part of Electron's WebContents that guardWebContents sets. */
export interface GuardableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Denies every permission (camera, notifications, clipboard read, …); in development, adds the dev CSP header to the dev server's responses. */
export function hardenSession(session: HardenableSession, options: { devServerUrl: string | undefined }): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    log('warn', `denied a '${permission}' permission request from ${contents.getURL()}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  if (options.devServerUrl) {
    const devOrigin = new URL(options.devServerUrl).origin;
    const policy = contentSecurityPolicy({ delivery: 'header', dev: true });
    session.webRequest.onHeadersReceived((details, callback) => {
      if (!details.url.startsWith(`${devOrigin}/`)) return callback({});
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
    });
  }
}

/** Blocks navigation away from our renderer, redirects, new windows and <webview> in one web contents. */
export function guardWebContents(contents: GuardableContents, isRendererUrl: (url: string) => boolean): void {
  // Hash routes change without 'will-navigate'; only a reload of our own page may pass.
  contents.on('will-navigate', (event, url) => {
    if (isRendererUrl(url)) return;
    event.preventDefault();
    log('warn', `blocked navigation to ${url}`);
  });
  contents.on('will-redirect', (event, url) => {
    if (isRendererUrl(url)) return;
    event.preventDefault();
    log('warn', `blocked redirect to ${url}`);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log('warn', `blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}
