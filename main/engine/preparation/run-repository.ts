import os from 'node:os';
import type {
  LogLine,
  ModuleError,
  ModulePreparationStatus,
  RunKind,
  RunStatus,
  RunSummary,
  StatusCounts,
} from '../../../common/domain';
import type { Db } from '../store/database';
import { nowIso } from '../store/database';
import { activeLock } from '../store/lock-repository';
import { DEFAULT_LEASE_TIMINGS } from '../engine-options';
import { isProcessAlive } from '../process/process-alive';
import { statement } from '../store/statement-cache';

/** A run row: the summary's run fields (without its counts), and the upgrade it is the preparation of. */
type RunRow = Omit<RunSummary, 'total' | 'counts'> & { upgradeId: number | null };

const RUN_COLUMNS = `id, kind, upgrade_id AS upgradeId, retry_of AS retryOf, from_version AS fromVersion, to_version AS toVersion,
  status, started_at AS startedAt, finished_at AS finishedAt, started_by AS startedBy`;

/** A run row as stored (status 'running' even if its coordinator died). */
export type StoredRun = RunRow;

export function createRun(
  db: Db,
  run: {
    kind: RunKind;
    upgradeId: number | null;
    retryOf: number | null;
    fromVersion: string;
    toVersion: string;
    startedBy: string;
  },
): number {
  const info = statement(
    db,
    `INSERT INTO preparation_runs (kind, upgrade_id, retry_of, from_version, to_version, status, started_at, started_by)
       VALUES (@kind, @upgradeId, @retryOf, @fromVersion, @toVersion, 'running', @at, @startedBy)`,
  ).run({ ...run, at: nowIso() });
  return Number(info.lastInsertRowid);
}

export function findRun(db: Db, runId: number): StoredRun | null {
  return (
    (statement(db, `SELECT ${RUN_COLUMNS} FROM preparation_runs WHERE id = @runId`).get({ runId }) as
      StoredRun | undefined) ?? null
  );
}

/**
 * The latest preparation run (upgrade or prepare). Readiness checks are left out: they
 * compile for a version the environment may not be on and prepare nothing, so nothing
 * that asks "what is prepared" may see them.
 */
export function latestRun(db: Db): StoredRun | null {
  return (
    (statement(
      db,
      `SELECT ${RUN_COLUMNS} FROM preparation_runs WHERE kind <> 'check' ORDER BY id DESC LIMIT 1`,
    ).get() as StoredRun | undefined) ?? null
  );
}

/** The latest readiness check run, for one target version when given. */
export function latestCheckRun(db: Db, toVersion?: string): StoredRun | null {
  return (
    (statement(
      db,
      `SELECT ${RUN_COLUMNS} FROM preparation_runs
        WHERE kind = 'check' AND (@toVersion IS NULL OR to_version = @toVersion) ORDER BY id DESC LIMIT 1`,
    ).get({ toVersion: toVersion ?? null }) as StoredRun | undefined) ?? null
  );
}

/** A readiness check holds no lock: its process says it is alive by renewing the run's heartbeat. */
export function heartbeatCheckRun(db: Db, runId: number): void {
  statement(
    db,
    `UPDATE preparation_runs SET holder_pid = @pid, holder_host = @host, heartbeat_at = @at WHERE id = @runId`,
  ).run({ runId, pid: process.pid, host: os.hostname(), at: nowIso() });
}

function checkRunIsAlive(db: Db, runId: number): boolean {
  const row = statement(
    db,
    'SELECT holder_pid AS pid, holder_host AS host, heartbeat_at AS heartbeatAt FROM preparation_runs WHERE id = @runId',
  ).get({ runId }) as { pid: number | null; host: string | null; heartbeatAt: string | null } | undefined;
  if (!row || row.pid === null || row.heartbeatAt === null) return false;
  if (Date.parse(row.heartbeatAt) + DEFAULT_LEASE_TIMINGS.ttlMs < Date.now()) return false;
  return row.host !== os.hostname() || isProcessAlive(row.pid);
}

