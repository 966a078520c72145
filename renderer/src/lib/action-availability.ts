/**
 * Whether an environment action can run now, and why not: the console and the
 * Configuration Tool disable what the preparation lock (or a lost connection) would
 * refuse, and show this reason beside the disabled button.
 */
import type { EnvironmentStatus, LockInfo } from '../../../common/domain';
import { useConnectionStore } from '../stores/connection-store';
import { useEnvironmentStore } from '../stores/environment-store';
import { formatClock } from './format';

/** The actions the lock or a lost connection can block. */
export type EnvironmentAction = 'publish' | 'delete' | 'apply-configurations' | 'upgrade' | 'prepare-again' | 'export';

const ACTION_TITLES: Record<EnvironmentAction, string> = {
  publish: 'Publish',
  delete: 'Delete module',
  'apply-configurations': 'Apply configurations',
  upgrade: 'Apply/Exit',
  'prepare-again': 'Prepare again',
  export: 'Export report',
};

const LOCK_TITLES: Record<LockInfo['operation'], string> = {
  upgrade: 'the platform upgrade',
  preparation: 'the modules preparation',
  'deploy-prepared': 'the deployment of prepared modules',
};

/**
 * A progressive preparation (spec §4a) locks only its current group, which the status
 * then names; every other lock holds the whole environment.
 */
function locksOnlyAGroup(status: EnvironmentStatus): boolean {
  return status.currentGroup != null;
}

/** The message shown while the connection is down (the browser host may have stopped). */
export const DISCONNECTED_REASON = 'Not connected to the Configuration Tool service: see the message at the top.';

/** Why `action` can't run now because of the environment's lock, or null when the lock allows it. */
export function lockReason(status: EnvironmentStatus | null, action: EnvironmentAction): string | null {
  if (!status || action === 'export') return null;
  const lock = status.lock;
  const run = status.activeRun;
  if (!lock && !run) return null;
  const operation: LockInfo['operation'] = lock?.operation ?? (run?.kind === 'upgrade' ? 'upgrade' : 'preparation');
  // A group lock refuses only some modules: the module pages say which can be published or deleted, and why not.
  if (locksOnlyAGroup(status) && (action === 'publish' || action === 'delete' || action === 'apply-configurations'))
    return null;
  const startedAt = lock?.startedAt ?? run?.startedAt;
  const by = lock?.holder ?? run?.startedBy;
  const runId = lock?.runId ?? run?.id ?? null;
  return (
    `${ACTION_TITLES[action]} is not available while ${LOCK_TITLES[operation]}` +
    `${runId !== null ? ` (run #${runId})` : ''} holds the preparation lock` +
    `${startedAt ? `, started at ${formatClock(startedAt)}` : ''}${by ? ` by ${by}` : ''}. ` +
    'It is available again when the run finishes.'
  );
}

/** The reason `action` is unavailable now (lost connection first, then the lock), or null. */
export function useBlockedReason(action: EnvironmentAction): string | null {
  const connected = useConnectionStore((s) => s.state !== 'closed');
  const status = useEnvironmentStore((s) => s.status);
  if (!connected) return DISCONNECTED_REASON;
  return lockReason(status, action);
}
