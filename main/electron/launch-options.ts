/**
 * Decisions the shell takes from its command line and environment before `ready`, as plain
 * functions (tested without Electron).
 */

/**
 * True when the renderer and utility sandboxes must be off: `--no-sandbox` on the command
 * line (Chromium honours it itself as long as the app never calls app.enableSandbox(), which
 * would strip it) or `ELECTRON_DISABLE_SANDBOX` set to anything but '' / '0' (running as
 * root in CI or a container, an AppImage where user namespaces are restricted). Windows
 * still ask for `sandbox: true`; this only lets Chromium start where its sandbox can't.
 */
export function sandboxDisabled(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (argv.includes('--no-sandbox')) return true;
  const variable = env.ELECTRON_DISABLE_SANDBOX;
  return variable !== undefined && variable !== '' && variable !== '0';
}

/** What the dock (macOS) shows while no window is open: the running preparation's percent, or nothing. */
export function dockBadge(progress: { status: string; upgrading: boolean; percent: number } | null): string {
  if (!progress || !isRunActive(progress)) return '';
  return `${Math.floor(progress.percent)}%`;
}

/** True while an upgrade or a preparation is running. */
export function isRunActive(progress: { status: string; upgrading: boolean }): boolean {
  return progress.upgrading || progress.status === 'upgrading' || progress.status === 'running';
}

/** `--user-data-dir=DIR` (also Chromium's profile switch): an isolated per-user folder, as each Playwright test uses. */
export function userDataOverride(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--user-data-dir' && argv[i + 1]) return argv[i + 1];
    if (arg.startsWith('--user-data-dir=')) return arg.slice('--user-data-dir='.length) || undefined;
  }
  return undefined;
}
