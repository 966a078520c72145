import type { EngineContext } from '../engine-context';
import { isUserError } from '../errors';
import { findEnvironment } from '../store/environment-repository';
import { acquireLease } from '../store/lock-repository';
import { currentUser } from '../current-user';
import { readMarker, removeMarker, removePartialBackups, restoreFromBackup } from './backup';
import { recordRolledBack, runningUpgrades } from './upgrade-history';

/** What opening the environment found of an earlier upgrade, and what to tell the admin. */
export interface Recovery {
  outcome: 'none' | 'completed' | 'rolled-back' | 'backup-missing';
  /** For the admin (CLI warning, UI notice); null when there is nothing to say. */
  warning: string | null;
}

const NOTHING: Recovery = { outcome: 'none', warning: null };

/**
 * An upgrade killed before it switched the environment's version is rolled back
 * on the next start: the rows are restored from its backup. One killed after the
 * switch only leaves its marker behind. The roll-back takes the environment lock
 * first, so it never runs while the upgrade may still be alive (its lock holds
 * while its process exists, or on another machine until its lease expires), and
 * the upgrade, should it wake up, writes nothing more.
 */
export function recoverInterruptedUpgrade(context: EngineContext): Recovery {
  const { db, environmentDir } = context;
  const marker = readMarker(environmentDir);
  if (!marker) return settleAbandonedUpgrades(context);
  if (findEnvironment(db)?.platformVersion === marker.toVersion) {
    removeMarker(environmentDir);
    return { outcome: 'completed', warning: null };
  }
  const taken = acquireLease(
    db,
    { operation: 'upgrade', runId: null, holder: currentUser() },
    { options: context.options },
  );
  if ('heldBy' in taken) return NOTHING; // the upgrade (or what it handed over to) is still running
  const { lease } = taken;
  try {
    const step =
      (
        db.prepare('SELECT current_step AS step FROM upgrades WHERE id = @id').get({ id: marker.upgradeId }) as
          { step: string | null } | undefined
      )?.step ?? 'backup';
    try {
      restoreFromBackup(db, marker.backupPath, lease, marker);
    } catch (error) {
      // The marker stays: with the backup put back, the next start rolls back.
      if (isUserError(error) && error.code === 'backup-missing')
        return { outcome: 'backup-missing', warning: error.message };
      throw error;
    }
    lease.write(() =>
      recordRolledBack(
        context,
        marker.upgradeId,
        step,
        'the upgrade was interrupted (the process stopped) before it switched versions',
      ),
    );
    removeMarker(environmentDir);
    removePartialBackups(environmentDir);
    return {
      outcome: 'rolled-back',
      warning:
        'an upgrade was interrupted before it switched versions; it has been rolled back and the environment is as it was before it.',
    };
  } finally {
    lease.release();
  }
}

/**
 * An upgrade killed before it wrote its marker (during its backup) changed nothing but
 * its history row and a half-written backup: once its lock is free (its process gone),
 * the row is recorded as rolled back at that step and the partial backup removed.
 */
function settleAbandonedUpgrades(context: EngineContext): Recovery {
  const abandoned = runningUpgrades(context);
  if (abandoned.length === 0) return NOTHING;
  const taken = acquireLease(
    context.db,
    { operation: 'upgrade', runId: null, holder: currentUser() },
    { options: context.options },
  );
  if ('heldBy' in taken) return NOTHING; // that upgrade is still running
  try {
    taken.lease.write(() => {
      for (const upgrade of abandoned)
        recordRolledBack(
          context,
          upgrade.id,
          upgrade.step ?? 'backup',
          'the upgrade was interrupted (the process stopped) during its backup, before it changed anything',
        );
    });
    removePartialBackups(context.environmentDir);
    return {
      outcome: 'rolled-back',
      warning:
        'an upgrade was interrupted during its backup; nothing had changed, and the environment is as it was before it.',
    };
  } finally {
    taken.lease.release();
  }
}
