import type { EngineContext } from '../engine-context';
import { nowIso } from '../store/database';
import { recordOperation } from '../store/operations-log';

/** Writes a failed upgrade into the (restored) history, so the console and `status` can say why. */
export function recordRolledBack(context: EngineContext, upgradeId: number, step: string, message: string): void {
  const { db } = context;
  db.prepare(
    `UPDATE upgrades SET status = 'rolled-back', failed_step = @step, current_step = NULL, error = @message, finished_at = @at WHERE id = @upgradeId`,
  ).run({ upgradeId, step, message, at: nowIso() });
  recordOperation(db, {
    operation: 'upgrade',
    target: `upgrade #${upgradeId}`,
    outcome: 'failed',
    message: `step ${step}: ${message}`,
  });
}

/** The upgrades still marked running: after a crash, those whose process is gone are settled by the recovery. */
export function runningUpgrades(context: EngineContext): { id: number; step: string | null }[] {
  return context.db
    .prepare(`SELECT id, current_step AS step FROM upgrades WHERE status = 'running' ORDER BY id`)
    .all() as { id: number; step: string | null }[];
}

/** The latest finished upgrade to `toVersion` whose preparation never started (stopped right after the switch), or null. */
export function upgradeWithoutPreparation(
  context: EngineContext,
  toVersion: string,
): { id: number; fromVersion: string; toVersion: string } | null {
  const row = context.db
    .prepare(
      `SELECT id, from_version AS fromVersion, to_version AS toVersion FROM upgrades u
        WHERE status = 'finished' AND to_version = @toVersion
          AND id = (SELECT max(id) FROM upgrades)
          AND NOT EXISTS (SELECT 1 FROM preparation_runs r WHERE r.upgrade_id = u.id)`,
    )
    .get({ toVersion }) as { id: number; fromVersion: string; toVersion: string } | undefined;
  return row ?? null;
}

/** Records an upgrade that starts now; returns its id. */
export function insertUpgrade(
  context: EngineContext,
  upgrade: { fromVersion: string; toVersion: string; startedAt: string; user: string },
): number {
  return Number(
    context.db
      .prepare(
        `INSERT INTO upgrades (from_version, to_version, status, started_at, started_by) VALUES (@fromVersion, @toVersion, 'running', @startedAt, @user)`,
      )
      .run(upgrade).lastInsertRowid,
  );
}

/** The step an upgrade is in (a crash's recovery reads it). */
export function setUpgradeStep(context: EngineContext, upgradeId: number, step: string): void {
  context.db.prepare('UPDATE upgrades SET current_step = @step WHERE id = @upgradeId').run({ step, upgradeId });
}

/** Where an upgrade's backup is. */
export function setUpgradeBackup(context: EngineContext, upgradeId: number, backupPath: string): void {
  context.db
    .prepare('UPDATE upgrades SET backup_path = @backupPath WHERE id = @upgradeId')
    .run({ backupPath, upgradeId });
}

/** An upgrade that switched versions: finished. */
export function finishUpgrade(context: EngineContext, upgradeId: number): void {
  context.db
    .prepare(`UPDATE upgrades SET status = 'finished', current_step = NULL, finished_at = @at WHERE id = @upgradeId`)
    .run({ at: nowIso(), upgradeId });
}
