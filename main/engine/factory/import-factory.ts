import fs from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import type { ModuleError } from '../../../common/domain';
import { scheduleCompilations, type CompileUnit, type ModuleInput } from '../compilation/compile-scheduler';
import { CompilationSession, type EngineContext } from '../engine-context';
import { UserError } from '../errors';
import { isKnownVersion } from '../platform/platform-versions';
import type { WorkerSpawner } from '../process/worker-spawner';
import { saveArtifact, recordCompilation } from '../store/artifact-repository';
import { DATABASE_FILE, databasePath, environmentExists, nowIso, openDatabase, type Db } from '../store/database';
import { recordPublication } from '../store/publication-repository';
import { insertEnvironment } from '../store/environment-repository';
import { activeLock } from '../store/lock-repository';
import { recordModuleVersion, storeModuleSources } from '../store/module-repository';
import { currentUser } from '../current-user';
import { recordOperation } from '../store/operations-log';
import { lockRefusalMessage } from '../store/lock-refusal';
import { isProcessAlive } from '../process/process-alive';
import { describePresence, othersPresent } from '../environment-presence';
import { removeMarker } from '../upgrade/backup';
import { readFactory } from './read-factory';
import { openRunSharedCache, sharedCacheFields } from '../preparation/run-shared-cache';
import type { SharedCacheCounts } from '../shared-cache/shared-cache-types';

/** Progress of an import, for a progress bar: `compiling` starts at done 0 when the first modules go to the compiler. */
export type ImportProgress = { phase: 'reading' | 'compiling'; done: number; total: number };

export interface ImportSummary {
  name: string;
  platformVersion: string;
  modules: number;
  applications: number;
  published: number;
  uploaded: number;
  /** Published in the factory, but did not compile on the environment's version: recorded as publish-failed. */
  publishFailed: { name: string; errors: ModuleError[] }[];
  /** Modules the factory itself lists as `publish-failed` (stored, never compiled), sorted by name. */
  recordedPublishFailed: string[];
  compiled: number;
  /** The import's dealings with the shared compilation cache, when it used one (spec §4d). */
  sharedCache?: SharedCacheCounts;
  /** Why the shared cache was not used, said once. */
  sharedCacheUnavailable?: string;
}

/** What importFactory takes besides its folders. */
export interface ImportOptions {
  force?: boolean;
  spawner: WorkerSpawner;
  workerEnv?: Record<string, string>;
  onProgress?: (progress: ImportProgress) => void;
  /** The shared compilation cache client (spec §4d); the import asks it before compiling. */
  openSharedCache?: EngineContext['openSharedCache'];
}

/**
 * Creates an environment from a factory folder (spec §1): published modules are
 * compiled with the environment's version and deployed. The new database is built
 * beside the old one and moved into place at the end, so an import either happens
 * whole or not at all, and `force` never loses the old environment to a failed import.
 */
export async function importFactory(
  environmentDir: string,
  factoryDir: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  const { stagingDir, db, createsFolder } = openStaging(environmentDir, options.force ?? false);
  const context: EngineContext = {
    environmentDir: stagingDir,
    db,
    spawner: options.spawner,
    workerEnv: options.workerEnv,
    openSharedCache: options.openSharedCache,
  };
  let session: CompilationSession | undefined;
  try {
    // The compiler processes start (and warm up) while this process reads the factory and stores its modules.
    session = CompilationSession.open(context);
    session.startWorkers();
    const factory = readFactory(factoryDir, {
      isKnownVersion: (version) => isKnownVersion(version),
      onModuleRead: (done, total) => options.onProgress?.({ phase: 'reading', done, total }),
    });
    db.exec('BEGIN');
    insertEnvironment(db, factory.name, factory.platformVersion);
    const stored = storeFactory(db, factory);
    await compileFactory(context, session, stored, options.onProgress);
    const { summary } = stored;
    summary.publishFailed.sort((a, b) => a.name.localeCompare(b.name));
    recordOperation(db, {
      operation: 'import',
      target: factoryDir,
      outcome: 'succeeded',
      message: `${summary.modules} modules, ${summary.published} published, ${summary.publishFailed.length} publish-failed`,
    });
    db.exec('COMMIT');
    db.pragma('journal_mode = WAL');
    db.close();
    if (environmentExists(environmentDir)) assertReplaceable(environmentDir);
    moveIntoPlace(stagingDir, environmentDir);
    return summary;
  } catch (error) {
    if (db.open) {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    }
    fs.rmSync(stagingDir, { recursive: true, force: true });
    // A failed import leaves no trace: not even the --env folder it made for its staging database.
    if (createsFolder) removeIfEmpty(environmentDir);
    throw error;
  } finally {
    session?.close();
    fs.rmSync(stagingDir, { recursive: true, force: true });
  }
}

