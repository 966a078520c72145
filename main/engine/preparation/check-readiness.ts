import type { RunSummary } from '../../../common/domain';
import { formatDateTime } from '../../../common/time-format';
import { CompilationSession, type EngineContext } from '../engine-context';
import { DEFAULT_ENGINE_OPTIONS } from '../engine-options';
import { UserError } from '../errors';
import { lockRefusalMessage } from '../store/lock-refusal';
import { nowIso } from '../store/database';
import { activeLock } from '../store/lock-repository';
import { currentUser } from '../current-user';
import { recordOperation } from '../store/operations-log';
import { stepsForRun } from './run-steps';
import { createRunOverEligible } from './create-run';
import { resolveTarget } from './run-target';
import type { EngineEventListener } from './preparation-events';
import { runPreparation, type RunKeeper } from './run-preparation';
import { effectiveStatus, findRun, heartbeatCheckRun, latestCheckRun, type StoredRun } from './run-repository';

export interface CheckOptions {
  /** The version to check against; default: the installed Platform Server. */
  toVersion?: string;
  onEvent: EngineEventListener;
  shouldStop?: () => boolean;
}

/**
 * The check run to work on: an interrupted one for the same target (resumed), or a new one
 * over exactly what a preparation would take now. All in one immediate transaction: two
 * checks can't start at once, and eligibility is one consistent snapshot of the module
 * versions, whatever other processes publish meanwhile.
 */
function claimCheckRun(
  context: EngineContext,
  fromVersion: string,
  toVersion: string,
): { run: StoredRun; resumed: boolean } {
  const { db } = context;
  const claimed = db
    .transaction((): { runId: number; resumed: boolean } => {
      const previous = latestCheckRun(db);
      const previousStatus = previous ? effectiveStatus(db, previous) : null;
      if (previous && previousStatus === 'running') {
        const at = formatDateTime(previous.startedAt);
        throw new UserError(
          'refused-by-lock',
          `The readiness check was refused: readiness check run #${previous.id} for ${previous.toVersion}, started by ${previous.startedBy} at ${at}, is still running.`,
        );
      }
      if (previous && previousStatus === 'interrupted' && previous.toVersion === toVersion) {
        heartbeatCheckRun(db, previous.id);
        return { runId: previous.id, resumed: true };
      }
      const id = createRunOverEligible(db, { kind: 'check', upgradeId: null, retryOf: null, fromVersion, toVersion });
      heartbeatCheckRun(db, id);
      return { runId: id, resumed: false };
    })
    .immediate();
  return { run: findRun(db, claimed.runId)!, resumed: claimed.resumed };
}

/**
 * A check's keeper: a heartbeat on its own run, so an interrupted one can be told from a
 * live one. It takes no lock, so its writes are plain transactions and it is never lost.
 */
function checkKeeper(context: EngineContext, runId: number): RunKeeper {
  const { db } = context;
  const beat = () => {
    try {
      heartbeatCheckRun(db, runId);
    } catch {
      // A busy database: the next beat renews it; a check only needs one within the lease time.
    }
  };
  const timer = setInterval(beat, (context.options ?? DEFAULT_ENGINE_OPTIONS).lease.heartbeatMs);
  timer.unref();
  return {
    lost: null,
    write: <T>(write: () => T): T => db.transaction(write).immediate(),
    release: () => clearInterval(timer),
  };
}

/**
 * `config-tool check` (spec §4c): compiles every module a preparation for the target would
 * prepare, with the preparation's own machinery (eligibility, scheduler, run, report), as a
 * run of kind `check`, without upgrading, locking or deploying anything. An interrupted
 * check for the same target is resumed; its compilations are content-addressed, so the
 * preparation after it reuses those whose inputs are unchanged.
 */
export async function checkReadiness(context: EngineContext, options: CheckOptions): Promise<RunSummary> {
  const { db } = context;
  const { fromVersion, toVersion } = resolveTarget(context, 'check', options.toVersion);
  // Compiling for an upgrade that is under way would only compete with it for the CPU.
  const lock = activeLock(db);
  if (lock)
    throw new UserError('refused-by-lock', lockRefusalMessage('The readiness check', currentUser(), nowIso(), lock), {
      lock,
    });
  const { run, resumed } = claimCheckRun(context, fromVersion, toVersion);
  if (resumed) {
    options.onEvent({
      type: 'log',
      line: {
        at: nowIso(),
        level: 'warning',
        text: `The readiness check run #${run.id} was interrupted; it is being resumed.`,
      },
    });
  }
  recordOperation(db, { operation: 'check', target: `run #${run.id} (${toVersion})`, outcome: 'accepted' });
  // A check competes with a live environment: checkParallelCompilations processes, at a lower OS priority.
  const session = CompilationSession.open(context, { purpose: 'check' });
  try {
    return await runPreparation(context, checkKeeper(context, run.id), run, {
      onEvent: options.onEvent,
      steps: stepsForRun('check'),
      upgrading: false,
      shouldStop: options.shouldStop,
      session,
    });
  } finally {
    session.close();
  }
}
