import { create } from 'zustand';
import type { RunSummary } from '../../../common/domain';

/** The Upgrades history: every preparation run, newest first. */
export interface RunsState {
  runs: RunSummary[];
  loaded: boolean;
  error: string | null;
}

/** Runs store; loaded on demand by the history page, refreshed after changes. */
export const useRunsStore = create<RunsState>(() => ({ runs: [], loaded: false, error: null }));
