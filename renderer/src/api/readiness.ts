/** The upgrade readiness check (spec §4c) as the renderer drives it: its state, Check now, Cancel. */
import type { ReadinessProgress } from '../../../common/domain';
import { alertFailure } from '../stores/alerts-store';
import { useReadinessStore } from '../stores/readiness-store';
import { call } from './client';
import { toErrorPayload } from './contract-error';

let request: Promise<void> | null = null;

/** Re-reads the readiness state (the latest check for the pending upgrade, a running one). */
export function loadReadiness(): Promise<void> {
  request ??= call('readiness.state', {})
    .then((state) => useReadinessStore.setState({ state, running: state.running, error: null }))
    .catch((error: unknown) => useReadinessStore.setState({ error: toErrorPayload(error).message }))
    .finally(() => {
      request = null;
    });
  return request;
}

/** A `readiness.progress` event: shows it, and re-reads the state when the check ended. */
export function applyReadinessProgress(progress: ReadinessProgress): void {
  if (progress.status === 'running') {
    useReadinessStore.setState({ running: progress });
    return;
  }
  const { cancelling } = useReadinessStore.getState();
  useReadinessStore.setState({
    running: null,
    ...(cancelling === progress.runId ? { cancelling: null, cancelled: progress.runId } : {}),
  });
  void loadReadiness();
}

/** Check now: starts the check in the service; its progress arrives as events. */
export async function startReadinessCheck(): Promise<void> {
  useReadinessStore.setState({ cancelled: null });
  try {
    await call('readiness.check', {});
  } catch (error) {
    alertFailure('Upgrade readiness check', error);
  }
  await loadReadiness();
}

/** Cancel: the check stops after the modules being compiled; Check now resumes it. */
export async function cancelReadinessCheck(): Promise<void> {
  const runId = useReadinessStore.getState().running?.runId ?? null;
  useReadinessStore.setState({ cancelling: runId });
  try {
    await call('readiness.cancel', {});
  } catch (error) {
    useReadinessStore.setState({ cancelling: null });
    alertFailure('Cancel the readiness check', error);
  }
}
