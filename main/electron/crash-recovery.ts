/**
 * What a window does when its renderer process dies (`render-process-gone`): reload, and
 * say so; but a renderer that keeps dying is not reloaded in a loop. Plain data, no Electron.
 */

/** At most this many reloads of one window in RELOAD_WINDOW_MS. */
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

/** The decision for one crash, with the sentence the admin sees. */
export interface CrashDecision {
  action: 'reload' | 'give-up' | 'ignore';
  message: string;
}

/**
 * Decides for a crash with `reason` (Electron's RenderProcessGoneDetails.reason), given the
 * times of this window's earlier reloads. A clean exit (the window closing) is ignored.
 */
export function decideOnCrash(reason: string, earlierReloads: readonly number[], now: number): CrashDecision {
  if (reason === 'clean-exit') return { action: 'ignore', message: '' };
  const recent = earlierReloads.filter((time) => now - time < RELOAD_WINDOW_MS);
  const what = `The window's page stopped unexpectedly (${reason.replace(/-/g, ' ')})`;
  if (recent.length >= MAX_RELOADS) {
    return {
      action: 'give-up',
      message: `${what} ${recent.length + 1} times in a minute, so it was not reloaded again. Work in progress continues in the background; close the window and open it again from the File menu. The log (Help > About shows where) has the details.`,
    };
  }
  return {
    action: 'reload',
    message: `${what} and was reloaded. Work in progress was not affected: it runs in the background.`,
  };
}