/** The staging database an import builds, beside the environment (refused when one exists, unless forced). */
function openStaging(environmentDir: string, force: boolean): { stagingDir: string; db: Db; createsFolder: boolean } {
  if (environmentExists(environmentDir)) {
    if (!force) {
      throw new UserError(
        'environment-exists',
        `An environment already exists in ${environmentDir}. Use --force to replace it, or choose another --env folder.`,
      );
    }
    assertReplaceable(environmentDir);
  }
  const createsFolder = !fs.existsSync(environmentDir);
  removeAbandonedStaging(environmentDir);
  const stagingDir = `${environmentDir}/${STAGING_PREFIX}${process.pid}`;
  fs.rmSync(stagingDir, { recursive: true, force: true });
  try {
    const db = openDatabase(stagingDir, { create: true });
    // One transaction that nobody reads before it ends: a rollback journal writes its new pages once, where WAL
    // writes them to its log and again at the checkpoint. importFactory turns WAL on again before the move.
    db.pragma('journal_mode = DELETE');
    return { stagingDir, db, createsFolder };
  } catch (error) {
    // A full disk can stop it this early: it leaves no trace either.
    fs.rmSync(stagingDir, { recursive: true, force: true });
    if (createsFolder) removeIfEmpty(environmentDir);
    throw error;
  }
}

/** A factory stored in the staging database: what to compile, and each module's state and stored version. */
interface StoredFactory {
  platformVersion: string;
  units: CompileUnit[];
  stateOf: Map<string, string>;
  versionOf: Map<string, { moduleId: number; moduleVersionId: number; sourceHash: string }>;
  inputByVersion: Map<number, ModuleInput & { sources: Record<string, string> }>;
  user: string;
  summary: ImportSummary;
}

/**
 * Stores every module of the factory (its publish-failed ones recorded so), and the summary so far. The source
 * files are left for storeSources: they go in while the first modules compile (compileFactory).
 */
function storeFactory(db: Db, factory: ReturnType<typeof readFactory>): StoredFactory {
  const units: CompileUnit[] = [];
  const stateOf = new Map<string, string>(factory.modules.map((module) => [module.name, module.state]));
  const versionOf: StoredFactory['versionOf'] = new Map();
  for (const module of factory.modules) {
    const ids = recordModuleVersion(db, module);
    versionOf.set(module.name, ids);
    if (module.state === 'published')
      units.push({ name: module.name, references: module.references, moduleVersionId: ids.moduleVersionId });
  }
  const inputByVersion = new Map(
    factory.modules.map((module) => [
      versionOf.get(module.name)!.moduleVersionId,
      { kind: module.kind, sourceHash: versionOf.get(module.name)!.sourceHash, sources: module.sources },
    ]),
  );
  const user = currentUser();
  const failed = factory.modules.filter((module) => module.state === 'publish-failed');
  for (const module of failed) {
    recordPublication(db, {
      ...versionOf.get(module.name)!,
      artifactId: null,
      platformVersion: factory.platformVersion,
      success: false,
      user,
    });
  }
  const summary: ImportSummary = {
    name: factory.name,
    platformVersion: factory.platformVersion,
    modules: factory.modules.length,
    applications: new Set(factory.modules.map((module) => module.application)).size,
    published: 0,
    uploaded: [...stateOf.values()].filter((state) => state === 'uploaded').length,
    publishFailed: [],
    recordedPublishFailed: failed.map((module) => module.name).sort((a, b) => a.localeCompare(b)),
    compiled: 0,
  };
  return { platformVersion: factory.platformVersion, units, stateOf, versionOf, inputByVersion, user, summary };
}

