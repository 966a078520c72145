/**
 * The options of every BrowserWindow, as plain data: windows.ts passes them to Electron,
 * and window-options.test.ts asserts the security checklist on them without an Electron
 * binary. Nothing here imports Electron at run time.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { RequestOf } from '../../common/contract';

/** The name of one of the app's windows, as in the 'window.open' channel. */
export type WindowName = RequestOf<'window.open'>['window'];

/** Title, route and size of one window. */
export interface WindowSpec {
  title: string;
  route: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** Every window the app opens (Environment Setup is a second window beside the Configuration Tool). */
export const WINDOW_SPECS: Readonly<Record<WindowName, WindowSpec>> = {
  'config-tool': {
    title: 'Configuration Tool',
    route: '/config-tool',
    width: 900,
    height: 640,
    minWidth: 720,
    minHeight: 520,
  },
  setup: { title: 'Environment Setup', route: '/setup', width: 1100, height: 760, minWidth: 800, minHeight: 560 },
  console: { title: 'Environment Console', route: '/console', width: 1200, height: 800, minWidth: 800, minHeight: 560 },
};

/** What the window options depend on. */
export interface WindowOptionsInput {
  preloadFile: string;
  /** Dev tools only in an unpackaged (development) run. */
  devTools: boolean;
  /** The window icon on Linux/Windows; undefined where none is shipped (macOS uses the bundle's). */
  icon: string | undefined;
}

/**
 * The constructor options of window `name`: context isolation, a sandboxed renderer, no
 * Node in the page or its workers, web security on, no <webview>, the preload that
 * exposes only the typed contract.
 */
export function windowOptions(name: WindowName, input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const spec = WINDOW_SPECS[name];
  return {
    title: spec.title,
    width: spec.width,
    height: spec.height,
    minWidth: spec.minWidth,
    minHeight: spec.minHeight,
    show: false,
    backgroundColor: '#ffffff',
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preloadFile,
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
      devTools: input.devTools,
    },
  };
}
