// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigToolApi } from '../../../../common/contract';
import type { ReadinessCheck, ReadinessState } from '../../../../common/domain';
import { useReadinessStore } from '../../stores/readiness-store';
import { UpgradeReadinessSection } from './upgrade-readiness-section';

/** What the host answers to `readiness.state` in the current test. */
let readiness: ReadinessState = { targetVersion: null, latest: null, running: null };

beforeAll(() => {
  const host: ConfigToolApi = {
    host: 'browser',
    invoke: (channel) =>
      Promise.resolve(
        channel === 'readiness.state'
          ? { ok: true, value: readiness as never }
          : { ok: false, error: { code: 'unavailable', message: 'not in this test' } },
      ),
    on: () => () => undefined,
  };
  window.configTool = host;
});

afterEach(() => {
  cleanup();
  useReadinessStore.setState({ state: null, running: null, error: null, cancelling: null, cancelled: null });
});

const CHECK: ReadinessCheck = {
  runId: 5,
  toVersion: '11.13.0',
  status: 'finished',
  startedAt: '2026-03-02T14:30:00.000Z',
  finishedAt: '2026-03-02T14:32:00.000Z',
  startedBy: 'admin',
  total: 10,
  counts: { pending: 0, compiling: 0, prepared: 8, failed: 1, skipped: 1, excluded: 2 },
  problems: [
    { name: 'Mailer', application: 'Billing', status: 'failed', errors: [] },
    { name: 'Invoices', application: 'Billing', status: 'skipped', errors: [] },
  ],
  changedSince: [],
};

describe('the Upgrade readiness section', () => {
  it('offers Check now while the pending upgrade was never checked', async () => {
    readiness = { targetVersion: '11.13.0', latest: null, running: null };
    render(<UpgradeReadinessSection disabledReason={null} />);
    expect((await screen.findByTestId('readiness-not-checked')).textContent).toContain('Not checked yet for 11.13.0.');
    expect((screen.getByTestId('readiness-check-now') as HTMLButtonElement).disabled).toBe(false);
  });

  it('disables Check now with the reason the lock gives', async () => {
    readiness = { targetVersion: '11.13.0', latest: null, running: null };
    render(<UpgradeReadinessSection disabledReason="Apply/Exit is not available while the platform upgrade runs." />);
    const button = (await screen.findByTestId('readiness-check-now')) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('Apply/Exit is not available while the platform upgrade runs.');
  });

  it('shows the latest check: its counts and the modules that would fail or be skipped', async () => {
    readiness = { targetVersion: '11.13.0', latest: CHECK, running: null };
    render(<UpgradeReadinessSection disabledReason={null} />);
    expect((await screen.findByTestId('readiness-counts')).textContent).toBe(
      '8 modules ready, 1 would fail, 1 would be skipped',
    );
    const problems = screen.getAllByTestId('readiness-problem').map((item) => item.getAttribute('data-module'));
    expect(problems).toEqual(['Mailer', 'Invoices']);
  });

  it('is not there when no upgrade is pending', async () => {
    readiness = { targetVersion: null, latest: null, running: null };
    const { container } = render(<UpgradeReadinessSection disabledReason={null} />);
    await expect.poll(() => useReadinessStore.getState().state).not.toBeNull();
    expect(container.textContent).toBe('');
  });
});
