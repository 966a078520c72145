import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { LockInfo } from '../../../common/domain';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions, type LeaseTimings, type TestFaults } from '../engine-options';
import { conditionOf } from '../environment-conditions';
import { UserError } from '../errors';
import { isProcessAlive, processStartTime } from '../process/process-alive';
import type { Db } from './database';
import { statement } from './statement-cache';

const LOCK_NAME = 'environment';

interface LockRow {
  operation: LockInfo['operation'];
  runId: number | null;
  holder: string;
  ownerToken: string;
  pid: number;
  pidStart: string | null;
  host: string;
  startedAt: string;
  heartbeatAt: string;
  expiresAt: string;
}

function readLockRow(db: Db): LockRow | null {
  const row = statement(
    db,
    `SELECT operation, run_id AS runId, holder, owner_token AS ownerToken, pid, pid_start AS pidStart, host,
            started_at AS startedAt, heartbeat_at AS heartbeatAt, expires_at AS expiresAt FROM locks WHERE name = @name`,
  ).get({ name: LOCK_NAME }) as LockRow | undefined;
  return row ?? null;
}

/**
 * What is known of the holder's process: on this machine it is alive or gone (a
 * zombie, or a pid now used by a process that started at another time, is gone);
 * on another machine only its lease says.
 */
function holderProcess(row: LockRow): 'alive' | 'gone' | 'elsewhere' {
  if (row.host !== os.hostname()) return 'elsewhere';
  return isProcessAlive(row.pid, row.pidStart) ? 'alive' : 'gone';
}

/**
 * A lock protects while its holder may still write. A holder that is gone can't; an
 * expired lease has lost it, except an upgrade's while its process exists: only its
 * end makes rolling it back safe, so its lock holds until then.
 */
function isLive(row: LockRow, now = Date.now()): boolean {
  const holder = holderProcess(row);
  if (holder === 'gone') return false;
  if (Date.parse(row.expiresAt) > now) return true;
  return row.operation === 'upgrade' && holder === 'alive';
}

function toInfo(row: LockRow): LockInfo {
  return {
    operation: row.operation,
    runId: row.runId,
    holder: row.holder,
    startedAt: row.startedAt,
    heartbeatAt: row.heartbeatAt,
  };
}

/** The lock an upgrade or preparation holds now, or null. */
export function activeLock(db: Db): LockInfo | null {
  const row = readLockRow(db);
  return row && isLive(row) ? toInfo(row) : null;
}

/**
 * For a write that the lock gates (inside its transaction): the live lock, or null
 * after removing a dead one, so its holder, should it wake up, finds it has lost
 * the lock and stops before its next write.
 */
export function liveLockOrBreakDead(db: Db): LockInfo | null {
  const row = readLockRow(db);
  if (!row) return null;
  if (isLive(row)) return toInfo(row);
  statement(db, 'DELETE FROM locks WHERE name = @name AND owner_token = @ownerToken').run({
    name: LOCK_NAME,
    ownerToken: row.ownerToken,
  });
  return null;
}

/** A lock that was taken over because its holder could no longer hold it. */
export interface PreviousHolder {
  operation: LockInfo['operation'];
  runId: number | null;
  holder: string;
  pid: number;
  host: string;
  /** 'gone': its process has ended; 'expired': it stopped renewing its lease. */
  reason: 'gone' | 'expired';
}

/** The holder lost the lock (another process took it over, or it was broken as dead): it must stop writing. */
export class LeaseLostError extends UserError {
  constructor(message: string) {
    super('lease-lost', message);
  }
}

/** A held lease, renewed by a heartbeat from the moment it is taken until it is released. */
export interface Lease {
  readonly info: LockInfo;
  /** Null while the lease holds; otherwise the message that says it was lost. */
  readonly lost: string | null;
  /** The dead holder this lease replaced, if any (its run was interrupted). */
  readonly replaced: PreviousHolder | null;
  /**
   * Runs `write` in an immediate transaction that first checks the lock is still
   * this lease's: every write of a run goes through it, so a holder that lost its
   * lease writes nothing more. Throws `LeaseLostError` then.
   */
  write<T>(write: () => T): T;
  /** The same check for work outside the database (files): throws `LeaseLostError` when lost. */
  assertHeld(): void;
  /** The upgrade hands its lock to the preparation it starts, without letting go of it. */
  becomePreparation(runId: number): void;
  /** Stops the heartbeat and gives the lock back (when it is still this lease's). */
  release(): void;
}

