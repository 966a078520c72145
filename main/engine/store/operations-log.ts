import { currentUser } from '../current-user';
import type { Db } from './database';
import { nowIso } from './database';
import { statement } from './statement-cache';

export type OperationName =
  | 'import'
  | 'upload'
  | 'publish'
  | 'delete'
  | 'config-set'
  | 'config-apply'
  | 'upgrade'
  | 'prepare'
  | 'check'
  | 'deploy-prepared';

export type OperationOutcome = 'accepted' | 'refused' | 'succeeded' | 'failed';

/** Appends one entry to the operations log (accepted, refused, succeeded or failed). */
export function recordOperation(
  db: Db,
  entry: {
    operation: OperationName;
    target?: string | null;
    outcome: OperationOutcome;
    message?: string | null;
    user?: string;
    at?: string;
  },
): void {
  statement(
    db,
    `INSERT INTO operations_log (operation, target, requested_by, requested_at, outcome, message)
     VALUES (@operation, @target, @user, @at, @outcome, @message)`,
  ).run({
    operation: entry.operation,
    target: entry.target ?? null,
    user: entry.user ?? currentUser(),
    at: entry.at ?? nowIso(),
    outcome: entry.outcome,
    message: entry.message ?? null,
  });
}

export interface OperationLogEntry {
  id: number;
  operation: OperationName;
  target: string | null;
  requestedBy: string;
  requestedAt: string;
  outcome: OperationOutcome;
  message: string | null;
}

export function listOperations(db: Db, limit = 200): OperationLogEntry[] {
  return statement(
    db,
    `SELECT id, operation, target, requested_by AS requestedBy, requested_at AS requestedAt, outcome, message
       FROM operations_log ORDER BY id DESC LIMIT @limit`,
  ).all({ limit }) as OperationLogEntry[];
}