export function setRunStatus(db: Db, runId: number, status: RunStatus): void {
  statement(
    db,
    `UPDATE preparation_runs SET status = @status, finished_at = CASE WHEN @status = 'finished' THEN @at ELSE NULL END WHERE id = @runId`,
  ).run({ runId, status, at: nowIso() });
}

/**
 * A stored 'running' run whose coordinator no longer holds the lock was interrupted (crash, kill, shutdown).
 * The one derivation every reader uses: `status`, the console, the Setup window and the report in every format.
 */
export function effectiveStatus(db: Db, run: Pick<StoredRun, 'id' | 'kind' | 'status'>): RunStatus {
  if (run.status !== 'running') return run.status;
  if (run.kind === 'check') return checkRunIsAlive(db, run.id) ? 'running' : 'interrupted';
  const lock = activeLock(db);
  return lock && lock.runId === run.id ? 'running' : 'interrupted';
}

export interface NewItem {
  moduleName: string;
  application: string;
  moduleVersionId: number;
  chainLength?: number;
}

export function insertItems(
  db: Db,
  runId: number,
  items: readonly NewItem[],
  excluded: readonly { moduleName: string; reason: string }[],
): void {
  const insertItem = statement(
    db,
    `INSERT INTO preparation_items (run_id, module_name, application, module_version_id, status, chain_length)
     VALUES (@runId, @moduleName, @application, @moduleVersionId, 'pending', @chainLength)`,
  );
  const insertExcluded = statement(
    db,
    'INSERT INTO preparation_excluded (run_id, module_name, reason) VALUES (@runId, @moduleName, @reason)',
  );
  for (const item of items) insertItem.run({ runId, chainLength: 0, ...item });
  for (const entry of excluded) insertExcluded.run({ runId, ...entry });
}

export interface ItemRow {
  moduleName: string;
  application: string;
  moduleVersionId: number;
  status: ModulePreparationStatus;
  artifactId: number | null;
  durationMs: number;
  errors: ModuleError[];
}

export function listItems(db: Db, runId: number): ItemRow[] {
  const rows = statement(
    db,
    `SELECT module_name AS moduleName, application, module_version_id AS moduleVersionId, status, artifact_id AS artifactId,
              duration_ms AS durationMs, errors_json AS errorsJson
       FROM preparation_items WHERE run_id = @runId ORDER BY module_name`,
  ).all({ runId }) as (Omit<ItemRow, 'errors'> & { errorsJson: string })[];
  return rows.map(({ errorsJson, ...row }) => ({ ...row, errors: JSON.parse(errorsJson) as ModuleError[] }));
}

/** The modules a run left out, each with why (spec §4). */
export function listExcluded(db: Db, runId: number): Map<string, string> {
  const rows = statement(db, 'SELECT module_name AS name, reason FROM preparation_excluded WHERE run_id = @runId').all({
    runId,
  }) as { name: string; reason: string }[];
  return new Map(rows.map((row) => [row.name, row.reason]));
}

export function markItemCompiling(db: Db, runId: number, moduleName: string): void {
  statement(
    db,
    `UPDATE preparation_items SET status = 'compiling' WHERE run_id = @runId AND module_name = @moduleName`,
  ).run({ runId, moduleName });
}

/** Commits a module's final status; it is reported only after this returns. */
export function finishItem(
  db: Db,
  runId: number,
  moduleName: string,
  result: {
    status: 'prepared' | 'failed' | 'skipped';
    artifactId: number | null;
    durationMs: number;
    errors: ModuleError[];
    /** The readiness check run whose compilation was reused, if any. */
    reusedFromRun?: number | null;
  },
): void {
  statement(
    db,
    `UPDATE preparation_items SET status = @status, artifact_id = @artifactId, duration_ms = @durationMs, errors_json = @errors,
            finished_at = @at, reused_from_run = @reusedFromRun
     WHERE run_id = @runId AND module_name = @moduleName`,
  ).run({
    reusedFromRun: result.reusedFromRun ?? null,
    runId,
    moduleName,
    status: result.status,
    artifactId: result.artifactId,
    durationMs: Math.round(result.durationMs),
    errors: JSON.stringify(result.errors),
    at: nowIso(),
  });
}

