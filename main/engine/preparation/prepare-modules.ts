import type { LockInfo, RunSummary } from '../../../common/domain';
import type { CompilationSession, EngineContext } from '../engine-context';
import { lockRefusalMessage } from '../operations/operation-gate';
import { nowIso } from '../store/database';
import { UserError } from '../errors';
import { findEnvironment } from '../store/environment-repository';
import { acquireLease, type Lease, type PreviousHolder } from '../store/lock-repository';
import { currentUser, recordOperation } from '../store/operations-log';
import { stepsForRun } from '../upgrade/upgrade-steps';
import { findEligibleModules } from './eligibility';
import type { EngineEventListener } from './preparation-events';
import { runPreparation } from './run-preparation';
import {
  countItems,
  createRun,
  effectiveStatus,
  findRun,
  insertItems,
  latestRun,
  summarizeRun,
  type StoredRun,
} from './run-repository';
import { consumerChainLengths } from '../compilation/dependency-graph';

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

/** Creates a run over every eligible module (prepared ones are reused, not compiled again). */
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
  const { db } = context;
  const { eligible, excluded } = findEligibleModules(db);
  const chains = consumerChainLengths(eligible.map((item) => ({ name: item.moduleName, references: item.references })));
  const runId = lease.write(() => {
    const id = createRun(db, { ...run, startedBy: currentUser() });
    insertItems(
      db,
      id,
      eligible.map(({ references: _references, ...item }) => ({
        ...item,
        chainLength: chains.get(item.moduleName) ?? 0,
      })),
      excluded,
    );
    return id;
  });
  return findRun(db, runId)!;
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
