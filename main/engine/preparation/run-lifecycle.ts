import type { LogLine, StatusCounts, UpgradeStep } from '../../../common/domain';
import type { Db } from '../store/database';
import { recordSharedCounts } from '../store/shared-cache-repository';
import type { RunLog } from './run-log';
import { resetCompilingItems, setRunStatus, type StoredRun } from './run-repository';
import type { SharedCacheSummary } from './run-shared-cache';
import type { RunKeeper } from './run-writer';

/** How a run ends: 'interrupted' when it was stopped (it resumes), else 'finished'. */
export type FinalStatus = 'finished' | 'interrupted';

/** Marks a run (new, or resumed) running; what it left compiling is compiled again. */
export function startRun(db: Db, keeper: RunKeeper, runId: number): void {
  keeper.write(() => {
    resetCompilingItems(db, runId);
    setRunStatus(db, runId, 'running');
  });
}

/** The run's first log line: what it does, or what is left of it when it resumes. */
export function startMessage(
  run: Pick<StoredRun, 'kind' | 'toVersion'>,
  numbers: { pending: number; total: number; excluded: number; toCompile: number },
): string {
  const { pending, total, excluded, toCompile } = numbers;
  const checking = run.kind === 'check';
  const what = checking ? 'upgrade readiness check' : 'modules preparation';
  if (pending < total) return `Resuming the ${what} for ${run.toVersion}: ${pending} of ${total} modules left.`;
  if (checking)
    return `Checking ${total} modules against platform ${run.toVersion} (${excluded} excluded); nothing is upgraded or deployed.`;
  const split = toCompile < total ? `: ${toCompile} to compile, the others are prepared already` : '';
  return `Preparing ${total} modules for platform ${run.toVersion} (${excluded} excluded)${split}.`;
}

/** The run's last log line: its counts, or how far it got when it was interrupted. */
export function finalMessage(
  run: Pick<StoredRun, 'kind'>,
  status: FinalStatus,
  numbers: { counts: StatusCounts; done: number; total: number; reusedFromChecks: number },
): { level: LogLine['level']; text: string } {
  const { counts, done, total, reusedFromChecks } = numbers;
  const stopped = status === 'interrupted';
  const level = stopped || counts.failed + counts.skipped > 0 ? 'warning' : 'info';
  if (run.kind === 'check')
    return {
      level,
      text: stopped
        ? `Readiness check interrupted: ${done} of ${total} modules done; checking again resumes it.`
        : `Readiness check finished: ${counts.prepared} modules ready, ${counts.failed} would fail, ${counts.skipped} would be skipped, ${counts.excluded} excluded.`,
    };
  if (stopped)
    return { level, text: `Preparation interrupted: ${done} of ${total} modules done; it resumes on the next start.` };
  const reused = reusedFromChecks > 0 ? ` ${reusedFromChecks} reused from the readiness check.` : '';
  return {
    level,
    text: `Preparation finished: ${counts.prepared} prepared, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.excluded} excluded.${reused}`,
  };
}

/** The 'prepare-modules' step as the run ends: pending again when interrupted, a warning when modules did not prepare. */
export function finishStep(steps: UpgradeStep[], status: FinalStatus, counts: StatusCounts): void {
  const stepStatus = counts.failed + counts.skipped > 0 ? 'warning' : 'done';
  for (const step of steps)
    if (step.id === 'prepare-modules')
      Object.assign(step, { status: status === 'interrupted' ? 'pending' : stepStatus });
}

/** Writes the run's end: its status, what it did with the shared cache, and its last log line. */
export function finishRun(
  db: Db,
  keeper: RunKeeper,
  ending: {
    runId: number;
    status: FinalStatus;
    shared: SharedCacheSummary;
    log: RunLog;
    last: ReturnType<typeof finalMessage>;
  },
): void {
  const { runId, status, shared, log, last } = ending;
  keeper.write(() => {
    setRunStatus(db, runId, status);
    if (shared.counts) recordSharedCounts(db, runId, shared.counts);
    if (shared.unavailable) log.write('warning', shared.unavailable);
    log.write(last.level, last.text);
  });
}
