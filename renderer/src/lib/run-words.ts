/**
 * The words for a run, shared by every window (README's glossary): an upgrade reads
 * "11.11.3 → 11.13.0", a Prepare again run only its version; a finished run with
 * failed or skipped modules is "Finished with errors" wherever it shows.
 */
import type { RunSummary } from '../../../common/domain';

// One definition for the windows, the command line and the reports.
export { runStatusWords } from '../../../common/run-words';

/** "11.11.3 → 11.13.0" for an upgrade, "11.13.0" for a Prepare again run or a readiness check (the version does not change). */
export function runVersions(run: { upgrade: boolean; fromVersion: string; toVersion: string }): string {
  return run.upgrade && run.fromVersion !== run.toVersion ? `${run.fromVersion} → ${run.toVersion}` : run.toVersion;
}

/** "Upgrade", "Prepare again of #1" or "Readiness check": what started the run. */
export function runKindWords(run: { kind: RunSummary['kind']; retryOf: number | null }): string {
  if (run.kind === 'prepare') return `Prepare again${run.retryOf !== null ? ` of #${run.retryOf}` : ''}`;
  return run.kind === 'check' ? 'Readiness check' : 'Upgrade';
}
