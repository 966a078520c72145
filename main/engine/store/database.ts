import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { conditionOf } from '../environment-conditions';
import { UserError } from '../errors';
import { engineLoadError, isEngineLoadError } from './database-engine';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { registerStoreFunctions } from './verified-compilation';

/** The SQLite connection type used by every repository. */
export type Db = Database.Database;

/** File name of the environment database inside an environment folder. */
export const DATABASE_FILE = 'environment.db';

export function databasePath(environmentDir: string): string {
  return path.join(environmentDir, DATABASE_FILE);
}

export function environmentExists(environmentDir: string): boolean {
  return fs.existsSync(databasePath(environmentDir));
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (and migrates) an environment database. `create` allows a new, empty one;
 * otherwise a missing environment is an error. A file that is not SQLite, or one
 * written by a newer version of the tool, is refused with a clear error.
 */
export function openDatabase(environmentDir: string, options: { create?: boolean; readonly?: boolean } = {}): Db {
  const file = databasePath(environmentDir);
  if (!fs.existsSync(file)) {
    if (!options.create) {
      throw new UserError(
        'environment-missing',
        `No environment in ${environmentDir}. Create one with 'config-tool init --demo' or 'config-tool import FACTORY'.`,
      );
    }
    fs.mkdirSync(environmentDir, { recursive: true });
  } else {
    assertSqliteFile(file);
  }

  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    // A machine that can't load the engine is not a corrupt environment: say what it needs.
    if (isEngineLoadError(error)) throw engineLoadError(error);
    // A full disk or a read-only folder is said as such (environment-conditions.ts), not as damage.
    if (conditionOf(error) !== null && conditionOf(error) !== 'environment-corrupt') throw error;
    throw new UserError(
      'environment-corrupt',
      `The environment database ${file} can't be opened: ${(error as Error).message}`,
    );
  }
  try {
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Opens an environment for reading where it can't be written (a read-only mount, a folder
 * this user can't write): SQLite's read-only mode, or, where that can't open a WAL database
 * without its shared-memory file, a copy in memory. The schema must be current (nothing can
 * be migrated there). For `status`, `report` and `config list`.
 */
export function openDatabaseReadOnly(environmentDir: string): Db {
  const file = databasePath(environmentDir);
  assertSqliteFile(file);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    const copy = fs.readFileSync(file);
    // Bytes 18-19 say "WAL"; a database in memory has no log file, so read it as a rollback-journal one.
    copy[18] = 1;
    copy[19] = 1;
    db = new Database(copy, { readonly: true });
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_SCHEMA_VERSION) {
    try {
      migrate(db, file); // throws: written by a newer tool
    } finally {
      db.close();
    }
  }
  if (version < LATEST_SCHEMA_VERSION) {
    db.close();
    throw new UserError(
      'read-only',
      `The environment folder ${environmentDir} is read-only and its database needs an update this version of the tool makes when it opens it: make the folder writable, then run the command again.`,
    );
  }
  return db;
}

function assertSqliteFile(file: string): void {
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  const read = fs.readSync(fd, header, 0, 16, 0);
  fs.closeSync(fd);
  if (read > 0 && (read < 16 || header.toString('latin1') !== SQLITE_HEADER)) {
    throw new UserError(
      'environment-corrupt',
      `${file} is not an environment database (not a SQLite file). Nothing was changed.`,
    );
  }
}

/** Applies pending migrations, each in its own transaction. */
export function migrate(db: Db, file = 'the environment database'): void {
  let current: number;
  try {
    current = db.pragma('user_version', { simple: true }) as number;
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw new UserError('environment-corrupt', `${file} is damaged and can't be read: ${(error as Error).message}`);
  }
  if (current > LATEST_SCHEMA_VERSION) {
    throw new UserError(
      'environment-too-new',
      `${file} was written by a newer version of the Configuration Tool (schema ${current}; this one knows up to ${LATEST_SCHEMA_VERSION}). Install the newer tool to open it.`,
    );
  }
  if (current < LATEST_SCHEMA_VERSION) registerStoreFunctions(db);
  for (let version = current + 1; version <= LATEST_SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]);
      db.pragma(`user_version = ${version}`);
    })();
  }
}

/** The current time as ISO 8601, in one place so every timestamp has the same shape. */
export function nowIso(): string {
  return new Date().toISOString();
}
