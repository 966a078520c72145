import { create } from 'zustand';
import type { ModulePreparationStatus, ModuleRow } from '../../../common/domain';

/** Every module row of the environment (10,000+ possible): filtered client-side. */
export interface ModulesState {
  /** The rows with their latest statuses: a progress update replaces the rows it changes (and this array). */
  rows: ModuleRow[];
  /**
   * The rows as loaded: replaced only by a load, never by a status change. What does not
   * depend on statuses (names, applications, the list's order and filters other than
   * the status) reads this, so a progress update does not re-filter or re-render the list.
   */
  listed: ModuleRow[];
  /** Position of each row by module name, rebuilt only when the list is loaded. */
  indexByName: ReadonlyMap<string, number>;
  /** The distinct applications, sorted: changes only with the list, not with statuses. */
  applications: string[];
  loaded: boolean;
  /** False while `rows` are only the first of the list (a first load shows them while the rest come). */
  complete: boolean;
  loading: boolean;
  error: string | null;
}

/** Modules list store; loaded on demand by the console, refreshed after changes, patched by progress updates. */
export const useModulesStore = create<ModulesState>(() => ({
  rows: [],
  listed: [],
  indexByName: new Map(),
  applications: [],
  loaded: false,
  complete: false,
  loading: false,
  error: null,
}));

const byName = new Intl.Collator();

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** True when `rows` lists the same modules, in the same order and applications, as `listed`. */
function sameList(listed: readonly ModuleRow[], rows: readonly ModuleRow[]): boolean {
  return (
    listed.length === rows.length &&
    listed.every((row, index) => row.name === rows[index].name && row.application === rows[index].application)
  );
}

/** Replaces the list (a load or a refresh); `complete: false` for the first rows of a first load. */
export function setModuleRows(rows: ModuleRow[], complete = true): void {
  const current = useModulesStore.getState();
  if (current.complete && complete && sameList(current.listed, rows)) {
    // A refresh that found the same modules (when a run starts or ends): only their statuses and
    // versions moved. They reach the rows as a progress update's would; the list, its index, its
    // filters and the table's measurements of 10,000 rows stay as they are.
    useModulesStore.setState({ rows, loaded: true, loading: false, error: null });
    return;
  }
  const applications = [...new Set(rows.map((row) => row.application))].sort(byName.compare);
  const previous = current.applications;
  useModulesStore.setState({
    rows,
    listed: rows,
    indexByName: new Map(rows.map((row, index) => [row.name, index])),
    // The same array when the applications did not change (a refresh at the end of a run): the
    // Application filter's 1,250 options at 10,000 modules then do not render again.
    applications: sameStrings(previous, applications) ? previous : applications,
    loaded: true,
    complete,
    loading: !complete,
    error: null,
  });
}

/** One row with its latest status (the row as listed when the list no longer has it). */
export function useModuleRow(listed: ModuleRow): ModuleRow {
  return useModulesStore((s) => {
    const index = s.indexByName.get(listed.name);
    return index === undefined ? listed : (s.rows[index] ?? listed);
  });
}

/**
 * Applies the statuses a progress update says changed: only those rows get new
 * objects, so only their (memoised) table rows render again.
 * `runVersion`: a module already running that version stays 'prepared', as the host says.
 */
export function applyModuleStatuses(
  changes: readonly { name: string; status: ModulePreparationStatus }[],
  runVersion: string | null,
): void {
  if (changes.length === 0) return;
  const { rows, indexByName, loaded } = useModulesStore.getState();
  if (!loaded) return;
  let next: ModuleRow[] | null = null;
  for (const change of changes) {
    const index = indexByName.get(change.name);
    if (index === undefined) continue;
    const row = (next ?? rows)[index];
    if (row.status === change.status) continue;
    if (
      (row.status === 'prepared' || row.status === 'up-to-date') &&
      runVersion !== null &&
      row.runningVersion === runVersion
    )
      continue;
    next ??= rows.slice();
    next[index] = { ...row, status: change.status };
  }
  if (next) useModulesStore.setState({ rows: next });
}
