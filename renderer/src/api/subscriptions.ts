/**
 * Wires host events into the stores, once, outside React. Components then select
 * only what they show, so a progress tick re-renders only the progress widgets.
 */
import type { PreparationProgress } from '../../../common/domain';
import { pushAlert } from '../stores/alerts-store';
import { useConnectionStore } from '../stores/connection-store';
import { useEnvironmentStore } from '../stores/environment-store';
import { asProgressUpdate } from '../../../common/progress-update-check';
import { applyModuleStatuses } from '../stores/modules-store';
import { applyProgressUpdate, usePreparationStore } from '../stores/preparation-store';
import { onConnectionState, onEvent, onReconnect } from './client';
import { joinOrLoadModules, refreshAll, refreshLoaded, refreshPreparation, refreshStatus } from './loaders';
import { parseRoute } from '../routing/route';
import { applyReadinessProgress, loadReadiness } from './readiness';
import { useReadinessStore } from '../stores/readiness-store';

let started = false;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let statusTimer: ReturnType<typeof setTimeout> | null = null;

function scheduleListRefresh(delayMs: number): void {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    void refreshLoaded();
  }, delayMs);
}

/**
 * What changes the environment's status during a run: the run, its status and its
 * steps (the version switch is a step). A few changes per run, never per module.
 */
function phaseOf(progress: PreparationProgress | null): string {
  if (!progress) return '';
  return `${progress.runId ?? ''}|${progress.status}|${progress.steps.map((step) => step.status).join(',')}`;
}

/** Re-reads the status soon: the header's version, "upgrade pending" and the lock follow the run. */
function scheduleStatusRefresh(): void {
  if (statusTimer) return;
  statusTimer = setTimeout(() => {
    statusTimer = null;
    void refreshStatus();
  }, 100);
}

/** Subscribes to every host event and fetches the initial state. Idempotent. */
export function startSubscriptions(): void {
  if (started) return;
  started = true;

  // Coalesced progress: the counts and only what changed. Rows are patched in place; the
  // lists are re-read only when a run starts or finishes.
  onEvent('preparation.update', (payload) => {
    const update = asProgressUpdate(payload);
    if (!update) return void refreshPreparation();
    const previous = usePreparationStore.getState().progress;
    if (applyProgressUpdate(update) === 'stale') void refreshPreparation();
    const progress = usePreparationStore.getState().progress;
    applyModuleStatuses(update.modules, progress?.toVersion ?? null);
    if (phaseOf(previous) !== phaseOf(progress)) scheduleStatusRefresh();
    if (
      previous !== null &&
      progress !== null &&
      (previous.status !== progress.status || previous.runId !== progress.runId)
    )
      scheduleListRefresh(100);
  });
  onEvent('environment.changed', (status) => {
    useEnvironmentStore.setState({ status, loadError: null });
    scheduleListRefresh(100);
    // A publish or an upgrade changes what the readiness section says ("changed since", the target).
    if (useReadinessStore.getState().state) void loadReadiness();
  });
  onEvent('readiness.progress', applyReadinessProgress);
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

  // A window opened on the Modules list asks for it first: the host answers in order, and its
  // first rows are what the admin waits for (the header's status follows a moment later).
  const route = parseRoute(window.location.hash);
  if (route.window === 'console' && route.page === 'modules') void joinOrLoadModules();
  void refreshAll();
}
