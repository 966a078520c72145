/**
 * Electron main: a thin shell. It owns windows, menus, the IPC endpoint and the supervision
 * of utility processes; the environment service (SQLite, upgrades, preparations) and the
 * compiler workers run in utility processes, so main's event loop stays free.
 *
 * Lifecycle rules:
 * - one instance per user (requestSingleInstanceLock); a second launch focuses the running
 *   one, or, while it is quitting, relaunches the app once it has quit;
 * - quitting hides every window at once, then waits for the service to stop cleanly (a
 *   running preparation is left interrupted and resumes on the next start);
 * - on macOS the app stays alive with no window (the platform's convention): the dock shows
 *   the running preparation's percent, and clicking the dock icon opens Environment Setup
 *   during a run, the Configuration Tool otherwise.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, protocol, safeStorage, session, type IpcMainInvokeEvent } from 'electron';
import type { ProgressUpdate } from '../../common/contract';
import type { PreparationProgress } from '../../common/domain';
import { PRODUCT_NAME } from '../engine/environment-location';
import { createContractHandlers, type HostActions } from '../host/contract-handlers';
import { startServiceConnection, type ServiceConnection } from '../host/service-connection';
import { installAppMenu } from './app-menu';
import { chooseEnvironmentDir, type EnvironmentChoice } from './environment-dir';
import { saveExportWithDialog } from './export-dialog';
import { createSafeStorageSecretKeeper } from './safe-storage-secrets';
import { registerIpcEndpoint } from './ipc';
import { dockBadge, isRunActive, sandboxDisabled, userDataOverride } from './launch-options';
import { log, openLogFile } from './log';
import { APP_SCHEME, rendererResponse, resolveRendererLocation } from './renderer-location';
import { guardWebContents, hardenSession } from './security';
import { spawnServiceProcess } from './service-process-host';
import { WindowManager } from './windows';

const APP_ID = 'com.platform.configtool';
const dev = !app.isPackaged;
const renderer = resolveRendererLocation(__dirname, app.isPackaged, process.env);

app.setName(PRODUCT_NAME);
// Pin the per-user folder to the product name (not package.json's "name") so the CLI's default finds the same environment.
// `--user-data-dir=DIR` points it elsewhere (an isolated profile per Playwright test).
app.setPath(
  'userData',
  path.resolve(userDataOverride(process.argv) ?? path.join(app.getPath('appData'), PRODUCT_NAME)),
);
app.setAppUserModelId(APP_ID);
// Each window asks for `sandbox: true`. No app.enableSandbox(): it would strip --no-sandbox, which running as
// root (CI, containers) or an AppImage on distributions that restrict user namespaces needs.
if (sandboxDisabled(process.argv, process.env) && !app.commandLine.hasSwitch('no-sandbox'))
  app.commandLine.appendSwitch('no-sandbox');
// app://renderer/ serves the built renderer: a standard, secure origin ('self' in the CSP, one fixed origin for the IPC check).
// Not corsEnabled: that would let other origins read app:// responses without any CORS check.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

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
  let relaunchRequested = false;
  let progress: PreparationProgress | null = null;
  /** What main subscribed to (service events, the IPC endpoint): ended once the service has stopped. */
  const subscriptions: (() => void)[] = [];
  const environment = chooseEnvironmentDir(process.argv, process.env, app.getPath('userData'));
  const windows = new WindowManager(renderer, path.join(__dirname, '..', 'preload', 'index.js'), dev);
  const isMac = process.platform === 'darwin';
  const runActive = () => progress !== null && isRunActive(progress);

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, renderer.isRendererUrl));

  app.on('second-instance', () => {
    if (stopping) {
      // The window it would open would close with this quit: start again once this instance has gone.
      if (!relaunchRequested) app.relaunch();
      relaunchRequested = true;
      log('info', 'launched again while quitting: the app restarts once it has stopped');
      return;
    }
    windows.focusAny(runActive() ? 'setup' : 'config-tool');
  });
  app.on('activate', () => {
    if (stopping || windows.count > 0) return;
    app.dock?.setBadge('');
    windows.open(runActive() ? 'setup' : 'config-tool');
  });
  // Closing a window (Environment Setup mid-run included) never stops work; closing the last one quits, except on macOS.
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
    else app.dock?.setBadge(dockBadge(progress));
  });
  // Quitting mid-run: the service marks the run interrupted (it resumes on the next start), then exits.
  app.on('before-quit', (event) => {
    if (serviceStopped || !connection) return;
    event.preventDefault();
    windows.hideAll();
    if (stopping) return;
    stopping = true;
    log('info', 'stopping the environment service');
    connection
      .stop()
      .catch((error: unknown) => log('error', `the service did not stop cleanly: ${String(error)}`))
      .finally(() => {
        serviceStopped = true;
        for (const dispose of subscriptions.splice(0)) dispose();
        app.quit();
      });
  });

  void app.whenReady().then(() => {
    openLogFile(app.getPath('logs'));
    log(
      'info',
      `${PRODUCT_NAME} ${app.getVersion()} (Electron ${process.versions.electron}); environment ${environment.dir} (${environment.source})`,
    );
    hardenSession(session.defaultSession, { devServerUrl: renderer.devServerUrl });
    session.defaultSession.protocol.handle(APP_SCHEME, (request) => {
      const answer = rendererResponse(renderer.rendererDir, request.url, request.method);
      return new Response(answer.body as BodyInit, { status: answer.status, headers: answer.headers });
    });

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
    subscriptions.push(
      connection.onEvent((event, payload) => {
        if (event === 'preparation.update') {
          const update = payload as ProgressUpdate;
          if (update.progress) progress = update.progress;
          if (isMac && windows.count === 0) app.dock?.setBadge(dockBadge(progress));
        }
        windows.broadcast(event, payload);
      }),
    );

    subscriptions.push(registerRendererApi(connection, windows));

    installAppMenu({ openWindow: (name) => windows.open(name), showAbout: () => showAbout(environment) }, dev);
    windows.open('config-tool');
  });
}

/**
 * The renderer's API: the contract's handlers over the service, with what only the desktop host does
 * (windows, quitting, the save dialog, the shared cache's secrets). Returns the endpoint's disposer.
 */
function registerRendererApi(connection: ServiceConnection, windows: WindowManager): () => void {
  // The desktop app keeps the shared cache's secrets itself, encrypted; the service gets them over its channel.
  const sharedCacheSecrets = createSafeStorageSecretKeeper({
    safeStorage,
    file: path.join(app.getPath('userData'), 'shared-cache-secrets.bin'),
  });
  connection.setSharedCacheSecrets(sharedCacheSecrets.load());

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
    sharedCacheSecrets,
  };
  const handlers = createContractHandlers(connection, hostActions);
  return registerIpcEndpoint({
    isTrustedSender: (event) => isTrustedSender(windows, event),
    handle: (channel, payload) => handlers.handle(channel, payload),
  });
}

/** Only our own windows, showing our renderer (app://renderer/) in their top frame, may call the API. */
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
      `Log: ${path.join(app.getPath('logs'), 'main.log')}`,
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}
