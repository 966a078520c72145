/** The app's routes, read from the URL hash (each Electron window loads its own hash). */
export type Route =
  | { window: 'config-tool' }
  | { window: 'setup' }
  | { window: 'console'; page: 'overview' }
  | { window: 'console'; page: 'modules' }
  | { window: 'console'; page: 'module'; name: string }
  | { window: 'console'; page: 'preparation' }
  | { window: 'console'; page: 'history' };

/** Parses `#/console/modules/Billing` and friends; anything unknown is the Configuration Tool. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'setup') return { window: 'setup' };
  if (first === 'console') {
    if (second === 'modules' && third) return { window: 'console', page: 'module', name: third };
    if (second === 'modules') return { window: 'console', page: 'modules' };
    if (second === 'preparation') return { window: 'console', page: 'preparation' };
    if (second === 'history') return { window: 'console', page: 'history' };
    return { window: 'console', page: 'overview' };
  }
  return { window: 'config-tool' };
}

/** Hash hrefs for links, so they work as real links (keyboard, middle-click) in both hosts. */
export const hrefs = {
  configTool: '#/config-tool',
  setup: '#/setup',
  console: '#/console',
  modules: '#/console/modules',
  module: (name: string) => `#/console/modules/${encodeURIComponent(name)}`,
  preparation: '#/console/preparation',
  history: '#/console/history',
};
