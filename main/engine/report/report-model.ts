import type {
  ModuleError,
  ModulePreparationStatus,
  RunKind,
  RunStatus,
  RunSummary,
  StatusCounts,
} from '../../../common/domain';
import { UserError } from '../errors';
import { effectiveStatus, shownItemStatus } from '../preparation/run-repository';
import type { Db } from '../store/database';
import type { SharedCacheCounts, SharedCacheOrigin } from '../shared-cache/shared-cache-types';

/** One module of a run as the report shows it (spec §5, `modules[]`). */
export interface ReportModule {
  name: string;
  application: string;
  status: ModulePreparationStatus;
  durationMs: number;
  errors: ModuleError[];
  /**
   * The module version (its upload number) the run prepares: the one last published with success (spec §4b);
   * absent when the module was deleted since. An addition to the spec's fields.
   */
  version?: number;
  /** Present when a preparation reused this module's compilation from that readiness check run (spec §4c). */
  reusedFromCheck?: number;
  /** Present when the module's compilation came from the shared compilation cache (spec §4d, §5). */
  reusedFromSharedCache?: SharedCacheOrigin;
}

/** A module left out of a run, with the reason (spec §5, `excluded[]`). */
export interface ReportExcluded {
  name: string;
  reason: string;
}

/** The run part of the report (spec §5, `run`). */
export type ReportRun = Pick<
  RunSummary,
  'id' | 'kind' | 'fromVersion' | 'toVersion' | 'status' | 'startedAt' | 'finishedAt'
> & {
  counts: Pick<StatusCounts, 'prepared' | 'failed' | 'skipped' | 'excluded'>;
  /** Present when the run used the shared compilation cache (spec §4d, §5). */
  sharedCache?: SharedCacheCounts;
};

/** The preparation report, exactly the object `report --format json` prints (spec §5). */
export interface PreparationReport {
  run: ReportRun;
  modules: ReportModule[];
  excluded: ReportExcluded[];
}

/**
 * Everything about a run that the export formats need before the first module row:
 * the spec's `run` object plus what HTML and JUnit show in their headers.
 */
export interface ReportHead {
  run: ReportRun;
  kind: RunKind;
  retryOf: number | null;
  startedBy: string;
  environmentName: string | null;
  /** Totals over the run's modules (not the excluded ones). */
  totals: { modules: number; pending: number; compiling: number; durationMs: number };
}

interface RunRow {
  id: number;
  kind: RunKind;
  retry_of: number | null;
  from_version: string;
  to_version: string;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  started_by: string;
  shared_cache_json: string | null;
}

const RUN_COLUMNS =
  'id, kind, retry_of, from_version, to_version, status, started_at, finished_at, started_by, shared_cache_json';

/**
 * Reads the run header (counts included) of run `runId`, or of the latest run when omitted.
 * Throws UserError('not-found') when the environment has no run or no run with that id.
 */
export function loadReportHead(db: Db, runId?: number): ReportHead {
  const row = findRun(db, runId);
  const statusCounts = db
    .prepare(
      `SELECT status, count(*) AS count, coalesce(sum(duration_ms), 0) AS duration
         FROM preparation_items WHERE run_id = @runId GROUP BY status`,
    )
    .all({ runId: row.id }) as { status: ModulePreparationStatus; count: number; duration: number }[];
  const byStatus = (status: ModulePreparationStatus): number =>
    statusCounts.find((c) => c.status === status)?.count ?? 0;
  const excluded = db.prepare('SELECT count(*) AS count FROM preparation_excluded WHERE run_id = @runId').get({
    runId: row.id,
  }) as { count: number };
  const environment = db.prepare('SELECT name FROM environment LIMIT 1').get() as { name: string } | undefined;

  // Derived as `status` and the windows derive it: a run whose holder is gone was interrupted.
  const status = effectiveStatus(db, { id: row.id, kind: row.kind, status: row.status });
  const shown = (itemStatus: ModulePreparationStatus) =>
    statusCounts.filter((c) => shownItemStatus(c.status, status) === itemStatus).reduce((n, c) => n + c.count, 0);
  return {
    run: {
      id: row.id,
      kind: row.kind,
      fromVersion: row.from_version,
      toVersion: row.to_version,
      status,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      counts: {
        prepared: byStatus('prepared'),
        failed: byStatus('failed'),
        skipped: byStatus('skipped'),
        excluded: excluded.count,
      },
      ...(row.shared_cache_json ? { sharedCache: JSON.parse(row.shared_cache_json) as SharedCacheCounts } : {}),
    },
    kind: row.kind,
    retryOf: row.retry_of,
    startedBy: row.started_by,
    environmentName: environment?.name ?? null,
    totals: {
      modules: statusCounts.reduce((sum, c) => sum + c.count, 0),
      pending: shown('pending'),
      compiling: shown('compiling'),
      durationMs: statusCounts.reduce((sum, c) => sum + c.duration, 0),
    },
  };
}

function findRun(db: Db, runId: number | undefined): RunRow {
  if (runId === undefined) {
    // The latest preparation: a readiness check prepares nothing, so it is reported only when asked for by id.
    const latest = db
      .prepare(`SELECT ${RUN_COLUMNS} FROM preparation_runs WHERE kind <> 'check' ORDER BY id DESC LIMIT 1`)
      .get() as RunRow | undefined;
    if (!latest) throw new UserError('not-found', 'No preparation has run in this environment yet.');
    return latest;
  }
  // A NaN or fractional id (e.g. a mistyped CLI argument) can't name a run; say so instead of a SQLite error.
  const row = Number.isSafeInteger(runId)
    ? (db.prepare(`SELECT ${RUN_COLUMNS} FROM preparation_runs WHERE id = @runId`).get({ runId }) as RunRow | undefined)
    : undefined;
  if (!row) {
    const latest = db.prepare('SELECT max(id) AS id FROM preparation_runs').get() as { id: number | null };
    const hint =
      latest.id === null ? 'No preparation has run in this environment yet.' : `The latest run is ${latest.id}.`;
    throw new UserError('not-found', `There is no preparation run ${String(runId)} in this environment. ${hint}`);
  }
  return row;
}

