import type { EngineContext } from '../engine-context';
import { findEnvironment } from '../store/environment-repository';
import { activeLock } from '../store/lock-repository';
import { readMarker, removeMarker, restoreFromBackup } from './backup';
import { recordRolledBack } from './upgrade-history';

/**
 * An upgrade killed before it switched the environment's version is rolled back
 * on the next start: the rows are restored from its backup. One killed after the
 * switch only leaves its marker behind. Returns what was done, for the log.
 */
export function recoverInterruptedUpgrade(context: EngineContext): 'none' | 'rolled-back' | 'completed' {
  const marker = readMarker(context.environmentDir);
  if (!marker) return 'none';
  const lock = activeLock(context.db);
  if (lock?.operation === 'upgrade') return 'none'; // still running, in another process
  if (findEnvironment(context.db)?.platformVersion === marker.toVersion) {
    removeMarker(context.environmentDir);
    return 'completed';
  }
  const step =
    (
      context.db.prepare('SELECT current_step AS step FROM upgrades WHERE id = @id').get({ id: marker.upgradeId }) as
        { step: string | null } | undefined
    )?.step ?? 'backup';
  restoreFromBackup(context.db, marker.backupPath);
  recordRolledBack(
    context,
    marker.upgradeId,
    step,
    'the upgrade was interrupted (the process stopped) before it switched versions',
  );
  removeMarker(context.environmentDir);
  return 'rolled-back';
}