/** A resumed run compiles again what was compiling when it stopped. */
export function resetCompilingItems(db: Db, runId: number): void {
  statement(db, `UPDATE preparation_items SET status = 'pending' WHERE run_id = @runId AND status = 'compiling'`).run({
    runId,
  });
}

export function countItems(db: Db, runId: number): { total: number; counts: StatusCounts } {
  const counts: StatusCounts = { pending: 0, compiling: 0, prepared: 0, failed: 0, skipped: 0, excluded: 0 };
  const rows = statement(
    db,
    'SELECT status, count(*) AS n FROM preparation_items WHERE run_id = @runId GROUP BY status',
  ).all({ runId }) as { status: ModulePreparationStatus; n: number }[];
  let total = 0;
  for (const row of rows) {
    counts[row.status] = row.n;
    total += row.n;
  }
  counts.excluded = (
    statement(db, 'SELECT count(*) AS n FROM preparation_excluded WHERE run_id = @runId').get({ runId }) as {
      n: number;
    }
  ).n;
  return { total, counts };
}

/**
 * A module's status as every reader shows it: in a run that is no longer running, a module
 * it left compiling is pending (its compilation starts again when the run resumes).
 */
export function shownItemStatus(status: ModulePreparationStatus, runStatus: RunStatus): ModulePreparationStatus {
  return status === 'compiling' && runStatus !== 'running' ? 'pending' : status;
}

/** A run's counts as every reader shows them (`shownItemStatus`). */
export function shownCounts(counts: StatusCounts, runStatus: RunStatus): StatusCounts {
  if (runStatus === 'running' || counts.compiling === 0) return counts;
  return { ...counts, pending: counts.pending + counts.compiling, compiling: 0 };
}

export function summarizeRun(db: Db, run: StoredRun): RunSummary {
  const status = effectiveStatus(db, run);
  const { total, counts: stored } = countItems(db, run.id);
  const counts = shownCounts(stored, status);
  return {
    id: run.id,
    kind: run.kind,
    fromVersion: run.fromVersion,
    toVersion: run.toVersion,
    status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    startedBy: run.startedBy,
    retryOf: run.retryOf,
    total,
    counts,
  };
}

