import { create } from 'zustand';
import type { ModuleConsoleStatus } from '../../../common/domain';

/** The Modules list's search and filters; kept across pages so Back from a module keeps them. */
export interface ModuleFilters {
  query: string;
  status: ModuleConsoleStatus | 'all';
  application: string | 'all';
}

/** Module filters store. */
export const useModuleFiltersStore = create<ModuleFilters>(() => ({ query: '', status: 'all', application: 'all' }));
