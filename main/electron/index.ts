/**
 * Electron main: a thin shell. It owns windows, menus, the IPC endpoint and the supervision
 * of utility processes; the environment service (SQLite, upgrades, preparations) and the
 * compiler workers run in utility processes, so main's event loop stays free.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session, type IpcMainInvokeEvent } from 'electron';
import { PRODUCT_NAME } from '../engine/environment-location';
import { createContractHandlers, type HostActions } from '../host/contract-handlers';
import { startServiceConnection, type ServiceConnection } from '../host/service-connection';
import { installAppMenu } from './app-menu';
import { chooseEnvironmentDir, type EnvironmentChoice } from './environment-dir';
import { saveExportWithDialog } from './export-dialog';
import { registerIpcEndpoint } from './ipc';
import { log, openLogFile } from './log';
import { resolveRendererLocation } from './renderer-location';
import { blockNavigation, hardenSession } from './security';
import { spawnServiceProcess } from './service-process-host';
import { WindowManager } from './windows';

const APP_ID = 'com.platform.configtool';
const dev = !app.isPackaged;
const renderer = resolveRendererLocation(__dirname, app.isPackaged, process.env);

app.setName(PRODUCT_NAME);
// Pin the per-user folder to the product name (not package.json's "name") so the CLI's default finds the same environment.
app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
app.setAppUserModelId(APP_ID);
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the environment: it focuses its window on 'second-instance'.
  app.quit();
} else {
  start();
}

function start(): void {
  let connection: ServiceConnection | undefined;
  let serviceStopped = false;
  let stopping = false;
  const environment = chooseEnvironmentDir(process.argv, process.env, app.getPath('userData'));
  const windows = new WindowManager(renderer, path.join(__dirname, '..', 'preload', 'index.js'), dev);

  blockNavigation(renderer.isRendererUrl);

  app.on('second-instance', () => windows.focusAny());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) windows.open('config-tool');
  });
  // Closing a window (Environment Setup mid-run included) never stops work; closing the last one quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quitting mid-run: the service marks the run interrupted (it resumes on the next start), then exits.
  app.on('before-quit', (event) => {
    if (serviceStopped || !connection) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    log('info', 'stopping the environment service');
    connection
      .stop()
      .catch((error: unknown) => log('error', `the service did not stop cleanly: ${String(error)}`))
      .finally(() => {
        serviceStopped = true;
        app.quit();
      });
  });

  void app.whenReady().then(() => {
    openLogFile(app.getPath('logs'));
    log(
      'info',
      `${PRODUCT_NAME} ${app.getVersion()} (Electron ${process.versions.electron}); environment ${environment.dir} (${environment.source})`,
    );
    hardenSession(session.defaultSession, dev);

    connection = startServiceConnection({
      spawn: () =>
        spawnServiceProcess({
          scriptsDir: __dirname,
          environmentDir: environment.dir,
          // First launch on the per-user folder creates the demo; tests ask for it explicitly on their own folder.
          createDemo: environment.source === 'default' || process.env.CONFIG_TOOL_CREATE_DEMO === '1',
        }),
    });
    connection.ready.catch((error: unknown) =>
      log('error', `the environment could not be opened: ${(error as Error).message}`),
    );
    // Already coalesced by the service (a few progress updates a second).
    connection.onEvent((event, payload) => windows.broadcast(event, payload));

    const hostActions: HostActions = {
      openWindow: (name) => {
        windows.open(name);
        return { opened: true };
      },
      exit: () => {
        // Answer first: the renderer's request must not be left hanging by the quit.
        setImmediate(() => app.quit());
        return { exiting: true };
      },
      saveExport: (report) => saveExportWithDialog(report, BrowserWindow.getFocusedWindow() ?? undefined),
    };
    const handlers = createContractHandlers(connection, hostActions);
    registerIpcEndpoint({
      isTrustedSender: (event) => isTrustedSender(windows, event),
      handle: (channel, payload) => handlers.handle(channel, payload),
    });

    installAppMenu({ openWindow: (name) => windows.open(name), showAbout: () => showAbout(environment) }, dev);
    windows.open('config-tool');
  });
}

/** Only our own windows, showing our renderer in their top frame, may call the API. */
function isTrustedSender(windows: WindowManager, event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return windows.isTrusted(event.sender) && renderer.isRendererUrl(frame.url);
}

function showAbout(environment: EnvironmentChoice): void {
  const parent = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'info' as const,
    title: `About ${PRODUCT_NAME}`,
    message: `${PRODUCT_NAME} ${app.getVersion()}`,
    detail: [
      `Environment: ${environment.dir}`,
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}
