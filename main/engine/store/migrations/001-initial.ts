/** Migration 1: the environment, its modules, compilations, publications, settings and operations log. Never edit once released. */
export const migration001 = `
CREATE TABLE environment (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  platform_version TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE modules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  application_id INTEGER NOT NULL REFERENCES applications(id),
  kind TEXT NOT NULL CHECK (kind IN ('web', 'mobile', 'service', 'library')),
  is_system INTEGER NOT NULL DEFAULT 0,
  latest_version_id INTEGER,
  created_at TEXT NOT NULL
);

CREATE TABLE module_versions (
  id INTEGER PRIMARY KEY,
  module_id INTEGER NOT NULL REFERENCES modules(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  source_hash TEXT NOT NULL,
  references_json TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  UNIQUE (module_id, number)
);

CREATE TABLE module_sources (
  module_version_id INTEGER NOT NULL REFERENCES module_versions(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (module_version_id, path)
) WITHOUT ROWID;

-- A compilation of one module version for one platform version; input_hash covers
-- the sources, the producers' interfaces and the compiler, so a hit can be reused.
CREATE TABLE artifacts (
  id INTEGER PRIMARY KEY,
  module_version_id INTEGER NOT NULL REFERENCES module_versions(id) ON DELETE CASCADE,
  platform_version TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  success INTEGER NOT NULL,
  interface_hash TEXT,
  js_json TEXT NOT NULL,
  declarations_json TEXT NOT NULL,
  diagnostics_json TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (module_version_id, platform_version, input_hash)
);

-- Every compiler invocation, so "nothing prepared is compiled twice" can be checked.
CREATE TABLE compilations (
  id INTEGER PRIMARY KEY,
  module_version_id INTEGER NOT NULL,
  platform_version TEXT NOT NULL,
  purpose TEXT NOT NULL,
  compiled_at TEXT NOT NULL
);
CREATE INDEX compilations_by_version ON compilations (module_version_id, platform_version);

CREATE TABLE publications (
  id INTEGER PRIMARY KEY,
  module_id INTEGER NOT NULL REFERENCES modules(id) ON DELETE CASCADE,
  module_version_id INTEGER NOT NULL REFERENCES module_versions(id) ON DELETE CASCADE,
  artifact_id INTEGER REFERENCES artifacts(id) ON DELETE SET NULL,
  platform_version TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failed')),
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL
);
CREATE INDEX publications_by_module ON publications (module_id, outcome, id);

-- What runs: one row per deployed module.
CREATE TABLE deployments (
  module_id INTEGER PRIMARY KEY REFERENCES modules(id) ON DELETE CASCADE,
  publication_id INTEGER NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
  artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
  platform_version TEXT NOT NULL,
  deployed_at TEXT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  applied_value TEXT,
  updated_at TEXT NOT NULL,
  applied_at TEXT
);

CREATE TABLE operations_log (
  id INTEGER PRIMARY KEY,
  operation TEXT NOT NULL,
  target TEXT,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'refused', 'succeeded', 'failed')),
  message TEXT
);
`;