export interface LeaseRequest {
  operation: LockInfo['operation'];
  runId: number | null;
  holder: string;
}

export interface LeaseHooks {
  options?: EngineOptions;
  /** A heartbeat failed (database busy, disk full): the run goes on, the admin is told. */
  onTrouble?: (message: string) => void;
  /** The heartbeat found the lock taken over; the holder stops at its next write. */
  onLost?: (message: string) => void;
}

const OPERATION_TITLES: Record<LockInfo['operation'], string> = {
  upgrade: 'The platform upgrade',
  preparation: 'The modules preparation',
  'deploy-prepared': 'The deployment of prepared modules',
};

/** Takes the lock in one immediate transaction, unless someone else's is live: returns it then, or whom it replaced. */
function takeLock(
  db: Db,
  request: LeaseRequest,
  taking: { ownerToken: string; now: Date; ttlMs: number },
): { heldBy: LockInfo } | { previous: PreviousHolder | null } {
  const { ownerToken, now, ttlMs } = taking;
  const startedAt = now.toISOString();
  const take = db.transaction((): { heldBy: LockInfo } | { previous: PreviousHolder | null } => {
    const existing = readLockRow(db);
    if (existing && isLive(existing)) return { heldBy: toInfo(existing) };
    statement(
      db,
      `INSERT OR REPLACE INTO locks (name, operation, run_id, holder, owner_token, pid, pid_start, host, started_at, heartbeat_at, expires_at)
       VALUES (@name, @operation, @runId, @holder, @ownerToken, @pid, @pidStart, @host, @startedAt, @startedAt, @expiresAt)`,
    ).run({
      name: LOCK_NAME,
      operation: request.operation,
      runId: request.runId,
      holder: request.holder,
      ownerToken,
      pid: process.pid,
      pidStart: processStartTime(),
      host: os.hostname(),
      startedAt,
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    });
    if (!existing) return { previous: null };
    return {
      previous: {
        operation: existing.operation,
        runId: existing.runId,
        holder: existing.holder,
        pid: existing.pid,
        host: existing.host,
        reason: holderProcess(existing) === 'gone' ? 'gone' : 'expired',
      },
    };
  });
  return take.immediate();
}

