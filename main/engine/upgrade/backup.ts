import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import type { Db } from '../store/database';
import type { Lease } from '../store/lock-repository';

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

/** Written durably (file and folder synced): after a power cut the marker is there whole, or not at all. */
export function writeMarker(environmentDir: string, marker: UpgradeMarker): void {
  const file = markerPath(environmentDir);
  const fd = fs.openSync(`${file}.tmp`, 'w');
  try {
    fs.writeFileSync(fd, JSON.stringify(marker, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(`${file}.tmp`, file);
  syncFolder(environmentDir);
}

export function removeMarker(environmentDir: string): void {
  fs.rmSync(markerPath(environmentDir), { force: true });
  syncFolder(environmentDir);
}

/** Makes a rename or removal in the folder durable (where the platform can sync a folder). */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows can't open a folder for syncing; its renames are durable enough for this.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
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

/** The rollback can't happen: the backup file is gone. Says what to do; the environment still opens. */
export function missingBackupMessage(marker: { toVersion: string; fromVersion: string }, backupPath: string): string {
  return (
    `The upgrade from ${marker.fromVersion} to ${marker.toVersion} stopped before it switched versions and ` +
    `can't be rolled back: its backup ${backupPath} is missing. The environment still runs ${marker.fromVersion}, but ` +
    `its platform database and system components may be partly upgraded. Put the backup file back at that path ` +
    `and open the environment again to roll the upgrade back, or run 'config-tool upgrade --to ${marker.toVersion}' to finish it.`
  );
}

/**
 * Puts every row back as the backup has it, through the open connection (so no
 * other process ever sees a half-restored file), in one transaction that first
 * checks `lease` still holds the lock. A missing backup is a `backup-missing` error.
 */
export function restoreFromBackup(
  db: Db,
  backupPath: string,
  lease: Lease,
  marker: { toVersion: string; fromVersion: string },
): void {
  // ATTACH would create an empty database in its place.
  if (!fs.existsSync(backupPath)) throw new UserError('backup-missing', missingBackupMessage(marker, backupPath));
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
    lease.write(() => {
      for (const table of tables) {
        db.exec(`DELETE FROM main."${table}"`);
        db.exec(`INSERT INTO main."${table}" SELECT * FROM backup."${table}"`);
      }
    });
  } finally {
    db.pragma('foreign_keys = ON');
    db.exec('DETACH DATABASE backup');
  }
}
