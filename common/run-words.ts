/**
 * The words for a run and its modules, shared by the windows, the command line and the
 * reports (README's "Words" table): a finished run with failed or skipped modules is
 * "Finished with errors" wherever it shows, and a readiness check's modules are ready,
 * would fail or would be skipped. JSON, CSV and JUnit attributes keep the spec's machine
 * values ("finished", "prepared"); these are the human-facing texts.
 */
import type { ModulePreparationStatus, PreparationProgress, RunKind, RunStatus, StatusCounts } from './domain';

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

const CHECK_MODULE_WORDS: Partial<Record<ModulePreparationStatus, string>> = {
  prepared: 'Ready',
  failed: 'Would fail',
  skipped: 'Would be skipped',
};

/** A module's status in a run: "Prepared", "Failed"…; in a readiness check "Ready", "Would fail", "Would be skipped". */
export function moduleStatusWord(kind: RunKind, status: ModulePreparationStatus): string {
  const checkWord = kind === 'check' ? CHECK_MODULE_WORDS[status] : undefined;
  return checkWord ?? `${status.charAt(0).toUpperCase()}${status.slice(1)}`;
}

/** "87 prepared, 3 failed, 2 skipped, 5 excluded"; a readiness check's "87 ready, 3 would fail, 2 would be skipped, 5 excluded". */
export function runCountsWords(
  kind: RunKind,
  counts: Pick<StatusCounts, 'prepared' | 'failed' | 'skipped'> & { excluded?: number },
): string {
  const parts =
    kind === 'check'
      ? [`${counts.prepared} ready`, `${counts.failed} would fail`, `${counts.skipped} would be skipped`]
      : [`${counts.prepared} prepared`, `${counts.failed} failed`, `${counts.skipped} skipped`];
  if (counts.excluded !== undefined) parts.push(`${counts.excluded} excluded`);
  return parts.join(', ');
}

/** A report's title: "Upgrade readiness check report" for a check, "Modules preparation report" otherwise. */
export function reportTitle(kind: RunKind): string {
  return kind === 'check' ? 'Upgrade readiness check report' : 'Modules preparation report';
}

/** A run's dealings with the shared cache in words, the same in the reports and the Configuration Tool. */
export function sharedCacheCountsWords(counts: {
  hits: number;
  misses: number;
  refused: number;
  uploaded: number;
  errors: number;
}): string {
  return `${counts.hits} hits, ${counts.misses} misses, ${counts.refused} refused, ${counts.uploaded} uploaded, ${counts.errors} errors`;
}
