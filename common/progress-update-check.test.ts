import { describe, expect, it } from 'vitest';
import { progressUpdateSchema, type ProgressUpdate } from './contract';
import { asProgressUpdate } from './progress-update-check';

const delta: ProgressUpdate = {
  full: false,
  workId: 7,
  seq: 3,
  progress: null,
  log: { from: 2, lines: [{ at: '2026-11-28T10:00:00.000Z', level: 'info', text: 'Compiled Billing' }] },
  modules: [{ name: 'Billing', status: 'prepared' }],
};

describe('asProgressUpdate', () => {
  it('takes what the contract accepts, as it is', () => {
    expect(progressUpdateSchema.safeParse(delta).success).toBe(true);
    expect(asProgressUpdate(delta)).toBe(delta);
  });

  it('refuses what a window could not apply, so that it asks for the full state', () => {
    expect(asProgressUpdate(null)).toBeNull();
    expect(asProgressUpdate('update')).toBeNull();
    expect(asProgressUpdate({ ...delta, seq: -1 })).toBeNull();
    expect(asProgressUpdate({ ...delta, workId: '7' })).toBeNull();
    expect(asProgressUpdate({ ...delta, full: 'no' })).toBeNull();
    expect(asProgressUpdate({ ...delta, log: { from: 2 } })).toBeNull();
    expect(asProgressUpdate({ ...delta, log: { from: 1.5, lines: [] } })).toBeNull();
    expect(asProgressUpdate({ ...delta, modules: undefined })).toBeNull();
    expect(asProgressUpdate({ ...delta, progress: { counts: {} } })).toBeNull();
  });
});
