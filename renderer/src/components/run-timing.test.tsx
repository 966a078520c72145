// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreparationProgress } from '../../../common/domain';
import { usePreparationStore } from '../stores/preparation-store';
import { RunTiming } from './run-timing';

/** A running preparation that had run `elapsedMs` when the service sent it, received now. */
function receive(elapsedMs: number): void {
  const progress = {
    runId: 1,
    upgrading: false,
    fromVersion: '11.11.3',
    toVersion: '11.13.0',
    status: 'running',
    steps: [],
    total: 10,
    counts: { pending: 10, compiling: 0, prepared: 0, failed: 0, skipped: 0, excluded: 0 },
    compilingNow: [],
    startedAt: '2026-03-02T14:30:00.000Z',
    elapsedMs,
    estimatedFinishAt: null,
    percent: 0,
  } satisfies PreparationProgress;
  usePreparationStore.setState({ progress, receivedAt: performance.now() });
}

/** Lets `seconds` go by, a second at a time, each rendered as the browser would between them. */
function pass(seconds: number): void {
  for (let second = 0; second < seconds; second++) act(() => vi.advanceTimersByTime(1_000));
}

describe('the run’s elapsed time', () => {
  beforeEach(() =>
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] }),
  );
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    usePreparationStore.setState({ progress: null });
  });

  it('shows what each progress update says, and keeps counting on its own while updates pause', () => {
    receive(60_000);
    render(<RunTiming />);
    const elapsed = screen.getByTestId('elapsed');
    expect(elapsed.textContent).toBe('1 min 00 s');

    pass(3);
    expect(elapsed.textContent).toBe('1 min 03 s');

    act(() => receive(70_000));
    expect(elapsed.textContent).toBe('1 min 10 s');
    pass(2);
    expect(elapsed.textContent).toBe('1 min 12 s');
  });
});
