import { call, hostKind } from '../api/client';
import { alertFailure } from '../stores/alerts-store';
import { hrefs } from './route';
import { navigate } from './use-route';

/** The app's three windows. */
export type AppWindow = 'config-tool' | 'setup' | 'console';

/** Where each window lives, as a route of the browser host. */
export const windowHref: Record<AppWindow, string> = {
  'config-tool': hrefs.configTool,
  setup: hrefs.setup,
  console: hrefs.console,
};

/** Opens (or focuses) a window; in a browser the windows are routes, so navigate too. */
export async function openWindow(target: AppWindow): Promise<void> {
  if (hostKind() === 'browser') navigate(windowHref[target]);
  try {
    await call('window.open', { window: target });
  } catch (error) {
    alertFailure('Opening the window', error);
  }
}
