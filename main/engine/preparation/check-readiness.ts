import type { RunSummary } from '../../../common/domain';
import { consumerChainLengths } from '../compilation/dependency-graph';
import { CompilationSession, type EngineContext } from '../engine-context';
import { DEFAULT_ENGINE_OPTIONS } from '../engine-options';
import { UserError } from '../errors';
import { lockRefusalMessage } from '../operations/operation-gate';
import { compareVersions, installedPlatformVersion, isKnownVersion } from '../platform/platform-versions';
import { nowIso } from '../store/database';
import { findEnvironment } from '../store/environment-repository';
import { activeLock } from '../store/lock-repository';
import { currentUser, recordOperation } from '../store/operations-log';
import { stepsForRun, PREPARATION_FROM_VERSION } from '../upgrade/upgrade-steps';
import { findEligibleModules } from './eligibility';
import type { EngineEventListener } from './preparation-events';
import { runPreparation, type RunKeeper } from './run-preparation';
import {
  createRun,
  effectiveStatus,
  findRun,
  heartbeatCheckRun,
  insertItems,
  latestCheckRun,
  type StoredRun,
} from './run-repository';

export interface CheckOptions {
  /** The version to check against; default: the installed Platform Server. */
  toVersion?: string;
  onEvent: EngineEventListener;
  shouldStop?: () => boolean;
}

/** The version a check for `toVersion` compiles for: shipped, newer than the environment, and one that prepares modules. */
export function resolveCheckTarget(
  context: EngineContext,
  toVersion?: string,
): { fromVersion: string; toVersion: string } {
  const fromVersion = findEnvironment(context.db)!.platformVersion;
  const target = toVersion ?? installedPlatformVersion();
  if (!isKnownVersion(target))
    throw new UserError(
      'bad-usage',
      `Unknown platform version '${target}'. Shipped versions: see 'config-tool status'.`,
    );
  if (compareVersions(target, fromVersion) <= 0) {
    throw new UserError(
      'refused',
      `Nothing to check: the environment is already at ${fromVersion}, and a readiness check looks at an upgrade to a newer version.`,
    );
  }
  if (compareVersions(target, PREPARATION_FROM_VERSION) < 0) {
    throw new UserError(
      'refused',
      `Nothing to check: an upgrade to ${target} has no modules preparation (only ${PREPARATION_FROM_VERSION} and later do).`,
    );
  }
  return { fromVersion, toVersion: target };
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
        const at = previous.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
        throw new UserError(
          'refused-by-lock',
          `The readiness check was refused: readiness check run #${previous.id} for ${previous.toVersion}, started by ${previous.startedBy} at ${at}, is still running.`,
        );
      }
      if (previous && previousStatus === 'interrupted' && previous.toVersion === toVersion) {
        heartbeatCheckRun(db, previous.id);
        return { runId: previous.id, resumed: true };
      }
      const { eligible, excluded } = findEligibleModules(db);
      const chains = consumerChainLengths(
        eligible.map((item) => ({ name: item.moduleName, references: item.references })),
      );
      const id = createRun(db, {
        kind: 'check',
        upgradeId: null,
        retryOf: null,
        fromVersion,
        toVersion,
        startedBy: currentUser(),
      });
      insertItems(
        db,
        id,
        eligible.map(({ references: _references, ...item }) => ({
          ...item,
          chainLength: chains.get(item.moduleName) ?? 0,
        })),
        excluded,
      );
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
  const { fromVersion, toVersion } = resolveCheckTarget(context, options.toVersion);
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
