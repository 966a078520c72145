// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigToolApi } from '../../../../common/contract';
import type { PreparationProgress, StatusCounts, UpgradeStep } from '../../../../common/domain';
import { usePreparationStore } from '../../stores/preparation-store';
import { SetupWindow } from './setup-window';

// jsdom lays nothing out: the log's size watcher has nothing to report.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const NO_COUNTS: StatusCounts = { pending: 0, compiling: 0, prepared: 0, failed: 0, skipped: 0, excluded: 0 };

function step(id: UpgradeStep['id'], status: UpgradeStep['status']): UpgradeStep {
  return { id, title: id, status, detail: null };
}

/** A run's progress as the service sends it, with what a test changes. */
function progress(change: Partial<PreparationProgress>): PreparationProgress {
  return {
    runId: 3,
    upgrading: false,
    fromVersion: '11.11.3',
    toVersion: '11.13.0',
    status: 'running',
    steps: [step('backup', 'done'), step('prepare-modules', 'running')],
    total: 10,
    counts: NO_COUNTS,
    compilingNow: [],
    startedAt: '2026-03-02T14:30:00.000Z',
    elapsedMs: 60_000,
    estimatedFinishAt: null,
    percent: 40,
    ...change,
  };
}

function showRun(change: Partial<PreparationProgress>): void {
  usePreparationStore.setState({ progress: progress(change), receivedAt: performance.now(), log: [], seq: 1 });
  render(<SetupWindow />);
}

describe('the Environment Setup window', () => {
  beforeEach(() => {
    // The window only reads the host's kind here; nothing is asked of it.
    const host: ConfigToolApi = {
      host: 'browser',
      invoke: () => Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'not in this test' } }),
      on: () => () => undefined,
    };
    window.configTool = host;
  });
  afterEach(() => {
    cleanup();
    usePreparationStore.setState({ progress: null, log: [], workId: -1, seq: 0 });
  });

  it('says the modules are being prepared, and that closing does not stop the run', () => {
    showRun({ status: 'running', counts: { ...NO_COUNTS, prepared: 4, pending: 6 } });
    expect(screen.getByTestId('setup-headline').textContent).toBe('Preparing the modules for the new version…');
    expect(screen.getByText(/Platform Server 11\.11\.3 → 11\.13\.0/)).toBeTruthy();
    expect(screen.getByTestId('setup-close-hint').textContent).toContain('does not stop the upgrade');
    expect(screen.queryByTestId('setup-next-steps')).toBeNull();
  });

  it('names the upgrade step that runs before any module counts', () => {
    showRun({
      status: 'upgrading',
      upgrading: true,
      steps: [step('backup', 'done'), step('migrate', 'running'), step('prepare-modules', 'pending')],
    });
    expect(screen.getByTestId('setup-headline').textContent).toBe('Upgrading the environment…');
    expect(screen.getByTestId('setup-step').textContent).toBe('Step 2 of 3: migrate');
  });

  it('finished with errors: offers the report, the failed and skipped modules, and Prepare again', () => {
    showRun({ status: 'finished', percent: 100, counts: { ...NO_COUNTS, prepared: 7, failed: 2, skipped: 1 } });
    expect(screen.getByTestId('setup-headline').textContent).toBe('Finished with errors');
    const nextSteps = screen.getByTestId('setup-next-steps');
    expect(nextSteps.textContent).toContain('Export report (HTML)');
    expect(screen.getByTestId('setup-show-failed').textContent).toContain('2 failed modules');
    expect(screen.queryByTestId('setup-close-hint')).toBeNull();
  });

  it('finished without errors: says the environment is ready', () => {
    showRun({ status: 'finished', percent: 100, counts: { ...NO_COUNTS, prepared: 10 } });
    expect(screen.getByTestId('setup-headline').textContent).toBe('The environment is ready');
    expect(screen.queryByTestId('setup-show-failed')).toBeNull();
  });

  it('could not run: says the upgrade failed, and no longer says it runs in the background', () => {
    showRun({ status: 'failed', steps: [step('backup', 'failed')], counts: NO_COUNTS });
    expect(screen.getByTestId('setup-headline').textContent).toBe('The upgrade failed');
    expect(screen.getByTestId('setup-next-steps')).toBeTruthy();
    expect(screen.queryByTestId('setup-close-hint')).toBeNull();
  });
});
