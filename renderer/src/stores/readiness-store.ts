import { create } from 'zustand';
import type { ReadinessProgress, ReadinessState } from '../../../common/domain';

/** The Upgrade readiness section's state: the latest check for the pending upgrade, and a running one. */
export interface ReadinessStoreState {
  state: ReadinessState | null;
  /** The running check's latest progress (from `readiness.progress`), null when none runs. */
  running: ReadinessProgress | null;
  error: string | null;
}

/** Readiness store; loaded by the Configuration Tool window, refreshed by `readiness.progress` and changes. */
export const useReadinessStore = create<ReadinessStoreState>(() => ({ state: null, running: null, error: null }));