/** Where a page of rows starts and how long it is; see iterateReportModules. */
export interface PageOptions {
  /** Only rows whose name sorts after this one (keyset paging); names are never empty, so '' means from the start. */
  after?: string;
  limit?: number;
}

interface ItemRow {
  module_name: string;
  application: string;
  status: ModulePreparationStatus;
  duration_ms: number;
  errors_json: string;
  reused_from_run: number | null;
  shared_origin_json: string | null;
  version: number | null;
}

/**
 * The order every report lists modules in: what needs the admin first (failed, then
 * skipped, then unfinished), the prepared ones last; by name within a status.
 */
export const REPORT_STATUS_ORDER: readonly ModulePreparationStatus[] = [
  'failed',
  'skipped',
  'compiling',
  'pending',
  'prepared',
];

/**
 * Streams a run's modules of one status sorted by name (all of them, by name, without
 * `status`; REPORT_STATUS_ORDER gives the report's order), one row at a time (better-sqlite3 `.iterate()`),
 * so a big run is never held in memory. Like every better-sqlite3 iterator it blocks writes
 * on the connection ("connection is busy") until it is exhausted or returned: don't await
 * between rows on a shared connection; read in pages with `limit` and `after` instead.
 */
export function* iterateReportModules(
  db: Db,
  runId: number,
  page: PageOptions & { status?: ModulePreparationStatus } = {},
): Generator<ReportModule> {
  const runStatus = runStatusOf(db, runId);
  const statement = db.prepare(
    `SELECT i.module_name, i.application, i.status, i.duration_ms, i.errors_json, i.reused_from_run, i.shared_origin_json, v.number AS version
       FROM preparation_items i
       LEFT JOIN module_versions v ON v.id = i.module_version_id
      WHERE i.run_id = @runId AND i.module_name > @after AND (@status IS NULL OR i.status = @status)
      ORDER BY i.module_name
      LIMIT @limit`,
  );
  for (const row of statement.iterate({
    runId,
    after: page.after ?? '',
    limit: page.limit ?? -1,
    status: page.status ?? null,
  }) as Iterable<ItemRow>) {
    const module: ReportModule = {
      name: row.module_name,
      application: row.application,
      status: shownItemStatus(row.status, runStatus),
      durationMs: row.duration_ms,
      errors: parseErrors(row.errors_json),
    };
    if (row.version !== null) module.version = row.version;
    if (row.reused_from_run !== null) module.reusedFromCheck = row.reused_from_run;
    if (row.shared_origin_json !== null)
      module.reusedFromSharedCache = JSON.parse(row.shared_origin_json) as SharedCacheOrigin;
    yield module;
  }
}

function runStatusOf(db: Db, runId: number): RunStatus {
  const row = db.prepare('SELECT id, kind, status FROM preparation_runs WHERE id = @runId').get({ runId }) as
    { id: number; kind: RunKind; status: RunStatus } | undefined;
  return row ? effectiveStatus(db, row) : 'finished';
}

/** An excluded module as the exports read it: the spec's fields plus its application, when the module still exists. */
export interface ReportExcludedRow extends ReportExcluded {
  application: string | null;
}

/** Streams a run's excluded modules sorted by name; same paging and busy-connection rules as iterateReportModules. */
export function* iterateReportExcluded(db: Db, runId: number, page: PageOptions = {}): Generator<ReportExcludedRow> {
  // The run stores no application for excluded modules; the module itself (if not deleted since) knows it.
  const statement = db.prepare(
    `SELECT x.module_name, x.reason, a.name AS application
       FROM preparation_excluded x
       LEFT JOIN modules m ON m.name = x.module_name
       LEFT JOIN applications a ON a.id = m.application_id
      WHERE x.run_id = @runId AND x.module_name > @after
      ORDER BY x.module_name
      LIMIT @limit`,
  );
  for (const row of statement.iterate({ runId, after: page.after ?? '', limit: page.limit ?? -1 }) as Iterable<{
    module_name: string;
    reason: string;
    application: string | null;
  }>) {
    yield { name: row.module_name, reason: row.reason, application: row.application };
  }
}

/**
 * The whole report of run `runId` (the latest run when omitted), in memory. Use the
 * iterators, or writeReport, for runs too big to hold at once.
 */
export function loadReport(db: Db, runId?: number): PreparationReport {
  const head = loadReportHead(db, runId);
  return {
    run: head.run,
    modules: REPORT_STATUS_ORDER.flatMap((status) => [...iterateReportModules(db, head.run.id, { status })]),
    excluded: [...iterateReportExcluded(db, head.run.id)].map(({ name, reason }) => ({ name, reason })),
  };
}

/**
 * Keeps only the spec's fields with the right types, so the report never shows `undefined`,
 * `null` or extra keys the compiler worker might have stored.
 */
function parseErrors(json: string): ModuleError[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // A damaged row must not make the whole report unreadable; show what is there.
    return [{ message: json }];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.map((entry: unknown): ModuleError => {
    if (typeof entry !== 'object' || entry === null) return { message: String(entry) };
    const { message, file, line, column } = entry as Record<string, unknown>;
    const error: ModuleError = { message: typeof message === 'string' ? message : String(message ?? '') };
    if (typeof file === 'string') error.file = file;
    if (typeof line === 'number') error.line = line;
    if (typeof column === 'number') error.column = column;
    return error;
  });
}
