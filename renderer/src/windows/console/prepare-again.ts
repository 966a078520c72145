import { call } from '../../api/client';
import { loadRuns, refreshPreparation, refreshStatus } from '../../api/loaders';
import { alertFailure, pushAlert } from '../../stores/alerts-store';

/** Prepare again: resumes an interrupted run or retries the failed and skipped modules of the latest one. */
export async function prepareAgain(): Promise<boolean> {
  try {
    const { runId } = await call('preparation.retry', {});
    pushAlert('success', 'Prepare again started', `Run #${runId} prepares the failed and skipped modules again.`);
    await Promise.all([refreshStatus(), refreshPreparation(), loadRuns()]);
    return true;
  } catch (error) {
    alertFailure('Prepare again', error);
    return false;
  }
}
