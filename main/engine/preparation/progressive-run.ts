import type { LockInfo } from '../../../common/domain';
import { isProgressivePreparation } from '../platform/platform-versions';
import type { Db } from '../store/database';
import { activeLock } from '../store/lock-repository';
import { countPublishedAsPrepared, findRun, removeFromRun } from './run-repository';

/** The run a lock belongs to when it is a progressive preparation (spec §4a), else null. */
export function progressiveRunOf(db: Db, lock: LockInfo | null): { id: number; toVersion: string } | null {
  if (!lock || lock.operation !== 'preparation' || lock.runId === null) return null;
  const run = findRun(db, lock.runId);
  return run && isProgressivePreparation(run.toVersion) ? { id: run.id, toVersion: run.toVersion } : null;
}

/** The progressive preparation running now, or null (none, or one that locks the whole environment). */
export function runningProgressiveRun(db: Db): { id: number; toVersion: string } | null {
  return progressiveRunOf(db, activeLock(db));
}

/**
 * A module published with success while a progressive preparation runs counts as prepared in it, with the
 * compilation now deployed; the run does not compile it again. Call it in the publish's gated write.
 */
export function notePublishedDuringRun(
  db: Db,
  moduleName: string,
  published: { artifactId: number; moduleVersionId: number; platformVersion: string },
): void {
  const run = runningProgressiveRun(db);
  if (run && run.toVersion === published.platformVersion) countPublishedAsPrepared(db, run.id, moduleName, published);
}

/** A module deleted while a progressive preparation runs leaves the run (excluded). Call it in the delete's gated write. */
export function noteDeletedDuringRun(db: Db, moduleName: string): void {
  const run = runningProgressiveRun(db);
  if (run) removeFromRun(db, run.id, moduleName, 'deleted during the preparation');
}