/** The latest readiness check run (of `toVersion`) whose items hold this compilation, if one does. */
export function checkRunOfArtifact(db: Db, artifactId: number, toVersion: string): number | null {
  const row = statement(
    db,
    `SELECT r.id FROM preparation_items i JOIN preparation_runs r ON r.id = i.run_id
      WHERE i.artifact_id = @artifactId AND r.kind = 'check' AND r.to_version = @toVersion
      ORDER BY r.id DESC LIMIT 1`,
  ).get({ artifactId, toVersion }) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Every compilation for `toVersion` held by a readiness check's items, with the latest such check run. */
export function checkRunsOfArtifacts(db: Db, toVersion: string): Map<number, number> {
  const rows = statement(
    db,
    `SELECT i.artifact_id AS artifactId, max(r.id) AS runId FROM preparation_items i JOIN preparation_runs r ON r.id = i.run_id
      WHERE r.kind = 'check' AND r.to_version = @toVersion AND i.artifact_id IS NOT NULL GROUP BY i.artifact_id`,
  ).all({ toVersion }) as { artifactId: number; runId: number }[];
  return new Map(rows.map((row) => [row.artifactId, row.runId]));
}

/**
 * The modules whose eligible version (spec §4: the latest successfully published one) is not the one a run's
 * items hold: published since, newly published, deleted, or no longer published with success. One query, so
 * `status` can say it at 10,000 modules.
 */
export function changedSinceRun(db: Db, runId: number): string[] {
  const rows = statement(
    db,
    `WITH eligible AS (
       SELECT m.name, (SELECT p.module_version_id FROM publications p WHERE p.module_id = m.id AND p.outcome = 'success'
                        ORDER BY p.id DESC LIMIT 1) AS versionId
         FROM modules m WHERE m.is_system = 0)
     SELECT e.name FROM eligible e LEFT JOIN preparation_items i ON i.run_id = @runId AND i.module_name = e.name
      WHERE e.versionId IS NOT NULL AND (i.module_version_id IS NULL OR i.module_version_id <> e.versionId)
     UNION
     SELECT i.module_name FROM preparation_items i LEFT JOIN eligible e ON e.name = i.module_name
      WHERE i.run_id = @runId AND e.versionId IS NULL
     ORDER BY 1`,
  ).all({ runId }) as { name: string }[];
  return rows.map((row) => row.name);
}

export function listRunSummaries(db: Db): RunSummary[] {
  const runs = statement(db, `SELECT ${RUN_COLUMNS} FROM preparation_runs ORDER BY id DESC`).all() as StoredRun[];
  return runs.map((run) => summarizeRun(db, run));
}

/** Appends a line to the log of a run, of the upgrade steps before it, or both. */
export function appendLog(db: Db, owner: { runId: number | null; upgradeId?: number | null }, line: LogLine): void {
  statement(
    db,
    'INSERT INTO run_log (run_id, upgrade_id, at, level, text) VALUES (@runId, @upgradeId, @at, @level, @text)',
  ).run({
    runId: owner.runId,
    upgradeId: owner.upgradeId ?? null,
    ...line,
  });
}

/** The last `limit` lines of a run's log, oldest first, with the upgrade steps that led to it. */
export function readLog(db: Db, runId: number, limit: number): LogLine[] {
  const rows = statement(
    db,
    `SELECT at, level, text FROM run_log
     WHERE run_id = @runId OR upgrade_id = (SELECT upgrade_id FROM preparation_runs WHERE id = @runId)
     ORDER BY id DESC LIMIT @limit`,
  ).all({ runId, limit }) as LogLine[];
  return rows.reverse();
}

/**
 * The log a window opened now should show: the running upgrade's steps when it has
 * no run yet, otherwise the latest run's log.
 */
export function readCurrentLog(db: Db, limit: number): LogLine[] {
  const upgrade = statement(db, `SELECT id FROM upgrades WHERE status = 'running' ORDER BY id DESC LIMIT 1`).get() as
    { id: number } | undefined;
  const run = latestRun(db);
  if (upgrade && (!run || run.upgradeId !== upgrade.id)) {
    const rows = statement(
      db,
      'SELECT at, level, text FROM run_log WHERE upgrade_id = @upgradeId ORDER BY id DESC LIMIT @limit',
    ).all({
      upgradeId: upgrade.id,
      limit,
    }) as LogLine[];
    return rows.reverse();
  }
  return run ? readLog(db, run.id, limit) : [];
}

/** A module's item in a run as the progressive rules read it. */
export type RunItem = Pick<ItemRow, 'status' | 'artifactId' | 'moduleVersionId'>;

/** A module's item in a run, as the progressive rules read it; null when the module is not in the run. */
export function findItem(db: Db, runId: number, moduleName: string): RunItem | null {
  return (
    (statement(
      db,
      `SELECT status, artifact_id AS artifactId, module_version_id AS moduleVersionId FROM preparation_items
       WHERE run_id = @runId AND module_name = @moduleName`,
    ).get({ runId, moduleName }) as RunItem | undefined) ?? null
  );
}

/** The current group of a progressive run (spec §4a): the modules handed to the compiler now, and its number. */
export function currentGroup(db: Db, runId: number): { number: number | null; modules: string[] } {
  const modules = (
    statement(
      db,
      `SELECT module_name AS name FROM preparation_items WHERE run_id = @runId AND status = 'compiling' ORDER BY module_name`,
    ).all({ runId }) as { name: string }[]
  ).map((row) => row.name);
  return { number: modules.length > 0 ? maxGroupNumber(db, runId) : null, modules };
}

/** The number of the latest group a run handed to the compiler (0 before the first). */
export function maxGroupNumber(db: Db, runId: number): number {
  return (
    (
      statement(db, 'SELECT max(group_number) AS n FROM preparation_items WHERE run_id = @runId').get({ runId }) as {
        n: number | null;
      }
    ).n ?? 0
  );
}

/** Puts pending items into group `groupNumber` (status `compiling`): from now on the gate refuses to publish them. */
export function markItemsInGroup(db: Db, runId: number, moduleNames: readonly string[], groupNumber: number): void {
  const mark = statement(
    db,
    `UPDATE preparation_items SET status = 'compiling', group_number = @groupNumber
     WHERE run_id = @runId AND module_name = @moduleName AND status = 'pending'`,
  );
  for (const moduleName of moduleNames) mark.run({ runId, moduleName, groupNumber });
}

/** A module published with success during a progressive run counts as prepared in it, with the deployed compilation. */
export function countPublishedAsPrepared(
  db: Db,
  runId: number,
  moduleName: string,
  published: { artifactId: number; moduleVersionId: number },
): void {
  statement(
    db,
    `UPDATE preparation_items SET status = 'prepared', artifact_id = @artifactId, module_version_id = @moduleVersionId,
       errors_json = '[]', finished_at = @at
     WHERE run_id = @runId AND module_name = @moduleName AND status <> 'compiling'`,
  ).run({ runId, moduleName, ...published, at: nowIso() });
}

/** Takes a module out of a run (it was deleted during it): it becomes excluded with the reason. */
export function removeFromRun(db: Db, runId: number, moduleName: string, reason: string): void {
  const removed = statement(
    db,
    'DELETE FROM preparation_items WHERE run_id = @runId AND module_name = @moduleName',
  ).run({ runId, moduleName });
  if (removed.changes > 0)
    statement(
      db,
      'INSERT OR REPLACE INTO preparation_excluded (run_id, module_name, reason) VALUES (@runId, @moduleName, @reason)',
    ).run({ runId, moduleName, reason });
}

/**
 * How many of a run's pending modules have no successful compilation for `version` yet: what the run
 * will compile (the others are most often reused). A module whose producer changed compiles too, so
 * the count can grow during the run; it never counts a reused module.
 */
export function countItemsToCompile(db: Db, runId: number, version: string): number {
  return (
    statement(
      db,
      `SELECT count(*) AS n FROM preparation_items i
        WHERE i.run_id = @runId AND i.status = 'pending'
          AND NOT EXISTS (SELECT 1 FROM artifacts a
                           WHERE a.module_version_id = i.module_version_id AND a.platform_version = @version AND a.success = 1)`,
    ).get({ runId, version }) as { n: number }
  ).n;
}

/**
 * Whether anything that decides a preparation's outcome changed since `at`: a module uploaded,
 * published or deleted, or a setting applied. When nothing did, a retry ends as the run before it.
 */
export function outcomeInputsChangedSince(db: Db, at: string): boolean {
  const row = statement(
    db,
    `SELECT EXISTS (SELECT 1 FROM module_versions WHERE uploaded_at > @at)
         OR EXISTS (SELECT 1 FROM publications WHERE published_at > @at)
         OR EXISTS (SELECT 1 FROM operations_log
                     WHERE requested_at > @at AND operation IN ('delete', 'config-apply') AND outcome <> 'refused') AS changed`,
  ).get({ at }) as { changed: number };
  return row.changed === 1;
}
