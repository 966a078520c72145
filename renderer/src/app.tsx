import { useEffect } from 'react';
import { useRoute } from './routing/use-route';
import { ConfigToolWindow } from './windows/config-tool/config-tool-window';
import { ConsoleWindow } from './windows/console/console-window';
import { SetupWindow } from './windows/setup/setup-window';

/** Picks the window by the URL hash: `#/config-tool` (default), `#/setup`, `#/console/…`. */
export function App() {
  const route = useRoute();
  useEffect(() => {
    if (route.window === 'config-tool') document.title = 'Platform Configuration Tool';
  }, [route.window]);
  if (route.window === 'setup') return <SetupWindow />;
  if (route.window === 'console') return <ConsoleWindow route={route} />;
  return <ConfigToolWindow />;
}
