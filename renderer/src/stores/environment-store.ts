import { create } from 'zustand';
import type { EnvironmentStatus } from '../../../common/domain';

/** The environment as the host last described it (status call or `environment.changed`). */
export interface EnvironmentState {
  status: EnvironmentStatus | null;
  loadError: string | null;
}

/** Environment status store; written by the subscriptions module, read by every window. */
export const useEnvironmentStore = create<EnvironmentState>(() => ({ status: null, loadError: null }));
