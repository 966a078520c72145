import { formatCount } from '../../lib/format';
import { useDeferredValue, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MODULE_PREPARATION_STATUSES, type ModuleConsoleStatus } from '../../../../common/domain';
import { joinOrLoadModules } from '../../api/loaders';
import { moduleStatusText } from '../../components/status-badge';
import { useModuleFiltersStore } from '../../stores/module-filters-store';
import { useModulesStore } from '../../stores/modules-store';
import { filterModules } from './filter-modules';
import { ModuleTable } from './module-table';
import { PublishApplicationButton } from './publish-application-button';

const STATUS_OPTIONS: ModuleConsoleStatus[] = [
  ...MODULE_PREPARATION_STATUSES,
  'up-to-date',
  'not-prepared',
  'excluded',
];

/** The Modules list: search, filter by status and application, virtualised rows. */
export function ModulesPage() {
  const filters = useModuleFiltersStore();
  // Statuses change at every progress update: only a status filter needs the latest ones to choose rows.
  const byStatus = filters.status !== 'all';
  const { rows, applications, loaded, complete, loading, error } = useModulesStore(
    useShallow((s) => ({
      rows: byStatus ? s.rows : s.listed,
      applications: s.applications,
      loaded: s.loaded,
      complete: s.complete,
      loading: s.loading,
      error: s.error,
    })),
  );

  useEffect(() => {
    void joinOrLoadModules();
  }, []);

  const filtered = useMemo(() => filterModules(rows, filters), [rows, filters]);
  // Over a thousand applications at 10,000 modules: their options come in a background render after the first rows.
  const applicationOptions = useDeferredValue(applications);
  const chosenMissing = filters.application !== 'all' && !applicationOptions.includes(filters.application);

  return (
    <section aria-labelledby="modules-title" className="page page--fill">
      <div className="page__head">
        <h1 id="modules-title" className="page__title">
          Modules
        </h1>
        {/* It publishes every module of the application: only once the whole list is there. */}
        {filters.application !== 'all' && complete && <PublishApplicationButton application={filters.application} />}
        <p className="muted" role="status" data-testid="modules-count">
          {loaded && !complete
            ? `Showing the first ${formatCount(rows.length)} modules; loading the rest…`
            : loaded
              ? `Showing ${formatCount(filtered.length)} of ${formatCount(rows.length)} modules`
              : loading
                ? 'Loading modules…'
                : ''}
        </p>
      </div>
      <div className="filters" role="search" aria-label="Filter modules">
        <label className="filters__field filters__field--grow">
          <span>Search</span>
          <input
            type="search"
            placeholder="Module or application name"
            value={filters.query}
            onChange={(e) => useModuleFiltersStore.setState({ query: e.target.value })}
            data-testid="modules-search"
          />
        </label>
        <label className="filters__field">
          <span>Status</span>
          <select
            value={filters.status}
            onChange={(e) => useModuleFiltersStore.setState({ status: e.target.value as ModuleConsoleStatus | 'all' })}
            data-testid="modules-filter-status"
          >
            <option value="all">All statuses</option>
            {STATUS_OPTIONS.map((status) => (
              <option key={status} value={status}>
                {moduleStatusText(status)}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__field">
          <span>Application</span>
          <select
            value={filters.application}
            onChange={(e) => useModuleFiltersStore.setState({ application: e.target.value })}
            data-testid="modules-filter-application"
          >
            <option value="all">All applications</option>
            {chosenMissing && <option value={filters.application}>{filters.application}</option>}
            {applicationOptions.map((app) => (
              <option key={app} value={app}>
                {app}
              </option>
            ))}
          </select>
        </label>
        {(filters.query || filters.status !== 'all' || filters.application !== 'all') && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => useModuleFiltersStore.setState({ query: '', status: 'all', application: 'all' })}
          >
            Clear filters
          </button>
        )}
      </div>
      {error && (
        <p className="note note--red" role="alert">
          Could not load the modules: {error}
        </p>
      )}
      <ModuleTable rows={filtered} totalCount={rows.length} loaded={loaded} />
    </section>
  );
}
