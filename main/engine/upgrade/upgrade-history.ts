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
