import type { LockInfo, RunSummary } from '../../../common/domain';
import type { CompilationSession, EngineContext } from '../engine-context';
import { lockRefusalMessage } from '../store/lock-refusal';
import { nowIso } from '../store/database';
import { UserError } from '../errors';
import { findEnvironment } from '../store/environment-repository';
import { acquireLease, type Lease, type PreviousHolder } from '../store/lock-repository';
import { currentUser } from '../current-user';
import { recordOperation } from '../store/operations-log';
import { stepsForRun } from './run-steps';
import { createRunOverEligible } from './create-run';
import type { EngineEventListener } from './preparation-events';
import { runPreparation } from './run-preparation';
import {
  countItems,
  effectiveStatus,
  findRun,
  latestRun,
  outcomeInputsChangedSince,
  summarizeRun,
  type StoredRun,
} from './run-repository';

export interface PrepareOptions {
  onEvent: EngineEventListener;
  shouldStop?: () => boolean;
  /** The compiler processes of the operation this is a step of (an upgrade resuming its run); its own when absent. */
  session?: CompilationSession;
}

/**
 * Takes the environment lock, or refuses naming who holds it. The lease is renewed
 * from now until it is released; a heartbeat failure is told through `onEvent` (a
 * warning in the log), and `onLost` hears at once when another process took it over.
 */
export function takeLease(
  context: EngineContext,
  operation: LockInfo['operation'],
  runId: number | null,
  what: string,
  hooks: { onEvent?: EngineEventListener; onLost?: (message: string) => void } = {},
): Lease {
  const warn = (text: string) => hooks.onEvent?.({ type: 'log', line: { at: nowIso(), level: 'warning', text } });
  const taken = acquireLease(
    context.db,
    { operation, runId, holder: currentUser() },
    { options: context.options, onTrouble: warn, onLost: hooks.onLost },
  );
  if ('heldBy' in taken) {
    const lock = taken.heldBy;
    throw new UserError('refused-by-lock', lockRefusalMessage(what, currentUser(), nowIso(), lock), { lock });
  }
  return taken.lease;
}

/** Says that the run being resumed was interrupted, and by what, when its holder died or stalled. */
function reportInterruption(onEvent: EngineEventListener, run: StoredRun, replaced: PreviousHolder | null): void {
  const why =
    replaced === null
      ? 'it was stopped'
      : replaced.reason === 'gone'
        ? `its process (PID ${replaced.pid} on ${replaced.host}) has ended`
        : `its process (PID ${replaced.pid} on ${replaced.host}) stopped renewing its lock`;
  onEvent({
    type: 'log',
    line: {
      at: nowIso(),
      level: 'warning',
      text: `The previous preparation run #${run.id} was interrupted (${why}); it is being resumed.`,
    },
  });
}

/** Says, before a retry starts, that it will most likely end as the run it retries, and what would change that. */
function warnNothingChanged(onEvent: EngineEventListener, runId: number): void {
  onEvent({
    type: 'log',
    line: {
      at: nowIso(),
      level: 'warning',
      text:
        `Nothing changed since run #${runId} (no module uploaded, published or deleted, no setting applied): ` +
        `preparing again will most likely fail and skip the same modules. To change the outcome, publish a fix ` +
        `of the failed modules or upload a new version of them ('config-tool upload NAME DIR'), then prepare again.`,
    },
  });
}

/** Creates a run over every eligible module (prepared ones are reused, not compiled again), in a fenced write. */
export function createPreparationRun(
  context: EngineContext,
  lease: Lease,
  run: {
    kind: 'upgrade' | 'prepare';
    upgradeId: number | null;
    retryOf: number | null;
    fromVersion: string;
    toVersion: string;
  },
): StoredRun {
  const runId = lease.write(() => createRunOverEligible(context.db, run));
  return findRun(context.db, runId)!;
}

/**
 * `config-tool prepare`: resumes an interrupted run, or retries the failed and
 * skipped modules of the latest one as a new run linked to it (modules already
 * prepared are reused, never compiled again). Returns null when there is nothing to do.
 */
export async function prepareModules(
  context: EngineContext,
  options: PrepareOptions,
): Promise<{ run: RunSummary; nothingToDo: boolean }> {
  const { db } = context;
  const environment = findEnvironment(db)!;
  const lease = takeLease(context, 'preparation', null, 'Prepare', { onEvent: options.onEvent });
  try {
    const latest = latestRun(db);
    if (!latest) {
      throw new UserError(
        'refused',
        `No preparation has run in this environment yet. Run 'config-tool upgrade' to upgrade it and prepare its modules.`,
      );
    }
    let run: StoredRun;
    if (effectiveStatus(db, latest) !== 'finished') {
      run = latest;
      reportInterruption(options.onEvent, run, lease.replaced);
    } else {
      const { counts } = countItems(db, latest.id);
      if (counts.failed + counts.skipped === 0 && latest.toVersion === environment.platformVersion) {
        lease.release();
        return { run: summarizeRun(db, latest), nothingToDo: true };
      }
      if (latest.finishedAt !== null && !outcomeInputsChangedSince(db, latest.finishedAt))
        warnNothingChanged(options.onEvent, latest.id);
      run = createPreparationRun(context, lease, {
        kind: 'prepare',
        upgradeId: null,
        retryOf: latest.id,
        fromVersion: latest.fromVersion,
        toVersion: environment.platformVersion,
      });
    }
    lease.becomePreparation(run.id);
    lease.write(() => recordOperation(db, { operation: 'prepare', target: `run #${run.id}`, outcome: 'accepted' }));
    const summary = await runPreparation(context, lease, run, {
      onEvent: options.onEvent,
      steps: stepsForRun(run.kind),
      upgrading: false,
      shouldStop: options.shouldStop,
      session: options.session,
    });
    return { run: summary, nothingToDo: false };
  } catch (error) {
    lease.release();
    throw error;
  }
}
