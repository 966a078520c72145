import type { LockInfo } from '../../../common/domain';
import { UserError } from '../errors';
import type { Db } from '../store/database';
import { nowIso } from '../store/database';
import { progressiveRunOf } from '../preparation/progressive-run';
import { currentGroup, findItem } from '../preparation/run-repository';
import { activeLock, liveLockOrBreakDead } from '../store/lock-repository';
import { formatLockTime as formatTime, LOCK_TITLES, lockRefusalMessage } from '../store/lock-refusal';
import { findModule, getModuleVersion } from '../store/module-repository';
import { findUsableCompilation } from '../store/publication-repository';
import { currentUser } from '../current-user';
import { recordOperation, type OperationName } from '../store/operations-log';

/** Operations the preparation lock refuses while an upgrade or a preparation runs. */
export type GatedOperation = Extract<OperationName, 'publish' | 'delete' | 'config-apply' | 'deploy-prepared'>;

const OPERATION_TITLES: Record<GatedOperation, string> = {
  publish: 'Publish',
  delete: 'Delete module',
  'config-apply': 'Apply configurations',
  'deploy-prepared': 'Deploy prepared modules',
};

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

/** What a publish or delete acts on, for the progressive rules: the modules, and (publish) all modules published together. */
export interface GateSubject {
  modules: readonly string[];
  /** Producers published in the same operation count as published: the schedule publishes them first. */
  publishedTogether?: ReadonlySet<string>;
}

type Decision =
  | { allowed: true }
  | {
      allowed: false;
      code: 'refused-by-lock' | 'refused';
      /** The refusal's reason after "was refused: "; empty for the whole-environment lock message. */
      reason: string;
      /** One line for a disabled button (progressive refusals only). */
      short?: string;
      lock: LockInfo;
    };

function formatGroup(group: { number: number | null; modules: string[] }): string {
  const shown = group.modules.slice(0, 8).join(', ') + (group.modules.length > 8 ? '…' : '');
  return `group ${group.number ?? '?'} (${shown})`;
}

/**
 * Spec §4a: while a progressive preparation runs, only its current group is locked. A publish or delete of a
 * group module is refused naming the group; a publish waits for each producer to be prepared (or published at
 * the target version): refused with exit 4 while the producer is pending or compiling, 1 when it failed or was
 * skipped. Applying configurations is never refused.
 */
function decideProgressive(
  db: Db,
  operation: GatedOperation,
  subject: GateSubject | null,
  lock: LockInfo,
  run: { id: number; toVersion: string },
): Decision {
  if (operation === 'config-apply') return { allowed: true };
  if (operation === 'deploy-prepared' || !subject) return whole(lock);
  const group = currentGroup(db, run.id);
  const inGroup = subject.modules.filter((name) => group.modules.includes(name));
  if (inGroup.length > 0) {
    return {
      allowed: false,
      code: 'refused-by-lock',
      lock,
      short: `Being prepared now, in group ${group.number ?? '?'}: it can be published or deleted when its group finishes.`,
      reason:
        `${inGroup.join(', ')} ${inGroup.length === 1 ? 'is' : 'are'} being prepared now, in ${formatGroup(group)} of ` +
        `${LOCK_TITLES.preparation} (run #${run.id}), started by ${lock.holder} at ${formatTime(lock.startedAt)}, ` +
        `which holds the preparation lock on that group. Try again when the group finishes.`,
    };
  }
  if (operation !== 'publish') return { allowed: true };
  for (const name of subject.modules) {
    const module = findModule(db, name);
    if (!module) continue;
    for (const producer of getModuleVersion(db, module.latestVersionId).references) {
      if (producer === name || subject.publishedTogether?.has(producer)) continue;
      const usable = findUsableCompilation(db, producer, run.toVersion);
      if (usable?.source === 'running') continue;
      const item = findItem(db, run.id, producer);
      if (!item || item.status === 'prepared') continue;
      const waiting = item.status === 'pending' || item.status === 'compiling';
      const status = item.status === 'compiling' ? 'being prepared' : item.status;
      return {
        allowed: false,
        code: waiting ? 'refused-by-lock' : 'refused',
        lock,
        short: waiting
          ? `Waiting for producer ${producer} (${status} in the modules preparation).`
          : `Producer ${producer} ${item.status === 'failed' ? 'failed' : 'was skipped'} in the modules preparation: publish ${producer} first.`,
        reason: waiting
          ? `its producer '${producer}' is ${status} in ${LOCK_TITLES.preparation} (run #${run.id}) for ${run.toVersion}. ` +
            `${name} can be published as soon as ${producer} is prepared.`
          : `its producer '${producer}' ${item.status === 'failed' ? 'failed' : 'was skipped'} in ${LOCK_TITLES.preparation} ` +
            `(run #${run.id}) for ${run.toVersion}. Publish ${producer} first (fix its errors), or together with ${name}.`,
      };
    }
  }
  return { allowed: true };
}

