import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration001 } from './001-initial';
import { migration002 } from './002-preparation';
import { migration003 } from './003-lease-holder';
import { migration004 } from './004-readiness-check';

describe('migration 4 (run kinds, readiness check)', () => {
  it('turns retry runs into prepare runs and keeps every item and exclusion', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec(migration001);
    db.exec(migration002);
    db.exec(migration003);
    const run = db.prepare(
      `INSERT INTO preparation_runs (id, kind, retry_of, from_version, to_version, status, started_at, started_by)
       VALUES (@id, @kind, @retryOf, '11.11.3', '11.13.0', 'finished', '2026-01-01T00:00:00.000Z', 'admin')`,
    );
    run.run({ id: 1, kind: 'upgrade', retryOf: null });
    run.run({ id: 2, kind: 'retry', retryOf: 1 });
    for (const runId of [1, 2]) {
      db.prepare(
        `INSERT INTO preparation_items (run_id, module_name, application, module_version_id, status, errors_json)
         VALUES (@runId, 'Billing', 'Finance', 7, 'failed', '[{"message":"x"}]')`,
      ).run({ runId });
      db.prepare(
        `INSERT INTO preparation_excluded (run_id, module_name, reason) VALUES (@runId, 'Draft', 'uploaded, never published')`,
      ).run({ runId });
    }

    db.transaction(() => db.exec(migration004))();

    expect(db.prepare('SELECT id, kind, retry_of AS retryOf FROM preparation_runs ORDER BY id').all()).toEqual([
      { id: 1, kind: 'upgrade', retryOf: null },
      { id: 2, kind: 'prepare', retryOf: 1 },
    ]);
    expect(db.prepare('SELECT run_id, status, errors_json, reused_from_run FROM preparation_items').all()).toEqual([
      { run_id: 1, status: 'failed', errors_json: '[{"message":"x"}]', reused_from_run: null },
      { run_id: 2, status: 'failed', errors_json: '[{"message":"x"}]', reused_from_run: null },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM preparation_excluded').get()).toEqual({ n: 2 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // A check run is a kind of its own now; deleting a run still takes its items with it.
    db.prepare(
      `INSERT INTO preparation_runs (kind, from_version, to_version, status, started_at, started_by)
       VALUES ('check', '11.11.3', '11.17.0', 'running', '2026-01-02T00:00:00.000Z', 'admin')`,
    ).run();
    db.prepare('DELETE FROM preparation_runs WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) AS n FROM preparation_items').get()).toEqual({ n: 1 });
  });
});
