import { useEffect, useMemo, useState } from 'react';
import type { ModuleError, ModuleRow } from '../../../../common/domain';
import { call } from '../../api/client';
import { loadModules } from '../../api/loaders';
import { ModuleStatusBadge } from '../../components/status-badge';
import { hrefs } from '../../routing/route';
import { useModulesStore } from '../../stores/modules-store';
import { usePreparationStore } from '../../stores/preparation-store';
import { errorLocation } from './module-errors';

/** At most this many failed/skipped modules get their first error fetched; the Modules list has the rest. */
const ERROR_LINES_LIMIT = 50;

/** The prepare-modules step's lines: modules compiling now, then failed and skipped ones with their first error. */
export function PrepareStepLines() {
  const compilingNow = usePreparationStore((s) => s.progress?.compilingNow ?? []);
  const rows = useModulesStore((s) => s.rows);
  // Failed first, then skipped (each by name), as in the reports: the failures are what to fix.
  const troubled = useMemo(
    () => [...rows.filter((r) => r.status === 'failed'), ...rows.filter((r) => r.status === 'skipped')],
    [rows],
  );
  const shown = troubled.slice(0, ERROR_LINES_LIMIT);
  const firstErrors = useFirstErrors(shown);

  useEffect(() => {
    void loadModules();
  }, []);

  return (
    <div className="step-lines">
      {compilingNow.length > 0 && (
        <div data-testid="compiling-now">
          <h3 className="step-lines__title">Compiling now</h3>
          <ul className="inline-list">
            {compilingNow.map((name) => (
              <li key={name}>
                <span className="spinner" aria-hidden="true" /> {name}
              </li>
            ))}
          </ul>
        </div>
      )}
      {troubled.length > 0 && (
        <div>
          <h3 className="step-lines__title">Failed and skipped modules ({troubled.length.toLocaleString()})</h3>
          <ul className="step-lines__list" data-testid="troubled-modules">
            {shown.map((row) => {
              const error = firstErrors.get(row.name);
              const where = error ? errorLocation(error) : null;
              return (
                <li key={row.name} className="step-line" data-testid="troubled-module" data-module-name={row.name}>
                  <ModuleStatusBadge status={row.status} />{' '}
                  <a className="link" href={hrefs.module(row.name)}>
                    {row.name}
                  </a>{' '}
                  <span className="muted">({row.application})</span>
                  {error && (
                    <span className="step-line__error">
                      {where && <span className="mono">{where} </span>}
                      {error.message}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {troubled.length > shown.length && (
            <p className="muted">
              And {(troubled.length - shown.length).toLocaleString()} more:{' '}
              <a className="link" href={hrefs.modules}>
                filter the Modules list
              </a>{' '}
              by status.
            </p>
          )}
        </div>
      )}
      {compilingNow.length === 0 && troubled.length === 0 && <p className="muted">No failed or skipped modules.</p>}
    </div>
  );
}

/** Fetches each listed module's first error once (modules.list carries no errors). */
function useFirstErrors(rows: ModuleRow[]): Map<string, ModuleError> {
  const [errors, setErrors] = useState(() => new Map<string, ModuleError>());
  const key = rows.map((r) => `${r.name}:${r.status}`).join(',');
  useEffect(() => {
    let cancelled = false;
    const names = key ? key.split(',').map((part) => part.split(':')[0]) : [];
    void Promise.all(
      names.map((name) =>
        call('modules.detail', { name })
          .then((detail) => [name, detail.errors[0]] as const)
          .catch(() => [name, undefined] as const),
      ),
    ).then((pairs) => {
      if (cancelled) return;
      const map = new Map<string, ModuleError>();
      for (const [name, error] of pairs) if (error) map.set(name, error);
      setErrors(map);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return errors;
}
