/**
 * The Electron security checklist in one place: a strict CSP header, every permission
 * denied, no navigation, no new windows, no <webview>. Applied before any window exists.
 */
import { app, type Session, type WebContents } from 'electron';
import { log } from './log';

/** The renderer's CSP. Dev adds what Vite's dev server needs (HMR socket, React refresh preamble). */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sends the CSP with every response and denies every permission (camera, notifications, …). */
export function hardenSession(session: Session, dev: boolean): void {
  const policy = contentSecurityPolicy(dev);
  // file:// responses carry no headers: there the <meta> CSP of index.html applies; the header covers the dev server.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    log('warn', `denied a '${permission}' permission request from ${webContents.getURL()}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Blocks navigation away from our renderer, new windows and <webview> in every web contents the app creates. */
export function blockNavigation(isRendererUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    // Hash routes change without 'will-navigate'; only a reload of our own page (dev server) may pass.
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
  });
}
