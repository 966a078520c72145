import fs from 'node:fs';
import { testFaults } from './test-faults';
import type { EngineContext } from './engine-context';
import { engineOptionsFromEnvironment, type EngineOptions } from './engine-options';
import { conditionOf, folderIsReadOnly, readOnlyError } from './environment-conditions';
import { announcePresence, othersPresent } from './environment-presence';
import type { WorkerSpawner } from './process/worker-spawner';
import { openSharedCacheFromEnvironment, type SharedCacheOpener } from './default-shared-cache';
import { databasePath, openDatabase, openDatabaseReadOnly, type Db } from './store/database';
import { readMarker } from './upgrade/backup';
import { recoverInterruptedUpgrade, type Recovery } from './upgrade/recover-interrupted-upgrade';

/** What a command does with the environment: only reads it (status, report), or may write it. */
export type EnvironmentAccess = 'read' | 'write';

/**
 * Opens an existing environment for the engine: the database (migrated), and the
 * roll-back of an upgrade that a crash interrupted before it switched versions.
 * `options` default to the process's (engineOptionsFromEnvironment). With `openedBy`
 * ("config-tool serve"), the process is recorded as having it open (environment-presence.ts)
 * until `leave()` or its exit, so `import --force` won't replace it underneath.
 * `access: 'read'` still works where the environment can't be written (it is then
 * opened read-only and nothing is recovered); a writing command is refused there.
 * `openSharedCache` lets a process that keeps the shared cache's secrets elsewhere (the service) use them.
 */
export function openEnvironment(
  environmentDir: string,
  options: {
    spawner: WorkerSpawner;
    workerEnv?: Record<string, string>;
    options?: EngineOptions;
    openedBy?: string;
    access?: EnvironmentAccess;
    /** How runs open the shared cache; by default with the variables' or the user file's secrets. */
    openSharedCache?: SharedCacheOpener;
  },
): EngineContext & { recovered: Recovery; leave: () => void } {
  const engineOptions = options.options ?? engineOptionsFromEnvironment();
  const opened = openForAccess(environmentDir, options.access ?? 'write');
  const leave = options.openedBy && opened.writable ? announcePresence(environmentDir, options.openedBy) : () => {};
  const context: EngineContext = {
    environmentDir,
    db: opened.db,
    spawner: options.spawner,
    workerEnv: options.workerEnv,
    options: engineOptions,
    openSharedCache: options.openSharedCache ?? openSharedCacheFromEnvironment,
    faults: testFaults(environmentDir, engineOptions),
  };
  try {
    const recovered = opened.writable ? recoverInterruptedUpgrade(context) : readOnlyRecovery(environmentDir);
    if (opened.writable) othersPresent(environmentDir); // removes the presence files of processes that were killed
    limitDatabaseSize(opened.db, engineOptions);
    return { ...context, recovered, leave };
  } catch (error) {
    opened.db.close();
    leave();
    throw error;
  }
}

function openForAccess(environmentDir: string, access: EnvironmentAccess): { db: Db; writable: boolean } {
  const file = databasePath(environmentDir);
  const fileReadOnly = fs.existsSync(file) && !isWritable(file);
  if (fileReadOnly || folderIsReadOnly(environmentDir)) {
    if (access === 'write') throw readOnlyError(environmentDir, environmentDir);
    return { db: openDatabaseReadOnly(environmentDir), writable: false };
  }
  try {
    return { db: openDatabase(environmentDir), writable: true };
  } catch (error) {
    // Reading needs no room and no write access: a read-only copy still answers.
    const condition = conditionOf(error);
    if (
      access === 'read' &&
      condition !== null &&
      condition !== 'environment-corrupt' &&
      condition !== 'environment-busy'
    )
      return { db: openDatabaseReadOnly(environmentDir), writable: false };
    throw error;
  }
}

function isWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** An upgrade interrupted before its switch can't be rolled back in a folder that can't be written: say so. */
function readOnlyRecovery(environmentDir: string): Recovery {
  const marker = readMarker(environmentDir);
  if (!marker) return { outcome: 'none', warning: null };
  return {
    outcome: 'none',
    warning: `the upgrade from ${marker.fromVersion} to ${marker.toVersion} was interrupted and is rolled back the next time the environment is opened where it can be written (the folder is read-only).`,
  };
}

/**
 * The test fault `db-max-pages:N`: the database may grow N pages more, then writes fail as on a
 * full disk. It is compacted first, so no free page inside it postpones that.
 */
function limitDatabaseSize(db: Db, options: EngineOptions): void {
  const extra = options.faults.databaseExtraPages;
  if (extra === null) return;
  db.exec('VACUUM');
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages + extra}`);
}
