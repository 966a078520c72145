import { describe, expect, it } from 'vitest';
import { progressUpdateSchema, type ProgressUpdate } from '../../common/contract';
import type { LogLine, PreparationProgress } from '../../common/domain';
import { buildProgress, emptyCounts } from '../engine/preparation/progress-snapshot';
import { ProgressCoalescer, type CoalescerClock } from './progress-coalescer';

/** A clock whose time moves only when the test says; timers fire when it passes them. */
function fakeClock(): CoalescerClock & { advance(ms: number): void; pendingTimers(): number } {
  let now = 1_000_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.callback();
      }
    },
    pendingTimers: () => timers.size,
  };
}

function progress(prepared: number, total = 10_000): PreparationProgress {
  return buildProgress({
    runId: 1,
    upgrading: true,
    fromVersion: '11.11.3',
    toVersion: '11.13.0',
    status: 'running',
    steps: [],
    total,
    counts: { ...emptyCounts(), prepared, pending: total - prepared },
    compilingNow: [],
    startedAt: '2026-11-28T10:00:00.000Z',
  });
}

function line(text: string): LogLine {
  return { at: '2026-11-28T10:00:01.000Z', level: 'info', text };
}

function setUp() {
  const clock = fakeClock();
  const sent: ProgressUpdate[] = [];
  const coalescer = new ProgressCoalescer({ send: (update) => sent.push(update), minGapMs: 250, clock });
  coalescer.reset();
  return { clock, sent, coalescer };
}

describe('ProgressCoalescer', () => {
  it('sends one update for a burst of module events, with the counts and only what changed', () => {
    const { clock, sent, coalescer } = setUp();
    for (let i = 1; i <= 500; i++) {
      coalescer.onEvent({ type: 'module', name: `M${i}`, status: 'compiling' });
      coalescer.onEvent({ type: 'log', line: line(`Compiling module ${i} of 10000: M${i}`) });
      coalescer.onEvent({ type: 'module', name: `M${i}`, status: 'prepared' });
      coalescer.onEvent({ type: 'progress', progress: progress(i) });
    }
    clock.advance(0);
    expect(sent).toHaveLength(1);
    const [update] = sent;
    expect(update!.full).toBe(false);
    expect(update!.progress?.counts.prepared).toBe(500);
    expect(update!.log).toEqual({ from: 0, lines: expect.any(Array) });
    expect(update!.log.lines).toHaveLength(500);
    // Each module once, with its latest status.
    expect(update!.modules).toHaveLength(500);
    expect(update!.modules[0]).toEqual({ name: 'M1', status: 'prepared' });
    expect(progressUpdateSchema.safeParse(update).success).toBe(true);
  });

  it('keeps a gap between updates, and the next one carries only the lines since the previous', () => {
    const { clock, sent, coalescer } = setUp();
    coalescer.onEvent({ type: 'log', line: line('one') });
    clock.advance(0);
    coalescer.onEvent({ type: 'log', line: line('two') });
    coalescer.onEvent({ type: 'log', line: line('three') });
    clock.advance(100);
    expect(sent).toHaveLength(1);
    clock.advance(150);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.log).toEqual({ from: 1, lines: [line('two'), line('three')] });
    expect(sent[1]!.progress).toBeNull();
    expect(sent[1]!.modules).toEqual([]);
    expect(sent.map((update) => update.seq)).toEqual([1, 2]);
  });

  it('sends nothing when nothing changed', () => {
    const { clock, sent, coalescer } = setUp();
    coalescer.flush();
    clock.advance(10_000);
    expect(sent).toEqual([]);
  });

  it('flush sends what is pending at once (the end of a run)', () => {
    const { clock, sent, coalescer } = setUp();
    coalescer.onEvent({ type: 'progress', progress: progress(9_999) });
    clock.advance(0);
    coalescer.onEvent({ type: 'progress', progress: progress(10_000) });
    coalescer.flush();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.progress?.counts.prepared).toBe(10_000);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('gives a window that reloads mid-run the whole log and the latest counts at once', () => {
    const { clock, sent, coalescer } = setUp();
    for (let i = 0; i < 3000; i++) coalescer.onEvent({ type: 'log', line: line(`line ${i}`) });
    clock.advance(0);
    coalescer.onEvent({ type: 'log', line: line('not sent yet') });
    coalescer.onEvent({ type: 'progress', progress: progress(42) });
    const full = coalescer.fullState();
    expect(full.full).toBe(true);
    expect(full.log.from).toBe(0);
    expect(full.log.lines).toHaveLength(3001);
    expect(full.progress?.counts.prepared).toBe(42);
    // The delta that follows has a later number, so a window knows it is newer than the full state's progress.
    expect(full.seq).toBe(sent.at(-1)!.seq);
    clock.advance(250);
    expect(sent.at(-1)!.seq).toBe(full.seq + 1);
    expect(sent.at(-1)!.log.from).toBe(3000);
  });

  it('starts a new log with a new work id, seeded with the lines of the run it resumes', () => {
    const { clock, sent, coalescer } = setUp();
    coalescer.onEvent({ type: 'log', line: line('first work') });
    clock.advance(0);
    const firstWork = sent[0]!.workId;
    coalescer.reset([line('earlier 1'), line('earlier 2')]);
    coalescer.onEvent({ type: 'log', line: line('resumed') });
    clock.advance(250);
    const update = sent.at(-1)!;
    expect(update.workId).toBeGreaterThan(firstWork);
    expect(update.seq).toBe(1);
    expect(update.log).toEqual({ from: 0, lines: [line('earlier 1'), line('earlier 2'), line('resumed')] });
  });
});
