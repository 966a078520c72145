import { beforeEach, describe, expect, it } from 'vitest';
import type { ProgressUpdate } from '../../../common/contract';
import type { LogLine, PreparationProgress } from '../../../common/domain';
import { applyModuleStatuses, setModuleRows, useModulesStore } from './modules-store';
import { applyProgressUpdate, usePreparationStore } from './preparation-store';

const lines = (from: number, count: number): LogLine[] =>
  Array.from({ length: count }, (_, i) => ({
    at: '2026-11-28T10:00:00.000Z',
    level: 'info',
    text: `line ${from + i}`,
  }));

const progress = (prepared: number): PreparationProgress => ({
  runId: 1,
  upgrading: true,
  fromVersion: '11.11.3',
  toVersion: '11.13.0',
  status: 'running',
  steps: [],
  total: 100,
  counts: { pending: 100 - prepared, compiling: 0, prepared, failed: 0, skipped: 0, excluded: 0 },
  compilingNow: [],
  startedAt: '2026-11-28T10:00:00.000Z',
  elapsedMs: 0,
  estimatedFinishAt: null,
  percent: prepared,
});

function delta(workId: number, seq: number, from: number, count: number, prepared?: number): ProgressUpdate {
  return {
    full: false,
    workId,
    seq,
    progress: prepared === undefined ? null : progress(prepared),
    log: { from, lines: lines(from, count) },
    modules: [],
  };
}

function full(workId: number, seq: number, count: number, prepared: number): ProgressUpdate {
  return {
    full: true,
    workId,
    seq,
    progress: progress(prepared),
    log: { from: 0, lines: lines(0, count) },
    modules: [],
  };
}

const texts = () => usePreparationStore.getState().log.map((line) => line.text);

describe('applyProgressUpdate', () => {
  beforeEach(() => usePreparationStore.setState({ progress: null, log: [], workId: -1, seq: 0 }));

  it('appends the lines of each delta and takes its counts', () => {
    applyProgressUpdate(full(7, 0, 2, 0));
    expect(applyProgressUpdate(delta(7, 1, 2, 3, 5))).toBe('applied');
    expect(texts()).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
    expect(usePreparationStore.getState().progress?.counts.prepared).toBe(5);
    // A delta without progress keeps the counts it had.
    applyProgressUpdate(delta(7, 2, 5, 1));
    expect(usePreparationStore.getState().progress?.counts.prepared).toBe(5);
  });

  it('skips the lines a full state already gave, and asks again after a missed delta', () => {
    applyProgressUpdate(full(7, 3, 10, 4));
    applyProgressUpdate(delta(7, 4, 8, 4, 6));
    expect(texts()).toHaveLength(12);
    expect(texts().at(-1)).toBe('line 11');
    expect(applyProgressUpdate(delta(7, 6, 20, 1))).toBe('stale');
    expect(texts()).toHaveLength(12);
  });

  it('keeps what deltas added when a full state answered after them', () => {
    applyProgressUpdate(full(7, 1, 5, 1));
    applyProgressUpdate(delta(7, 2, 5, 3, 3));
    applyProgressUpdate(full(7, 1, 6, 2));
    expect(texts()).toHaveLength(8);
    expect(usePreparationStore.getState().progress?.counts.prepared).toBe(3);
  });

  it('starts a new log when a new piece of work starts', () => {
    applyProgressUpdate(full(7, 9, 50, 100));
    expect(applyProgressUpdate(delta(8, 1, 0, 2, 0))).toBe('applied');
    expect(texts()).toEqual(['line 0', 'line 1']);
    // A new work first seen in the middle: the window needs the full state.
    expect(applyProgressUpdate(delta(9, 3, 40, 1))).toBe('stale');
  });
});

describe('applyModuleStatuses', () => {
  it('gives new objects only to the rows whose status changed', () => {
    setModuleRows(
      ['A', 'B', 'C'].map((name) => ({
        name,
        application: 'App',
        kind: 'service' as const,
        state: 'published' as const,
        runningVersion: '11.11.3',
        status: 'pending' as const,
      })),
    );
    const before = useModulesStore.getState().rows;
    applyModuleStatuses([{ name: 'B', status: 'prepared' }], '11.13.0');
    const after = useModulesStore.getState().rows;
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).toMatchObject({ name: 'B', status: 'prepared' });
    applyModuleStatuses([{ name: 'B', status: 'prepared' }], '11.13.0');
    expect(useModulesStore.getState().rows).toBe(after);
  });

  it('leaves the list as loaded alone, so the table and its filters do not run again for a status', () => {
    const listed = useModulesStore.getState().listed;
    applyModuleStatuses([{ name: 'C', status: 'failed' }], '11.13.0');
    expect(useModulesStore.getState().listed).toBe(listed);
    expect(useModulesStore.getState().rows[2]).toMatchObject({ name: 'C', status: 'failed' });
  });
});

describe('setModuleRows', () => {
  const rows = (apps: string[]) =>
    apps.map((application, i) => ({
      name: `M${i}`,
      application,
      kind: 'service' as const,
      state: 'published' as const,
      runningVersion: '11.11.3',
      status: 'pending' as const,
    }));

  it('keeps the applications array when a reload finds the same ones, so the filter does not render again', () => {
    setModuleRows(rows(['Sales', 'Billing', 'Sales']));
    const applications = useModulesStore.getState().applications;
    expect(applications).toEqual(['Billing', 'Sales']);
    setModuleRows(rows(['Billing', 'Sales']));
    expect(useModulesStore.getState().applications).toBe(applications);
    setModuleRows(rows(['Billing', 'Sales', 'Archive']));
    expect(useModulesStore.getState().applications).toEqual(['Archive', 'Billing', 'Sales']);
  });

  it('a refresh that finds the same modules replaces the rows only: the list, its index and filters stay', () => {
    setModuleRows(rows(['Billing', 'Sales']));
    const { listed, indexByName, applications } = useModulesStore.getState();
    const refreshed = rows(['Billing', 'Sales']).map((row) => ({ ...row, status: 'prepared' as const }));
    setModuleRows(refreshed);
    const state = useModulesStore.getState();
    expect(state.rows).toBe(refreshed);
    expect(state.listed).toBe(listed);
    expect(state.indexByName).toBe(indexByName);
    expect(state.applications).toBe(applications);
    const renamed = rows(['Billing', 'Sales']).map((row, i) => ({ ...row, name: `N${i}` }));
    setModuleRows(renamed);
    expect(useModulesStore.getState().listed).toBe(renamed);
  });
});
