import type { LockInfo } from '../../../common/domain';
import { UserError } from '../errors';
import type { Db } from '../store/database';
import { nowIso } from '../store/database';
import { liveLockOrBreakDead } from '../store/lock-repository';
import { currentUser, recordOperation, type OperationName } from '../store/operations-log';

/** Operations the preparation lock refuses while an upgrade or a preparation runs. */
export type GatedOperation = Extract<OperationName, 'publish' | 'delete' | 'config-apply' | 'deploy-prepared'>;

const OPERATION_TITLES: Record<GatedOperation, string> = {
  publish: 'Publish',
  delete: 'Delete module',
  'config-apply': 'Apply configurations',
  'deploy-prepared': 'Deploy prepared modules',
};

const LOCK_TITLES: Record<LockInfo['operation'], string> = {
  upgrade: 'the platform upgrade',
  preparation: 'the modules preparation',
  'deploy-prepared': 'the deployment of prepared modules',
};

function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/**
 * The admin-facing refusal: names what was asked, by whom and when, and the lock
 * with its start time. Every refusal by the lock reads this way.
 */
export function lockRefusalMessage(what: string, user: string, at: string, lock: LockInfo): string {
  const run = lock.runId !== null ? ` (run #${lock.runId})` : '';
  return (
    `${what} requested by ${user} at ${formatTime(at)} was refused: ${LOCK_TITLES[lock.operation]}${run}, ` +
    `started by ${lock.holder} at ${formatTime(lock.startedAt)}, holds the environment's preparation lock. ` +
    `Try again when it finishes.`
  );
}

function refusalMessage(
  operation: GatedOperation,
  target: string | null,
  user: string,
  at: string,
  lock: LockInfo,
): string {
  return lockRefusalMessage(
    target ? `${OPERATION_TITLES[operation]} of ${target}` : OPERATION_TITLES[operation],
    user,
    at,
    lock,
  );
}

/**
 * The one place that decides whether an operation may run now. Runs `write` in an
 * immediate transaction that first checks the environment lock, so a preparation
 * can't start between the check and the write. A refusal is written to the
 * operations log and thrown as `refused-by-lock`.
 */
export function runGatedWrite<T>(db: Db, operation: GatedOperation, target: string | null, write: () => T): T {
  const outcome = db
    .transaction((): { refusedBy: LockInfo } | { value: T } => {
      // A dead holder's lock is removed here, so that holder, should it wake up, writes nothing more.
      const lock = liveLockOrBreakDead(db);
      return lock ? { refusedBy: lock } : { value: write() };
    })
    .immediate();
  if ('value' in outcome) return outcome.value;
  const user = currentUser();
  const at = nowIso();
  const message = refusalMessage(operation, target, user, at, outcome.refusedBy);
  recordOperation(db, { operation, target, outcome: 'refused', message, user, at });
  throw new UserError('refused-by-lock', message, { lock: outcome.refusedBy });
}

/** Refuses early (before any long work such as compiling) when the lock is held. */
export function assertOperationAllowed(db: Db, operation: GatedOperation, target: string | null = null): void {
  runGatedWrite(db, operation, target, () => undefined);
}
