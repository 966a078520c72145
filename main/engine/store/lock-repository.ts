import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { LockInfo } from '../../../common/domain';
import { isProcessAlive } from '../process/process-alive';
import type { Db } from './database';
import { statement } from './statement-cache';

const LOCK_NAME = 'environment';
/** How long a lease lives without a heartbeat; a dead holder's lock expires after this. */
export const LEASE_TTL_MS = 15_000;
export const HEARTBEAT_INTERVAL_MS = 3_000;

interface LockRow {
  operation: LockInfo['operation'];
  runId: number | null;
  holder: string;
  ownerToken: string;
  pid: number;
  host: string;
  startedAt: string;
  heartbeatAt: string;
  expiresAt: string;
}

function readLockRow(db: Db): LockRow | null {
  const row = statement(
    db,
    `SELECT operation, run_id AS runId, holder, owner_token AS ownerToken, pid, host, started_at AS startedAt,
              heartbeat_at AS heartbeatAt, expires_at AS expiresAt FROM locks WHERE name = @name`,
  ).get({ name: LOCK_NAME }) as LockRow | undefined;
  return row ?? null;
}

/** A holder on this machine whose process is gone can't renew its lease: no need to wait for it to expire. */
function holderIsGone(row: LockRow): boolean {
  return row.host === os.hostname() && !isProcessAlive(row.pid);
}

function isLive(row: LockRow, now = Date.now()): boolean {
  return Date.parse(row.expiresAt) > now && !holderIsGone(row);
}

/** The lock an upgrade or preparation holds now, or null. */
export function activeLock(db: Db): LockInfo | null {
  const row = readLockRow(db);
  if (!row || !isLive(row)) return null;
  return {
    operation: row.operation,
    runId: row.runId,
    holder: row.holder,
    startedAt: row.startedAt,
    heartbeatAt: row.heartbeatAt,
  };
}

/** A held lease: renew it with heartbeat(), give it back with release(). */
export interface Lease {
  readonly info: LockInfo;
  heartbeat(): void;
  /** The upgrade hands its lock to the preparation it starts, without letting go of it. */
  becomePreparation(runId: number): void;
  release(): void;
}

/**
 * Takes the environment lock for an upgrade or a preparation, atomically across
 * processes. Returns the live lock of someone else instead when there is one.
 */
export function acquireLease(
  db: Db,
  request: { operation: LockInfo['operation']; runId: number | null; holder: string },
): { lease: Lease } | { heldBy: LockInfo } {
  const ownerToken = randomUUID();
  const now = new Date();
  const startedAt = now.toISOString();
  const take = db.transaction(() => {
    const existing = readLockRow(db);
    if (existing && isLive(existing)) {
      return { heldBy: activeLock(db) as LockInfo };
    }
    statement(
      db,
      `INSERT OR REPLACE INTO locks (name, operation, run_id, holder, owner_token, pid, host, started_at, heartbeat_at, expires_at)
       VALUES (@name, @operation, @runId, @holder, @ownerToken, @pid, @host, @startedAt, @startedAt, @expiresAt)`,
    ).run({
      name: LOCK_NAME,
      operation: request.operation,
      runId: request.runId,
      holder: request.holder,
      ownerToken,
      pid: process.pid,
      host: os.hostname(),
      startedAt,
      expiresAt: new Date(now.getTime() + LEASE_TTL_MS).toISOString(),
    });
    return null;
  });
  const conflict = take.immediate();
  if (conflict) return conflict;

  const info: LockInfo = {
    operation: request.operation,
    runId: request.runId,
    holder: request.holder,
    startedAt,
    heartbeatAt: startedAt,
  };
  return {
    lease: {
      info,
      heartbeat() {
        const now = new Date();
        info.heartbeatAt = now.toISOString();
        statement(
          db,
          'UPDATE locks SET heartbeat_at = @at, expires_at = @expiresAt WHERE name = @name AND owner_token = @ownerToken',
        ).run({
          at: info.heartbeatAt,
          expiresAt: new Date(now.getTime() + LEASE_TTL_MS).toISOString(),
          name: LOCK_NAME,
          ownerToken,
        });
      },
      becomePreparation(runId: number) {
        info.runId = runId;
        info.operation = 'preparation';
        statement(
          db,
          `UPDATE locks SET run_id = @runId, operation = 'preparation' WHERE name = @name AND owner_token = @ownerToken`,
        ).run({
          runId,
          name: LOCK_NAME,
          ownerToken,
        });
      },
      release() {
        statement(db, 'DELETE FROM locks WHERE name = @name AND owner_token = @ownerToken').run({
          name: LOCK_NAME,
          ownerToken,
        });
      },
    },
  };
}
