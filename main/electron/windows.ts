/**
 * The app's windows (Configuration Tool, Environment Setup, environment console): one of
 * each at most, opened or focused by name. Their webContents ids are the only trusted IPC
 * senders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, type WebContents } from 'electron';
import type { RequestOf } from '../../common/contract';
import type { RendererLocation } from './renderer-location';

/** The name of one of the app's windows, as in the 'window.open' channel. */
export type WindowName = RequestOf<'window.open'>['window'];

interface WindowSpec {
  title: string;
  route: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

const SPECS: Record<WindowName, WindowSpec> = {
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

/** Opens, focuses and lists the app's windows; knows which webContents are ours. */
export class WindowManager {
  private readonly windows = new Map<WindowName, BrowserWindow>();
  private readonly trustedIds = new Set<number>();

  constructor(
    private readonly renderer: RendererLocation,
    private readonly preloadFile: string,
    private readonly devTools: boolean,
  ) {}

  /** Opens the window, or restores and focuses it when it is already open. */
  open(name: WindowName): BrowserWindow {
    const existing = this.windows.get(name);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    return this.create(name);
  }

  /** Focuses the most recent window, or opens the Configuration Tool when none is open (second launch, macOS dock). */
  focusAny(): void {
    const window = BrowserWindow.getFocusedWindow() ?? [...this.windows.values()].at(-1);
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.focus();
    } else {
      this.open('config-tool');
    }
  }

  /** True when `contents` belongs to one of our windows. */
  isTrusted(contents: WebContents): boolean {
    return this.trustedIds.has(contents.id);
  }

  /** The window a webContents belongs to (a parent for dialogs). */
  windowOf(contents: WebContents): BrowserWindow | undefined {
    const window = BrowserWindow.fromWebContents(contents);
    return window && this.isTrusted(window.webContents) ? window : undefined;
  }

  /** Sends an event to every open window. */
  broadcast(event: string, payload: unknown): void {
    for (const window of this.windows.values()) {
      if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(event, payload);
    }
  }

  private create(name: WindowName): BrowserWindow {
    const spec = SPECS[name];
    const window = new BrowserWindow({
      title: spec.title,
      width: spec.width,
      height: spec.height,
      minWidth: spec.minWidth,
      minHeight: spec.minHeight,
      show: false,
      backgroundColor: '#ffffff',
      icon: iconFile(),
      webPreferences: {
        preload: this.preloadFile,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        devTools: this.devTools,
      },
    });
    const id = window.webContents.id;
    this.trustedIds.add(id);
    this.windows.set(name, window);
    window.once('ready-to-show', () => window.show());
    // The page's <title> would otherwise replace the window's name.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.on('closed', () => {
      this.trustedIds.delete(id);
      if (this.windows.get(name) === window) this.windows.delete(name);
    });
    void this.load(window, spec.route);
    return window;
  }

  private async load(window: BrowserWindow, route: string): Promise<void> {
    if (this.renderer.devServerUrl) await window.loadURL(`${this.renderer.devServerUrl}#${route}`);
    else await window.loadFile(this.renderer.indexFile, { hash: route });
  }
}

/** The window icon on Linux/Windows (packaged apps use the installer's icon); absent icons are fine. */
function iconFile(): string | undefined {
  if (process.platform === 'darwin') return undefined;
  const file = path.join(__dirname, '..', '..', 'resources', 'icons', 'icon.png');
  return fs.existsSync(file) ? file : undefined;
}
