import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database';

/** Written before an upgrade changes anything, removed once it switched versions: its presence after a crash means "roll back". */
export interface UpgradeMarker {
  upgradeId: number;
  fromVersion: string;
  toVersion: string;
  backupPath: string;
  startedAt: string;
  startedBy: string;
}

const MARKER_FILE = 'upgrade-in-progress.json';

export function markerPath(environmentDir: string): string {
  return path.join(environmentDir, MARKER_FILE);
}

export function readMarker(environmentDir: string): UpgradeMarker | null {
  try {
    return JSON.parse(fs.readFileSync(markerPath(environmentDir), 'utf8')) as UpgradeMarker;
  } catch {
    return null;
  }
}

export function writeMarker(environmentDir: string, marker: UpgradeMarker): void {
  const file = markerPath(environmentDir);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(marker, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export function removeMarker(environmentDir: string): void {
  fs.rmSync(markerPath(environmentDir), { force: true });
}

/** A consistent copy of the live database (SQLite's backup API), kept with a timestamp. */
export async function backupDatabase(db: Db, environmentDir: string, fromVersion: string): Promise<string> {
  const dir = path.join(environmentDir, 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `environment-${fromVersion}-${stamp}.db`);
  await db.backup(file);
  return file;
}

/** Tables a restore leaves alone: the lock, the operations log and the run log (it says why the upgrade failed) outlive a rollback. */
const KEPT_TABLES = new Set(['locks', 'operations_log', 'run_log']);

/**
 * Puts every row back as the backup has it, through the open connection (so no
 * other process ever sees a half-restored file), in one transaction.
 */
export function restoreFromBackup(db: Db, backupPath: string): void {
  const tables = (
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
  )
    .map((row) => row.name)
    .filter((name) => !KEPT_TABLES.has(name));
  db.prepare('ATTACH DATABASE @backupPath AS backup').run({ backupPath });
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const table of tables) {
        db.exec(`DELETE FROM main."${table}"`);
        db.exec(`INSERT INTO main."${table}" SELECT * FROM backup."${table}"`);
      }
    })();
  } finally {
    db.pragma('foreign_keys = ON');
    db.exec('DETACH DATABASE backup');
  }
}
