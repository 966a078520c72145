/**
 * Wires host events into the stores, once, outside React. Components then select
 * only what they show, so a progress tick re-renders only the progress widgets.
 */
import { pushAlert } from '../stores/alerts-store';
import { useConnectionStore } from '../stores/connection-store';
import { useEnvironmentStore } from '../stores/environment-store';
import { appendLog, setProgress, usePreparationStore } from '../stores/preparation-store';
import type { PreparationProgress } from '../../../common/domain';
import { onConnectionState, onEvent, onReconnect } from './client';
import { refreshAll, refreshLoaded, refreshStatus } from './loaders';

/** While a run changes module statuses, the lists are re-read at most this often. */
const LIST_REFRESH_MS = 3000;

let started = false;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let statusTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * What changes the environment's status during a run: the run, its status and its
 * steps (the version switch is a step). A few changes per run, never per module.
 */
function phaseOf(progress: PreparationProgress | null): string {
  if (!progress) return '';
  return `${progress.runId ?? ''}|${progress.status}|${progress.steps.map((step) => step.status).join(',')}`;
}

function scheduleStatusRefresh(): void {
  if (statusTimer) return;
  statusTimer = setTimeout(() => {
    statusTimer = null;
    void refreshStatus();
  }, 100);
}

function scheduleListRefresh(delayMs: number, soon = false): void {
  // A run that starts or ends must show at once, not after a pending slow refresh.
  if (refreshTimer && soon) {
    clearTimeout(refreshTimer);
    refreshTimer = null;
  }
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    void refreshLoaded();
  }, delayMs);
}

/** Subscribes to every host event and fetches the initial state. Idempotent. */
export function startSubscriptions(): void {
  if (started) return;
  started = true;

  onEvent('preparation.progress', (progress) => {
    const previous = usePreparationStore.getState().progress;
    setProgress(progress);
    // The header's version, "upgrade pending" and the lock follow the run: re-read the status when its phase moves.
    if (phaseOf(previous) !== phaseOf(progress)) scheduleStatusRefresh();
    const finishedNow = previous === null || previous.status !== progress.status || previous.runId !== progress.runId;
    const countsMoved =
      previous !== null &&
      (previous.counts.prepared !== progress.counts.prepared ||
        previous.counts.failed !== progress.counts.failed ||
        previous.counts.skipped !== progress.counts.skipped);
    if (finishedNow) scheduleListRefresh(100, true);
    else if (countsMoved) scheduleListRefresh(LIST_REFRESH_MS);
  });
  onEvent('preparation.log', (lines) => appendLog(lines));
  onEvent('environment.changed', (status) => {
    useEnvironmentStore.setState({ status, loadError: null });
    scheduleListRefresh(100, true);
  });
  onEvent('service.notice', (notice) => {
    pushAlert(
      notice.level === 'error' ? 'error' : 'info',
      notice.level === 'error' ? 'Service problem' : 'Service notice',
      notice.message,
    );
    // A restarted service may have moved on: re-read what is shown.
    void refreshAll();
  });

  onConnectionState((state) => useConnectionStore.setState({ state }));
  onReconnect(() => void refreshAll());

  void refreshAll();
}