/** Compiles the factory's published modules (producers first) and records each one's publication in the summary. */
async function compileFactory(
  context: EngineContext,
  session: CompilationSession,
  stored: StoredFactory,
  onProgress: ImportOptions['onProgress'],
): Promise<void> {
  const { db } = context;
  const { platformVersion, units, stateOf, versionOf, inputByVersion, user, summary } = stored;
  onProgress?.({ phase: 'compiling', done: 0, total: units.length });
  const shared = openRunSharedCache(context, {
    acceptFailed: true,
    save: (unit, result) => saveArtifact(db, unit.moduleVersionId, result),
  });
  const compiling = scheduleCompilations({
    ...(shared.schedule ? { sharedCache: shared.schedule } : {}),
    units,
    platformVersion,
    compiler: session.compiler,
    concurrency: session.jobsInFlight,
    batching: session.batching,
    loadModule: (moduleVersionId) => inputByVersion.get(moduleVersionId)!,
    loadSources: (moduleVersionId) => inputByVersion.get(moduleVersionId)!.sources,
    externalProducer: (name) => ({ missing: `is ${stateOf.get(name) ?? 'missing'}, not published` }),
    saveResult: (unit, result) => {
      recordCompilation(db, unit.moduleVersionId, platformVersion, 'import');
      return saveArtifact(db, unit.moduleVersionId, result);
    },
    onFinish: (unit, outcome) => {
      const ids = versionOf.get(unit.name)!;
      const success = outcome.status === 'prepared';
      if (outcome.status !== 'skipped' && outcome.compiled) summary.compiled++;
      const artifactId = outcome.status === 'skipped' ? null : outcome.artifactId;
      recordPublication(db, { ...ids, artifactId, platformVersion, success, user });
      if (success) summary.published++;
      else summary.publishFailed.push({ name: unit.name, errors: outcome.errors });
      onProgress?.({ phase: 'compiling', done: summary.published + summary.publishFailed.length, total: units.length });
    },
  });
  // The compiler processes work while this process writes the source files between their results.
  await Promise.all([compiling, storeSources(db, inputByVersion)]);
  session.close();
  Object.assign(summary, sharedCacheFields(await shared.finish()));
}

/**
 * Every version's source files, as the factory gave them: the import's largest write, made a few versions at a
 * time between compile results (nothing reads them back before the import ends), not before the first compile.
 */
async function storeSources(db: Db, inputByVersion: StoredFactory['inputByVersion']): Promise<void> {
  let stored = 0;
  for (const [moduleVersionId, input] of inputByVersion) {
    storeModuleSources(db, moduleVersionId, input.sources);
    if (++stored % SOURCES_PER_TURN === 0) await setImmediate();
  }
}

/** Versions whose sources are written in one turn of the event loop (about 5 ms at 10,000 modules). */
const SOURCES_PER_TURN = 64;

const STAGING_PREFIX = '.importing-';

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // not empty (or already gone): not ours to remove
  }
}

/** A staging folder left by an import that was killed: its process is gone, so nobody will finish it. */
function removeAbandonedStaging(environmentDir: string): void {
  if (!fs.existsSync(environmentDir)) return;
  for (const entry of fs.readdirSync(environmentDir)) {
    if (!entry.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(entry.slice(STAGING_PREFIX.length));
    if (!isProcessAlive(pid)) fs.rmSync(`${environmentDir}/${entry}`, { recursive: true, force: true });
  }
}

/**
 * `import --force` replaces an environment only when nothing uses it: no upgrade or
 * preparation holds its lock, and no other process (a running `serve`, the desktop
 * app, another command) has it open, for their writes would be lost. Checked before
 * the import and again right before the swap.
 */
function assertReplaceable(environmentDir: string): void {
  const what = `Replacing the environment in ${environmentDir} (import --force)`;
  const existing = openDatabase(environmentDir);
  let lock;
  try {
    lock = activeLock(existing);
  } finally {
    existing.close();
  }
  if (lock) throw new UserError('refused-by-lock', lockRefusalMessage(what, currentUser(), nowIso(), lock), { lock });
  const present = othersPresent(environmentDir);
  if (present.length > 0) {
    throw new UserError(
      'refused',
      `${what} was refused: the environment is open in ${present.map(describePresence).join('; ')}. ` +
        `Its changes would be lost. Close it there (stop serve, quit the desktop app), then import again.`,
    );
  }
}

/**
 * Swaps the new database in. What belonged to the replaced environment goes with it:
 * an interrupted upgrade's marker first (else the next start would restore its old
 * backup over the import), then its backups.
 */
function moveIntoPlace(stagingDir: string, environmentDir: string): void {
  const target = databasePath(environmentDir);
  removeMarker(environmentDir);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(`${stagingDir}/${DATABASE_FILE}`, target);
  fs.rmSync(path.join(environmentDir, 'backups'), { recursive: true, force: true });
}
