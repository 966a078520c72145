// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnvironmentStatus, LockInfo } from '../../../../common/domain';
import { DISCONNECTED_REASON } from '../../lib/action-availability';
import { useConnectionStore } from '../../stores/connection-store';
import { useEnvironmentStore } from '../../stores/environment-store';
import { ApplyConfigurationsButton } from './apply-configurations-button';
import { ConsoleBanners } from './console-banners';

/** An environment at rest, as `environment.status` answers, with what a test changes. */
function environment(change: Partial<EnvironmentStatus> = {}): EnvironmentStatus {
  return {
    location: '/srv/environment',
    name: 'Acme Production',
    platformVersion: '11.11.3',
    installedVersion: '11.13.0',
    availableVersions: ['11.11.3', '11.13.0'],
    upgradePending: true,
    installedVersionLock: 'environment',
    preparedNotDeployed: 0,
    upgradeWarning: null,
    settings: { parallelCompilations: 2, moduleTimeLimitSeconds: 60, defaultParallelCompilations: 2 },
    moduleCount: 12,
    applicationCount: 3,
    preparableModuleCount: 10,
    newerUploads: [],
    activeRun: null,
    latestRun: null,
    lock: null,
    currentGroup: null,
    lastUpgradeFailure: null,
    ...change,
  };
}

const PREPARATION_LOCK: LockInfo = {
  operation: 'preparation',
  runId: 4,
  holder: 'admin',
  startedAt: '2026-03-02T14:30:00.000Z',
  heartbeatAt: '2026-03-02T14:31:00.000Z',
};

afterEach(() => {
  cleanup();
  useEnvironmentStore.setState({ status: null });
  useConnectionStore.setState({ state: 'open' });
});

describe('a button the lock or a lost connection blocks', () => {
  it('is enabled while nothing holds the lock', () => {
    useEnvironmentStore.setState({ status: environment() });
    render(<ApplyConfigurationsButton />);
    const button = screen.getByTestId('apply-configurations') as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(button.title).toBe('');
  });

  it('is disabled while a whole-environment preparation holds the lock, and says which run and since when', () => {
    useEnvironmentStore.setState({ status: environment({ lock: PREPARATION_LOCK }) });
    render(<ApplyConfigurationsButton />);
    const button = screen.getByTestId('apply-configurations') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toMatch(
      /^Apply configurations is not available while the modules preparation \(run #4\) holds the preparation lock, started at .+ by admin\. It is available again when the run finishes\.$/,
    );
    expect(button.getAttribute('aria-describedby')).toBe('console-lock-notice');
  });

  it('stays enabled while a progressive preparation locks only its group', () => {
    useEnvironmentStore.setState({
      status: environment({ lock: PREPARATION_LOCK, currentGroup: { number: 2, modules: ['Core'] } }),
    });
    render(<ApplyConfigurationsButton />);
    expect((screen.getByTestId('apply-configurations') as HTMLButtonElement).disabled).toBe(false);
  });

  it('is disabled with the connection’s reason when the host is gone', () => {
    useEnvironmentStore.setState({ status: environment() });
    useConnectionStore.setState({ state: 'closed' });
    render(<ApplyConfigurationsButton />);
    const button = screen.getByTestId('apply-configurations') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe(DISCONNECTED_REASON);
  });
});

describe('the console banners', () => {
  it('show nothing for an environment at rest', () => {
    useEnvironmentStore.setState({ status: environment() });
    const { container } = render(<ConsoleBanners />);
    expect(container.textContent).toBe('');
  });

  it('say an upgrade failed and was rolled back, with the step and the version still running', () => {
    useEnvironmentStore.setState({
      status: environment({
        lastUpgradeFailure: {
          at: '2026-03-02T14:30:00.000Z',
          toVersion: '11.13.0',
          step: 'Upgrade the platform database',
          message: 'The disk is full.',
        },
      }),
    });
    render(<ConsoleBanners />);
    const banner = screen.getByTestId('banner-upgrade-failed');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('The upgrade to 11.13.0 failed and was rolled back.');
    expect(banner.textContent).toContain('“Upgrade the platform database”');
    expect(banner.textContent).toContain('The environment still runs Platform Server 11.11.3.');
  });
});
