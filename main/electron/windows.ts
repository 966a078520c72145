/**
 * The app's windows (Configuration Tool, Environment Setup, environment console): one of
 * each at most, opened or focused by name. Their webContents ids are the only trusted IPC
 * senders. A window whose renderer dies is reloaded, and says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, dialog, type WebContents } from 'electron';
import { decideOnCrash } from './crash-recovery';
import { log } from './log';
import type { RendererLocation } from './renderer-location';
import { WINDOW_SPECS, windowOptions, type WindowName } from './window-options';

export type { WindowName } from './window-options';

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

  /** Focuses the most recent window, or opens `fallback` when none is open (second launch, macOS dock). */
  focusAny(fallback: WindowName = 'config-tool'): void {
    const window = BrowserWindow.getFocusedWindow() ?? [...this.windows.values()].at(-1);
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    } else {
      this.open(fallback);
    }
  }

  /** Number of open windows. */
  get count(): number {
    return [...this.windows.values()].filter((window) => !window.isDestroyed()).length;
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

  /** Hides every window at once (quitting: the app looks closed while the service stops). */
  hideAll(): void {
    for (const window of this.windows.values()) if (!window.isDestroyed()) window.hide();
  }

  private create(name: WindowName): BrowserWindow {
    const window = new BrowserWindow(
      windowOptions(name, { preloadFile: this.preloadFile, devTools: this.devTools, icon: iconFile() }),
    );
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
    const reloads: number[] = [];
    window.webContents.on('render-process-gone', (_event, details) => {
      const decision = decideOnCrash(details.reason, reloads, Date.now());
      if (decision.action === 'ignore' || window.isDestroyed()) return;
      log(
        'warn',
        `${WINDOW_SPECS[name].title}: renderer gone (${details.reason}, exit code ${details.exitCode}); ${decision.action}`,
      );
      if (decision.action === 'reload') {
        reloads.push(Date.now());
        void this.load(window, name);
      }
      void dialog.showMessageBox(window, {
        type: decision.action === 'reload' ? 'warning' : 'error',
        title: WINDOW_SPECS[name].title,
        message: decision.message,
        buttons: ['OK'],
      });
    });
    void this.load(window, name);
    return window;
  }

  private async load(window: BrowserWindow, name: WindowName): Promise<void> {
    try {
      await window.loadURL(this.renderer.urlFor(WINDOW_SPECS[name].route));
    } catch (error) {
      log('error', `${WINDOW_SPECS[name].title} could not load its page: ${(error as Error).message}`);
    }
  }
}

/** The window icon on Linux/Windows (packaged apps use the installer's icon); absent icons are fine. */
function iconFile(): string | undefined {
  if (process.platform === 'darwin') return undefined;
  const file = path.join(__dirname, '..', '..', 'resources', 'icons', 'icon.png');
  return fs.existsSync(file) ? file : undefined;
}
