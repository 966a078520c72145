import Database from 'better-sqlite3';
import path from 'node:path';

/** Reads an environment database directly (read-only), to check what a command left behind. */
export function readEnvironmentDb<T>(environmentDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(environmentDir, 'environment.db'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Per module: the platform version it runs on (its deployment), or null when nothing of it is deployed. */
export function deployedVersions(environmentDir: string): Record<string, string | null> {
  return readEnvironmentDb(environmentDir, (db) => {
    const rows = db
      .prepare(
        `SELECT m.name AS name, d.platform_version AS version
         FROM modules m LEFT JOIN deployments d ON d.module_id = m.id WHERE m.is_system = 0 ORDER BY m.name`,
      )
      .all() as { name: string; version: string | null }[];
    return Object.fromEntries(rows.map((row) => [row.name, row.version]));
  });
}

/** Runs one read-only query on an environment database; `params` are its named parameters (`@name`). */
export function queryEnvironment<T>(environmentDir: string, sql: string, params: Record<string, unknown> = {}): T[] {
  return readEnvironmentDb(environmentDir, (db) => db.prepare(sql).all(params) as T[]);
}

/**
 * How often each module was compiled for `purpose` ('prepare' by a preparation, 'check' by a readiness check,
 * 'publish' by a publish), for `platformVersion` only when given: the counter behind "never compiled twice".
 */
export function compilationsPerModule(
  environmentDir: string,
  purpose: 'prepare' | 'check' | 'publish',
  platformVersion?: string,
): Record<string, number> {
  const rows = queryEnvironment<{ name: string; n: number }>(
    environmentDir,
    `SELECT m.name, count(*) AS n FROM compilations c JOIN module_versions v ON v.id = c.module_version_id
       JOIN modules m ON m.id = v.module_id
      WHERE c.purpose = @purpose AND (@platformVersion IS NULL OR c.platform_version = @platformVersion)
      GROUP BY m.name`,
    { purpose, platformVersion: platformVersion ?? null },
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}
