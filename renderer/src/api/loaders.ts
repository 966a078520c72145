/**
 * Fetches state from the host into the stores. Called at start-up, after a
 * reconnect, after operations and after `environment.changed`.
 */
import { useEnvironmentStore } from '../stores/environment-store';
import { asProgressUpdate } from '../../../common/progress-update-check';
import { decodeModuleRows } from '../../../common/module-list';
import { setModuleRows, useModulesStore } from '../stores/modules-store';
import { applyProgressUpdate } from '../stores/preparation-store';
import { useRunsStore } from '../stores/runs-store';
import { call } from './client';
import { toErrorPayload } from './contract-error';

/** Re-reads the environment status. */
export async function refreshStatus(): Promise<void> {
  try {
    const status = await call('environment.status', {});
    useEnvironmentStore.setState({ status, loadError: null });
  } catch (error) {
    useEnvironmentStore.setState({ loadError: toErrorPayload(error).message });
  }
}

let stateRequest: Promise<void> | null = null;

/**
 * Fetches the run's whole state at once (progress, counts, every log line): at
 * start-up, after a reload or a reconnect, and when a window finds it missed an update.
 */
export function refreshPreparation(): Promise<void> {
  stateRequest ??= call('preparation.state', {})
    .then((payload) => {
      const update = asProgressUpdate(payload);
      if (update) applyProgressUpdate(update);
    })
    .catch(() => {
      // The status call reports an unreachable host; progress stays as it was.
    })
    .finally(() => {
      stateRequest = null;
    });
  return stateRequest;
}

/** Rows of a first load's first answer: more than a screen holds at any zoom. */
const FIRST_ROWS = 100;

/**
 * Resolves with `value` in a later task. The whole list (0.4 MB of JSON at 10,000 modules) is
 * parsed in the socket's message task; storing and rendering it in a task of their own keeps
 * each under the 50 ms a long task starts at.
 */
function nextTask<T>(value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), 0));
}

let modulesRequest: Promise<void> | null = null;
let modulesAgain: Promise<void> | null = null;

/**
 * Loads every module row. Concurrent calls share one request, but a call made while
 * a request is in flight gets a fresh one after it: the answer in flight may predate
 * what the caller knows changed (a run that just finished).
 */
export function loadModules(): Promise<void> {
  if (modulesRequest) {
    modulesAgain ??= modulesRequest.then(() => {
      modulesAgain = null;
      return loadModules();
    });
    return modulesAgain;
  }
  useModulesStore.setState({ loading: true });
  // The first load shows a screenful of rows at once, then the rest (0.4 MB at 10,000 modules) replaces them.
  const firstPage = useModulesStore.getState().loaded
    ? Promise.resolve(false)
    : call('modules.list', { first: FIRST_ROWS }).then((list) => {
        const rows = decodeModuleRows(list);
        const complete = rows.length < FIRST_ROWS;
        if (!useModulesStore.getState().loaded || complete) setModuleRows(rows, complete);
        return complete;
      });
  modulesRequest = firstPage
    .then((complete) =>
      complete
        ? undefined
        : call('modules.list', {})
            .then(nextTask)
            .then((list) => setModuleRows(decodeModuleRows(list))),
    )
    .catch((error: unknown) => useModulesStore.setState({ loading: false, error: toErrorPayload(error).message }))
    .finally(() => {
      modulesRequest = null;
    });
  return modulesRequest;
}

/** Loads the rows unless a load is in flight already (then its answer will do): a page opening on the list. */
export function joinOrLoadModules(): Promise<void> {
  return modulesRequest ?? loadModules();
}

let runsRequest: Promise<void> | null = null;
let runsAgain: Promise<void> | null = null;

/** Loads the Upgrades history (concurrent calls coalesce the same way as loadModules). */
export function loadRuns(): Promise<void> {
  if (runsRequest) {
    runsAgain ??= runsRequest.then(() => {
      runsAgain = null;
      return loadRuns();
    });
    return runsAgain;
  }
  runsRequest = call('runs.list', {})
    .then((runs) => useRunsStore.setState({ runs, loaded: true, error: null }))
    .catch((error: unknown) => useRunsStore.setState({ error: toErrorPayload(error).message }))
    .finally(() => {
      runsRequest = null;
    });
  return runsRequest;
}

/** Re-reads only what a window already showed: an unopened Modules list is not fetched. */
export async function refreshLoaded(): Promise<void> {
  const jobs: Promise<void>[] = [];
  if (useModulesStore.getState().loaded) jobs.push(loadModules());
  if (useRunsStore.getState().loaded) jobs.push(loadRuns());
  await Promise.all(jobs);
}

/** Everything a window needs after start-up or a reconnect. */
export async function refreshAll(): Promise<void> {
  await Promise.all([refreshStatus(), refreshPreparation(), refreshLoaded()]);
}
