import type { ModuleRow } from '../../../../common/domain';
import type { ModuleFilters } from '../../stores/module-filters-store';

/** Applies the search (name or application, case-insensitive) and the filters. */
export function filterModules(rows: ModuleRow[], filters: ModuleFilters): ModuleRow[] {
  const query = filters.query.trim().toLowerCase();
  if (!query && filters.status === 'all' && filters.application === 'all') return rows;
  return rows.filter(
    (row) =>
      (filters.status === 'all' || row.status === filters.status) &&
      (filters.application === 'all' || row.application === filters.application) &&
      (!query || row.name.toLowerCase().includes(query) || row.application.toLowerCase().includes(query)),
  );
}
