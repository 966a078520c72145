import { create } from 'zustand';
import type { ModuleRow } from '../../../common/domain';

/** Every module row of the environment (10,000+ possible): filtered client-side. */
export interface ModulesState {
  rows: ModuleRow[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
}

/** Modules list store; loaded on demand by the console, refreshed after changes. */
export const useModulesStore = create<ModulesState>(() => ({ rows: [], loaded: false, loading: false, error: null }));
