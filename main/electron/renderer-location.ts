/**
 * Where the renderer is loaded from, and the check that a URL (a frame's, a navigation's) is
 * ours. The built renderer is served from the privileged `app://renderer/` scheme (not
 * file://), so its origin is one fixed string on every OS: the IPC sender check compares it
 * exactly, with no drive-letter case or path spelling to get wrong.
 */
import path from 'node:path';
import { contentSecurityPolicy } from '../../common/content-security-policy';
import { readStaticFile } from '../host/static-files';

/** The custom scheme of the built renderer (registered as standard + secure before `ready`). */
export const APP_SCHEME = 'app';
/** The one host of that scheme: `app://renderer/index.html`. */
export const APP_HOST = 'renderer';

/** The renderer's address: the built files served as app://, or the electron-vite dev server in development. */
export interface RendererLocation {
  /** Dev server URL, when running under `electron-vite dev`. */
  devServerUrl: string | undefined;
  /** out/renderer: the build served on app://renderer/. */
  rendererDir: string;
  /** The URL a window loads to show `route` (`/setup`). */
  urlFor(route: string): string;
  /** True when `url` is a page of our renderer (app://renderer/…, or the dev server's origin in development). */
  isRendererUrl(url: string): boolean;
}

/** Resolves the renderer from main's own folder (out/main → out/renderer); the dev server only when unpackaged. */
export function resolveRendererLocation(
  mainDir: string,
  isPackaged: boolean,
  env: NodeJS.ProcessEnv,
): RendererLocation {
  const devServerUrl = !isPackaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : undefined;
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;
  return {
    devServerUrl,
    rendererDir: path.join(mainDir, '..', 'renderer'),
    urlFor: (route) => `${devServerUrl ?? `${APP_SCHEME}://${APP_HOST}/index.html`}#${route}`,
    isRendererUrl(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      // Node gives custom schemes an opaque origin ('null'): compare scheme and host instead.
      if (devOrigin) return parsed.origin === devOrigin;
      return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST && parsed.username === '';
    },
  };
}

/** A response of the app:// handler, as plain data (the handler wraps it in a Response). */
export interface RendererResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/**
 * Answers one app:// request from the renderer build: its files only (no `..`, no other
 * host), each with the strict CSP header. GET and HEAD only.
 */
export function rendererResponse(rendererDir: string, requestUrl: string, method = 'GET'): RendererResponse {
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy({ delivery: 'header' }),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400, headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'Bad request' };
  }
  if (method !== 'GET' && method !== 'HEAD')
    return { status: 405, headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'Method not allowed' };
  const file = url.host.toLowerCase() === APP_HOST ? readStaticFile(path.resolve(rendererDir), url.pathname) : null;
  if (!file) return { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'Not found' };
  return {
    status: 200,
    headers: { ...headers, 'Content-Type': file.contentType },
    body: method === 'HEAD' ? '' : file.body,
  };
}
