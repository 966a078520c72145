import type { LockInfo } from '../../../common/domain';
import { formatDateTime } from '../../../common/time-format';

/** What holds the lock, as a refusal names it. */
export const LOCK_TITLES: Record<LockInfo['operation'], string> = {
  upgrade: 'the platform upgrade',
  preparation: 'the modules preparation',
  'deploy-prepared': 'the deployment of prepared modules',
};

/** An ISO time as a refusal shows it: the app's one date format (`2026-03-02 14:32 UTC`). */
export function formatLockTime(iso: string): string {
  return formatDateTime(iso);
}

/**
 * The admin-facing refusal: names what was asked, by whom and when, and the lock
 * with its start time. Every refusal by the lock reads this way.
 */
export function lockRefusalMessage(what: string, user: string, at: string, lock: LockInfo): string {
  const run = lock.runId !== null ? ` (run #${lock.runId})` : '';
  return (
    `${what} requested by ${user} at ${formatLockTime(at)} was refused: ${LOCK_TITLES[lock.operation]}${run}, ` +
    `started by ${lock.holder} at ${formatLockTime(lock.startedAt)}, holds the environment's preparation lock. ` +
    `Try again when it finishes.`
  );
}
