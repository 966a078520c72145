import type { ReactNode } from 'react';
import { openWindow, windowHref, type AppWindow } from '../routing/open-window';

/** A link that opens (or focuses) one of the app's windows; in a browser, its route. */
export function WindowLink({ target, testId, children }: { target: AppWindow; testId?: string; children: ReactNode }) {
  return (
    <a
      className="link"
      href={windowHref[target]}
      onClick={(e) => {
        e.preventDefault();
        void openWindow(target);
      }}
      data-testid={testId}
    >
      {children}
    </a>
  );
}

/** "Open environment console", in the Configuration Tool's and the Setup window's footers. */
export function OpenConsoleLink() {
  return (
    <WindowLink target="console" testId="open-console">
      Open environment console
    </WindowLink>
  );
}
