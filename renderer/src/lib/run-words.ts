/**
 * The words for a run, shared by every window (README's glossary): an upgrade reads
 * "11.11.3 → 11.13.0", a Prepare again run only its version; a finished run with
 * failed or skipped modules is "Finished with errors" wherever it shows.
 */
import type { PreparationProgress, RunStatus, RunSummary, StatusCounts } from '../../../common/domain';

/** A run's status in words, with its tone. */
export function runStatusWords(
  status: RunStatus | PreparationProgress['status'],
  counts: Pick<StatusCounts, 'failed' | 'skipped'>,
): { text: string; tone: 'blue' | 'green' | 'orange' | 'red' } {
  switch (status) {
    case 'upgrading':
      return { text: 'Upgrading the environment', tone: 'blue' };
    case 'running':
      return { text: 'Running', tone: 'blue' };
    case 'finished':
      return counts.failed + counts.skipped > 0
        ? { text: 'Finished with errors', tone: 'orange' }
        : { text: 'Finished', tone: 'green' };
    case 'interrupted':
      return { text: 'Interrupted', tone: 'orange' };
    case 'failed':
      return { text: 'Could not run', tone: 'red' };
  }
}

/** "11.11.3 → 11.13.0" for an upgrade, "11.13.0" for a Prepare again run or a readiness check (the version does not change). */
export function runVersions(run: { upgrade: boolean; fromVersion: string; toVersion: string }): string {
  return run.upgrade && run.fromVersion !== run.toVersion ? `${run.fromVersion} → ${run.toVersion}` : run.toVersion;
}

/** "Upgrade", "Prepare again of #1" or "Readiness check": what started the run. */
export function runKindWords(run: { kind: RunSummary['kind']; retryOf: number | null }): string {
  if (run.kind === 'prepare') return `Prepare again${run.retryOf !== null ? ` of #${run.retryOf}` : ''}`;
  return run.kind === 'check' ? 'Readiness check' : 'Upgrade';
}
