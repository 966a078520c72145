import type { RunKind } from '../../../common/domain';
import type { SharedCacheCounts, SharedCacheOrigin } from '../shared-cache/shared-cache-types';
import type { Db } from './database';
import { statement } from './statement-cache';

/** Records where a run item's compilation came from when the shared cache gave it (spec §5 `reusedFromSharedCache`). */
export function recordSharedOrigin(db: Db, runId: number, moduleName: string, origin: SharedCacheOrigin): void {
  statement(
    db,
    'UPDATE preparation_items SET shared_origin_json = @origin WHERE run_id = @runId AND module_name = @moduleName',
  ).run({ runId, moduleName, origin: JSON.stringify(origin) });
}

/** Records a run's dealings with the shared cache (spec §5 `run.sharedCache`). */
export function recordSharedCounts(db: Db, runId: number, counts: SharedCacheCounts): void {
  statement(db, 'UPDATE preparation_runs SET shared_cache_json = @counts WHERE id = @runId').run({
    runId,
    counts: JSON.stringify(counts),
  });
}

/** A run's shared-cache counts, or null when it did not use the cache. */
export function readSharedCounts(db: Db, runId: number): SharedCacheCounts | null {
  const row = statement(db, 'SELECT shared_cache_json AS counts FROM preparation_runs WHERE id = @runId').get({
    runId,
  }) as { counts: string | null } | undefined;
  return row?.counts ? (JSON.parse(row.counts) as SharedCacheCounts) : null;
}

/** The latest run that used the shared cache: its id, kind, target, start and counts; null when none did. */
export function latestSharedCounts(
  db: Db,
): { runId: number; kind: RunKind; toVersion: string; startedAt: string; counts: SharedCacheCounts } | null {
  const row = statement(
    db,
    `SELECT id, kind, to_version AS toVersion, started_at AS startedAt, shared_cache_json AS counts
       FROM preparation_runs WHERE shared_cache_json IS NOT NULL ORDER BY id DESC LIMIT 1`,
  ).get({}) as { id: number; kind: RunKind; toVersion: string; startedAt: string; counts: string } | undefined;
  if (!row) return null;
  return {
    runId: row.id,
    kind: row.kind,
    toVersion: row.toVersion,
    startedAt: row.startedAt,
    counts: JSON.parse(row.counts) as SharedCacheCounts,
  };
}
