import { create } from 'zustand';
import type { ReadinessProgress, ReadinessState } from '../../../common/domain';

/** The Upgrade readiness section's state: the latest check for the pending upgrade, and a running one. */
export interface ReadinessStoreState {
  state: ReadinessState | null;
  /** The running check's latest progress (from `readiness.progress`), null when none runs. */
  running: ReadinessProgress | null;
  error: string | null;
  /** The run whose Cancel this window asked for, until it ends. */
  cancelling: number | null;
  /** The run this window cancelled, once it ended: its section says it was cancelled. */
  cancelled: number | null;
}

/** Readiness store; loaded by the Configuration Tool window, refreshed by `readiness.progress` and changes. */
export const useReadinessStore = create<ReadinessStoreState>(() => ({
  state: null,
  running: null,
  error: null,
  cancelling: null,
  cancelled: null,
}));
