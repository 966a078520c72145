import { create } from 'zustand';
import type { ProgressUpdate } from '../../../common/contract';
import type { LogLine, PreparationProgress } from '../../../common/domain';

/** Live state of the current (or latest) preparation run. */
export interface PreparationState {
  progress: PreparationProgress | null;
  /** performance.now() when `progress` arrived, to tick the elapsed time locally between events. */
  receivedAt: number;
  /** Every line of the run's log, oldest first (appended to, never rewritten, while the run goes on). */
  log: LogLine[];
  /** Which work the log belongs to and the last update applied (common/contract.ts, ProgressUpdate). */
  workId: number;
  seq: number;
}

/** Preparation store: progress and log, fed by the host's progress updates. */
export const usePreparationStore = create<PreparationState>(() => ({
  progress: null,
  receivedAt: 0,
  log: [],
  workId: -1,
  seq: 0,
}));

/** What applying an update led to: `stale` means the window missed something and needs the full state. */
export type UpdateOutcome = 'applied' | 'stale';

/**
 * Applies a progress update from the host. A full update replaces the state (keeping
 * the lines and progress of deltas that already went further); a delta appends its
 * lines and takes its progress. Constant work per update apart from the lines it adds.
 */
export function applyProgressUpdate(update: ProgressUpdate): UpdateOutcome {
  const state = usePreparationStore.getState();
  const now = performance.now();
  if (update.full) {
    const sameWork = state.workId === update.workId;
    const deltasAhead = sameWork && state.seq > update.seq;
    const log =
      deltasAhead && state.log.length > update.log.lines.length
        ? update.log.lines.concat(state.log.slice(update.log.lines.length))
        : update.log.lines;
    usePreparationStore.setState({
      progress: deltasAhead ? state.progress : update.progress,
      receivedAt: deltasAhead ? state.receivedAt : now,
      log,
      workId: update.workId,
      seq: Math.max(update.seq, sameWork ? state.seq : 0),
    });
    return 'applied';
  }
  if (update.workId < state.workId) return 'applied'; // the end of an earlier work, already superseded
  const newWork = update.workId > state.workId;
  if (newWork && update.log.from !== 0) return 'stale';
  if (!newWork && update.seq <= state.seq) return 'applied'; // already in a full state applied meanwhile
  const base = newWork ? [] : state.log;
  if (update.log.from > base.length) return 'stale';
  const fresh = update.log.lines.slice(base.length - update.log.from);
  usePreparationStore.setState({
    ...(update.progress ? { progress: update.progress, receivedAt: now } : {}),
    log: fresh.length > 0 ? base.concat(fresh) : base,
    workId: update.workId,
    seq: update.seq,
  });
  return 'applied';
}

/** True while an upgrade or a preparation is in progress. */
export function isRunActive(progress: PreparationProgress | null): boolean {
  return progress !== null && (progress.status === 'running' || progress.status === 'upgrading');
}
