/** Where the renderer is loaded from, and the check that a URL (a frame's, a navigation's) is ours. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The renderer's address: the built index.html, or the electron-vite dev server in development. */
export interface RendererLocation {
  /** Dev server URL, when running under `electron-vite dev`. */
  devServerUrl: string | undefined;
  /** out/renderer/index.html. */
  indexFile: string;
  /** True when `url` (hash and query ignored) is our renderer page. */
  isRendererUrl(url: string): boolean;
}

/** Resolves the renderer from main's own folder (out/main → out/renderer); the dev server only when unpackaged. */
export function resolveRendererLocation(
  mainDir: string,
  isPackaged: boolean,
  env: NodeJS.ProcessEnv,
): RendererLocation {
  const devServerUrl = !isPackaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : undefined;
  const indexFile = path.join(mainDir, '..', 'renderer', 'index.html');
  const indexHref = pathToFileURL(indexFile).href;
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;
  return {
    devServerUrl,
    indexFile,
    isRendererUrl(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (devOrigin) return parsed.origin === devOrigin;
      parsed.hash = '';
      parsed.search = '';
      return parsed.href === indexHref;
    },
  };
}