/** What a holder that lost its lock is told: when it last renewed it, and who took it over. */
function lostMessage(db: Db, info: LockInfo): string {
  const now = readLockRow(db);
  const run = info.runId !== null ? ` (run #${info.runId})` : '';
  const takenBy = now
    ? `${now.holder}'s ${now.operation}${now.runId !== null ? ` (run #${now.runId})` : ''} took it over at ${now.startedAt} (PID ${now.pid} on ${now.host})`
    : 'another process took it over (and has let go of it since)';
  return (
    `${OPERATION_TITLES[info.operation]}${run} stopped: it lost the environment's lock. Its lease was last renewed at ` +
    `${info.heartbeatAt} and expired (this process was paused or too busy to renew it), and ${takenBy}. ` +
    `This process wrote nothing after that; the environment is as the other process leaves it.`
  );
}

/** A lock this process holds: its fenced writes, its heartbeat (from construction) and its release. */
class HeldLease implements Lease {
  private lostMessage: string | null = null;
  private released = false;
  private troubles = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly timings: LeaseTimings;
  private readonly faults: TestFaults;

  constructor(
    private readonly db: Db,
    readonly info: LockInfo,
    readonly replaced: PreviousHolder | null,
    private readonly ownerToken: string,
    private readonly hooks: LeaseHooks,
  ) {
    ({ lease: this.timings, faults: this.faults } = hooks.options ?? DEFAULT_ENGINE_OPTIONS);
    this.timer = setInterval(() => this.heartbeat(), this.timings.heartbeatMs);
    // The work itself keeps the process alive; a forgotten lease must not.
    this.timer.unref();
  }

  get lost(): string | null {
    return this.lostMessage;
  }

  write<T>(write: () => T): T {
    return this.db
      .transaction(() => {
        this.assertHeld();
        return write();
      })
      .immediate();
  }

  assertHeld(): void {
    if (!this.lostMessage && readLockRow(this.db)?.ownerToken !== this.ownerToken) this.loseIt();
    if (this.lostMessage) throw new LeaseLostError(this.lostMessage);
  }

  becomePreparation(runId: number): void {
    this.write(() =>
      statement(
        this.db,
        `UPDATE locks SET run_id = @runId, operation = 'preparation' WHERE name = @name AND owner_token = @ownerToken`,
      ).run({ runId, name: LOCK_NAME, ownerToken: this.ownerToken }),
    );
    this.info.runId = runId;
    this.info.operation = 'preparation';
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    clearInterval(this.timer);
    const remove = () =>
      statement(this.db, 'DELETE FROM locks WHERE name = @name AND owner_token = @ownerToken').run({
        name: LOCK_NAME,
        ownerToken: this.ownerToken,
      });
    try {
      remove();
    } catch (error) {
      if (conditionOf(error) === null) {
        // Its holder ends with the process: the next command sees the lock as gone.
        this.hooks.onTrouble?.(`Could not release the environment lock: ${(error as Error).message}.`);
        return;
      }
      // A full disk: the log, folded into the database, leaves room for the one row's removal.
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
        remove();
      } catch {
        // Still full: the command's own error says so, and the lock ends with this process (or its lease).
      }
    }
  }

  private loseIt(): void {
    if (this.lostMessage) return;
    this.lostMessage = lostMessage(this.db, this.info);
    this.hooks.onLost?.(this.lostMessage);
  }

  private heartbeat(): void {
    if (this.released || this.lostMessage) return;
    const { ttlMs, heartbeatMs } = this.timings;
    try {
      if (this.faults.heartbeatFails) throw new Error('injected heartbeat failure');
      const at = new Date();
      const renewed = statement(
        this.db,
        'UPDATE locks SET heartbeat_at = @at, expires_at = @expiresAt WHERE name = @name AND owner_token = @ownerToken',
      ).run({
        at: at.toISOString(),
        expiresAt: new Date(at.getTime() + ttlMs).toISOString(),
        name: LOCK_NAME,
        ownerToken: this.ownerToken,
      });
      if (renewed.changes === 0) return this.loseIt();
      this.info.heartbeatAt = at.toISOString();
      if (this.troubles > 0)
        this.hooks.onTrouble?.(`The environment lock is renewed again (after ${this.troubles} failed attempts).`);
      this.troubles = 0;
    } catch (error) {
      this.troubles++;
      this.hooks.onTrouble?.(
        `Could not renew the environment lock (attempt ${this.troubles}): ${(error as Error).message}. ` +
          `It is retried every ${Math.round(heartbeatMs / 100) / 10} s; the lease lasts ${Math.round(ttlMs / 1000)} s.`,
      );
    }
  }
}

/**
 * Takes the environment lock for an upgrade or a preparation, atomically across
 * processes, and starts renewing it. Returns the live lock of someone else instead
 * when there is one.
 */
export function acquireLease(
  db: Db,
  request: LeaseRequest,
  hooks: LeaseHooks = {},
): { lease: Lease } | { heldBy: LockInfo } {
  const { lease: timings } = hooks.options ?? DEFAULT_ENGINE_OPTIONS;
  const ownerToken = randomUUID();
  const now = new Date();
  const taken = takeLock(db, request, { ownerToken, now, ttlMs: timings.ttlMs });
  if ('heldBy' in taken) return taken;
  const startedAt = now.toISOString();
  const info: LockInfo = { ...request, startedAt, heartbeatAt: startedAt };
  return { lease: new HeldLease(db, info, taken.previous, ownerToken, hooks) };
}
