/** Migration 2: upgrades, preparation runs and their items, the run log and the environment lock (lease). */
export const migration002 = `
CREATE TABLE upgrades (
  id INTEGER PRIMARY KEY,
  from_version TEXT NOT NULL,
  to_version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'rolled-back')),
  current_step TEXT,
  failed_step TEXT,
  error TEXT,
  backup_path TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  started_by TEXT NOT NULL
);

CREATE TABLE preparation_runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('upgrade', 'retry')),
  upgrade_id INTEGER REFERENCES upgrades(id),
  retry_of INTEGER REFERENCES preparation_runs(id),
  from_version TEXT NOT NULL,
  to_version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  started_by TEXT NOT NULL
);

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
  PRIMARY KEY (run_id, module_name)
) WITHOUT ROWID;

CREATE TABLE preparation_excluded (
  run_id INTEGER NOT NULL REFERENCES preparation_runs(id) ON DELETE CASCADE,
  module_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (run_id, module_name)
) WITHOUT ROWID;

-- A line belongs to a run, or to the upgrade steps before its run exists (or to both).
CREATE TABLE run_log (
  id INTEGER PRIMARY KEY,
  run_id INTEGER,
  upgrade_id INTEGER,
  at TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
  text TEXT NOT NULL
);
CREATE INDEX run_log_by_run ON run_log (run_id, id);
CREATE INDEX run_log_by_upgrade ON run_log (upgrade_id, id);

-- The platform's own database schema, migrated by an upgrade.
CREATE TABLE platform_metadata (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The environment lock: a lease renewed by a heartbeat, so it holds across
-- processes and expires when its holder dies.
CREATE TABLE locks (
  name TEXT PRIMARY KEY,
  operation TEXT NOT NULL,
  run_id INTEGER,
  holder TEXT NOT NULL,
  owner_token TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  started_at TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
`;
