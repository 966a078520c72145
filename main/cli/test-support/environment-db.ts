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
