/**
 * Migration 4: runs get the kinds of spec §5 (`upgrade`, `prepare`, `check`; a former
 * `retry` is a `prepare`), a readiness check's liveness (it takes no lock, so its process
 * and heartbeat are kept on the run), and each item says which readiness check's
 * compilation it reused. SQLite can't change a CHECK constraint in place: the run tables
 * are rebuilt, children copied aside first so dropping the old runs cascades nothing.
 */
export const migration004 = `
CREATE TEMP TABLE items_copy AS SELECT * FROM preparation_items;
CREATE TEMP TABLE excluded_copy AS SELECT * FROM preparation_excluded;
DROP TABLE preparation_items;
DROP TABLE preparation_excluded;

CREATE TABLE preparation_runs_new (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('upgrade', 'prepare', 'check')),
  upgrade_id INTEGER REFERENCES upgrades(id),
  retry_of INTEGER REFERENCES preparation_runs_new(id),
  from_version TEXT NOT NULL,
  to_version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  started_by TEXT NOT NULL,
  holder_pid INTEGER,
  holder_host TEXT,
  heartbeat_at TEXT
);
INSERT INTO preparation_runs_new (id, kind, upgrade_id, retry_of, from_version, to_version, status, started_at, finished_at, started_by)
  SELECT id, CASE kind WHEN 'retry' THEN 'prepare' ELSE kind END, upgrade_id, retry_of, from_version, to_version, status,
         started_at, finished_at, started_by
    FROM preparation_runs;
DROP TABLE preparation_runs;
ALTER TABLE preparation_runs_new RENAME TO preparation_runs;
CREATE INDEX preparation_runs_by_kind ON preparation_runs (kind, to_version, id);

CREATE TABLE preparation_items (
  run_id INTEGER NOT NULL REFERENCES preparation_runs(id) ON DELETE CASCADE,
  module_name TEXT NOT NULL,
  application TEXT NOT NULL,
  module_version_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'compiling', 'prepared', 'failed', 'skipped')),
  artifact_id INTEGER REFERENCES artifacts(id) ON DELETE SET NULL,
  duration_ms INTEGER NOT NULL DEFAULT 0,
  errors_json TEXT NOT NULL DEFAULT '[]',
  chain_length INTEGER NOT NULL DEFAULT 0,
  finished_at TEXT,
  reused_from_run INTEGER,
  PRIMARY KEY (run_id, module_name)
) WITHOUT ROWID;
INSERT INTO preparation_items (run_id, module_name, application, module_version_id, status, artifact_id, duration_ms, errors_json, chain_length, finished_at)
  SELECT run_id, module_name, application, module_version_id, status, artifact_id, duration_ms, errors_json, chain_length, finished_at
    FROM items_copy;
CREATE INDEX preparation_items_by_artifact ON preparation_items (artifact_id);

CREATE TABLE preparation_excluded (
  run_id INTEGER NOT NULL REFERENCES preparation_runs(id) ON DELETE CASCADE,
  module_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (run_id, module_name)
) WITHOUT ROWID;
INSERT INTO preparation_excluded (run_id, module_name, reason) SELECT run_id, module_name, reason FROM excluded_copy;

DROP TABLE items_copy;
DROP TABLE excluded_copy;
`;