function whole(lock: LockInfo): Decision {
  return { allowed: false, code: 'refused-by-lock', lock, reason: '' };
}

/**
 * What the lock says about an operation now. Up to 11.16.x an upgrade or a preparation refuses every gated
 * operation; a progressive preparation (11.17.0+) decides per module (decideProgressive).
 */
function decide(db: Db, operation: GatedOperation, subject: GateSubject | null): Decision {
  // A dead holder's lock is removed here, so that holder, should it wake up, writes nothing more.
  const lock = liveLockOrBreakDead(db);
  if (!lock) return { allowed: true };
  const run = progressiveRunOf(db, lock);
  return run ? decideProgressive(db, operation, subject, lock, run) : whole(lock);
}

/**
 * The one place that decides whether an operation may run now. Runs `write` in an
 * immediate transaction that first asks the lock (and, for a progressive preparation,
 * its current group and the producers' statuses), so a preparation can't start or
 * move on between the check and the write. A refusal is written to the operations
 * log and thrown: `refused-by-lock` (exit 4), or `refused` (exit 1) when a producer failed.
 */
export function runGatedWrite<T>(
  db: Db,
  operation: GatedOperation,
  target: string | null,
  write: () => T,
  subject: GateSubject | null = null,
): T {
  const outcome = db
    .transaction((): { refused: Extract<Decision, { allowed: false }> } | { value: T } => {
      const decision = decide(db, operation, subject);
      return decision.allowed ? { value: write() } : { refused: decision };
    })
    .immediate();
  if ('value' in outcome) return outcome.value;
  const user = currentUser();
  const at = nowIso();
  const { refused } = outcome;
  const message = refused.reason
    ? `${target ? `${OPERATION_TITLES[operation]} of ${target}` : OPERATION_TITLES[operation]} requested by ${user} at ${formatTime(at)} was refused: ${refused.reason}`
    : refusalMessage(operation, target, user, at, refused.lock);
  recordOperation(db, { operation, target, outcome: 'refused', message, user, at });
  throw new UserError(refused.code, message, { lock: refused.lock });
}

/** Refuses early (before any long work such as compiling) when the lock refuses the operation. */
export function assertOperationAllowed(
  db: Db,
  operation: GatedOperation,
  target: string | null = null,
  subject: GateSubject | null = null,
): void {
  runGatedWrite(db, operation, target, () => undefined, subject);
}

/**
 * Why Publish of one module is not possible now under a progressive preparation (spec §4a): in the group,
 * waiting for a producer, or a producer failed; null when the lock allows it (or locks the whole environment,
 * which the refusal itself explains).
 */
export function progressivePublishBlock(db: Db, name: string): string | null {
  return progressiveBlock(db, 'publish', name);
}

/** During a progressive preparation, why deleting module `name` is not possible now (it is in the current group), or null. */
export function progressiveDeleteBlock(db: Db, name: string): string | null {
  return progressiveBlock(db, 'delete', name);
}

function progressiveBlock(db: Db, operation: 'publish' | 'delete', name: string): string | null {
  const lock = activeLock(db);
  const run = progressiveRunOf(db, lock);
  if (!lock || !run) return null;
  const decision = decideProgressive(db, operation, { modules: [name] }, lock, run);
  return decision.allowed ? null : (decision.short ?? decision.reason);
}
