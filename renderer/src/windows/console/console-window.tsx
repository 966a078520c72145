import { useEffect, useRef } from 'react';
import { AlertStack } from '../../components/alert-stack';
import { ConnectionBanner } from '../../components/connection-banner';
import { ExportReportControl } from '../../components/export-report-control';
import { openWindow } from '../../routing/open-window';
import { hrefs, type Route } from '../../routing/route';
import { useEnvironmentStore } from '../../stores/environment-store';
import { useBlockedReason } from '../../lib/action-availability';
import { ApplyConfigurationsButton } from './apply-configurations-button';
import { ConsoleBanners } from './console-banners';
import { HistoryPage } from './history-page';
import { ModuleDetailPage } from './module-detail-page';
import { ModulesPage } from './modules-page';
import { OverviewPage } from './overview-page';
import { PreparationPage } from './preparation-page';
import { PreparationWidget } from './preparation-widget';

type ConsoleRoute = Extract<Route, { window: 'console' }>;

const NAV: { page: ConsoleRoute['page']; href: string; label: string }[] = [
  { page: 'overview', href: hrefs.console, label: 'Overview' },
  { page: 'modules', href: hrefs.modules, label: 'Modules' },
  { page: 'preparation', href: hrefs.preparation, label: 'Preparation' },
  { page: 'history', href: hrefs.history, label: 'Upgrades history' },
];

function pageTitle(route: ConsoleRoute): string {
  if (route.page === 'module') return `Module ${route.name}`;
  return NAV.find((n) => n.page === route.page)?.label ?? 'Overview';
}

/** The environment console: header toolbar, section navigation, side widget, banners and the page. */
export function ConsoleWindow({ route }: { route: ConsoleRoute }) {
  const name = useEnvironmentStore((s) => s.status?.name ?? 'Environment');
  const version = useEnvironmentStore((s) => s.status?.platformVersion ?? '');
  const upgradePending = useEnvironmentStore((s) => s.status?.upgradePending ?? false);
  const installed = useEnvironmentStore((s) => s.status?.installedVersion ?? '');
  const mainRef = useRef<HTMLElement>(null);
  const activePage = route.page === 'module' ? 'modules' : route.page;
  const title = pageTitle(route);

  useEffect(() => {
    document.title = `${title} — ${name} — Environment console`;
  }, [title, name]);

  return (
    <div className="console" data-testid="console-window">
      <a className="skip-link" href="#console-main" onClick={(e) => (e.preventDefault(), mainRef.current?.focus())}>
        Skip to content
      </a>
      <header className="console__header">
        <div className="console__brand">
          <span className="app-mark" aria-hidden="true">
            ⚙
          </span>
          <div>
            <p className="console__product">Environment console</p>
            <p className="console__env" data-testid="console-env-name">
              {name}
              {version && (
                <span className="version-tag" data-testid="console-env-version">
                  Platform Server {version}
                </span>
              )}
              {upgradePending && (
                <span className="version-tag version-tag--pending" data-testid="console-upgrade-pending">
                  {installed} installed: upgrade pending
                </span>
              )}
            </p>
          </div>
        </div>
        <div className="console__toolbar" role="toolbar" aria-label="Environment actions">
          <ApplyConfigurationsButton />
          <ExportReportControl />
          <a
            className="link"
            href={hrefs.configTool}
            onClick={(e) => {
              e.preventDefault();
              void openWindow('config-tool');
            }}
          >
            Configuration Tool
          </a>
        </div>
        <ConsoleLockNotice />
      </header>
      <div className="console__body">
        <aside className="console__side">
          <nav aria-label="Console sections">
            <ul className="side-nav">
              {NAV.map((item) => (
                <li key={item.page}>
                  <a
                    className="side-nav__link"
                    href={item.href}
                    aria-current={activePage === item.page ? 'page' : undefined}
                    data-testid={`nav-${item.page}`}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <PreparationWidget />
        </aside>
        <main id="console-main" ref={mainRef} tabIndex={-1} className="console__main">
          <ConnectionBanner />
          <ConsoleBanners />
          <AlertStack />
          {route.page === 'overview' && <OverviewPage />}
          {route.page === 'modules' && <ModulesPage />}
          {route.page === 'module' && <ModuleDetailPage key={route.name} name={route.name} />}
          {route.page === 'preparation' && <PreparationPage />}
          {route.page === 'history' && <HistoryPage />}
        </main>
      </div>
    </div>
  );
}

/** One line under the toolbar while the preparation lock (or a lost connection) disables the environment actions. */
function ConsoleLockNotice() {
  const reason = useBlockedReason('apply-configurations');
  if (!reason) return null;
  return (
    <p id="console-lock-notice" className="console__lock-notice" data-testid="console-lock-notice">
      {reason}
    </p>
  );
}
