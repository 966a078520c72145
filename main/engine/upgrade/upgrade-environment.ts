import type { LogLine, ModuleKind, RunSummary, UpgradeStep, UpgradeStepId } from '../../../common/domain';
import { scheduleCompilations } from '../compilation/compile-scheduler';
import { CompilationSession, type EngineContext } from '../engine-context';
import { isUserError, UserError } from '../errors';
import {
  compareVersions,
  installedPlatformVersion,
  isKnownVersion,
  loadSystemComponents,
  upgradeWarning,
} from '../platform/platform-versions';
import { createPreparationRun, prepareModules, takeLease } from '../preparation/prepare-modules';
import type { EngineEventListener } from '../preparation/preparation-events';
import { buildProgress, emptyCounts } from '../preparation/progress-snapshot';
import { runPreparation } from '../preparation/run-preparation';
import { appendLog, effectiveStatus, latestRun } from '../preparation/run-repository';
import { recordCompilation, saveArtifact } from '../store/artifact-repository';
import { nowIso } from '../store/database';
import { findEnvironment, setPlatformVersion } from '../store/environment-repository';
import { LeaseLostError, type Lease } from '../store/lock-repository';
import { findModule, uploadModuleVersion } from '../store/module-repository';
import { currentUser, recordOperation } from '../store/operations-log';
import { recordPublication } from '../store/publication-repository';
import { backupDatabase, removeMarker, restoreFromBackup, writeMarker } from './backup';
import { PREPARATION_FROM_VERSION, upgradeSteps } from './upgrade-steps';
import { injectStepFaults } from './upgrade-faults';
import { recordRolledBack } from './upgrade-history';

export interface UpgradeOptions {
  toVersion?: string;
  onEvent: EngineEventListener;
  shouldStop?: () => boolean;
}

/** Checks the target before anything starts: known, and not older than the environment. */
export function resolveUpgradeTarget(
  context: EngineContext,
  toVersion?: string,
): { fromVersion: string; toVersion: string } {
  const fromVersion = findEnvironment(context.db)!.platformVersion;
  const target = toVersion ?? installedPlatformVersion();
  if (!isKnownVersion(target)) {
    throw new UserError(
      'bad-usage',
      `Unknown platform version '${target}'. Shipped versions: see 'config-tool status'.`,
    );
  }
  if (compareVersions(target, fromVersion) < 0) {
    throw new UserError(
      'refused',
      `Can't upgrade to ${target}: the environment is already at ${fromVersion}, a newer version. Downgrades are not supported.`,
    );
  }
  return { fromVersion, toVersion: target };
}

/**
 * The Apply/Exit upgrade: back up, migrate the platform database, publish the
 * target's system components, switch versions, then (for 11.12.0+) prepare the
 * modules. A failure before the switch restores the backup: the environment is
 * left exactly as it was, and the error names the step.
 */
async function runUpgrade(
  context: EngineContext,
  session: CompilationSession,
  options: UpgradeOptions,
): Promise<{ run: RunSummary | null; upgraded: boolean }> {
  const { db } = context;
  const { fromVersion, toVersion } = resolveUpgradeTarget(context, options.toVersion);
  if (fromVersion === toVersion) {
    // Nothing to upgrade; but an upgrade's preparation cut short by a crash continues here.
    const latest = latestRun(db);
    if (latest && effectiveStatus(db, latest) === 'interrupted') {
      return {
        run: (await prepareModules(context, { onEvent: options.onEvent, shouldStop: options.shouldStop, session })).run,
        upgraded: false,
      };
    }
    return { run: null, upgraded: false };
  }

  // Renewed from now on, through every step; released whatever happens (the preparation releases it too).
  const lease = takeLease(context, 'upgrade', null, `Upgrade to ${toVersion}`, { onEvent: options.onEvent });
  try {
    return await upgradeUnderLease(context, session, lease, { fromVersion, toVersion, options });
  } finally {
    lease.release();
  }
}

async function upgradeUnderLease(
  context: EngineContext,
  session: CompilationSession,
  lease: Lease,
  { fromVersion, toVersion, options }: { fromVersion: string; toVersion: string; options: UpgradeOptions },
): Promise<{ run: RunSummary | null; upgraded: boolean }> {
  const { db, environmentDir } = context;
  // Compiler processes take a second to start: let that overlap the backup.
  session.startWorkers();
  const withPreparation = compareVersions(toVersion, PREPARATION_FROM_VERSION) >= 0;
  const steps = upgradeSteps(withPreparation);
  const startedAt = nowIso();
  const user = currentUser();
  const log = (level: LogLine['level'], text: string) => {
    const line: LogLine = { at: nowIso(), level, text };
    lease.write(() => appendLog(db, { runId: null, upgradeId }, line));
    options.onEvent({ type: 'log', line });
  };
  const emitProgress = () =>
    options.onEvent({
      type: 'progress',
      progress: buildProgress({
        runId: null,
        upgrading: true,
        fromVersion,
        toVersion,
        status: 'upgrading',
        steps,
        total: 0,
        counts: emptyCounts(),
        compilingNow: [],
        startedAt,
      }),
    });
  const setStep = (id: UpgradeStepId, status: UpgradeStep['status'], detail: string | null = null) => {
    Object.assign(
      steps.find((step) => step.id === id)!,
      { status, detail },
    );
    if (status === 'running')
      lease.write(() =>
        db.prepare('UPDATE upgrades SET current_step = @id WHERE id = @upgradeId').run({ id, upgradeId }),
      );
    emitProgress();
  };

  const upgradeId = lease.write(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO upgrades (from_version, to_version, status, started_at, started_by) VALUES (@fromVersion, @toVersion, 'running', @startedAt, @user)`,
        )
        .run({ fromVersion, toVersion, startedAt, user }).lastInsertRowid,
    );
    recordOperation(db, { operation: 'upgrade', target: `${fromVersion} → ${toVersion}`, outcome: 'accepted', user });
    return id;
  });
  log('info', `Upgrading the environment from ${fromVersion} to ${toVersion}.`);
  const knownIssue = upgradeWarning(fromVersion, toVersion);
  if (knownIssue) log('warning', knownIssue);
  let current: UpgradeStepId = 'backup';
  let backupPath: string | null = null;
  try {
    setStep('backup', 'running');
    backupPath = await backupDatabase(db, environmentDir, fromVersion);
    const backup = backupPath;
    lease.write(() =>
      db.prepare('UPDATE upgrades SET backup_path = @backup WHERE id = @upgradeId').run({ backup, upgradeId }),
    );
    lease.assertHeld();
    writeMarker(environmentDir, { upgradeId, fromVersion, toVersion, backupPath, startedAt, startedBy: user });
    await injectStepFaults(context.options, 'backup');
    setStep('backup', 'done', backupPath);
    log('info', `Backed up the environment to ${backupPath}.`);

    current = 'migrate';
    setStep('migrate', 'running');
    lease.write(() => migratePlatformDatabase(context, toVersion));
    await injectStepFaults(context.options, 'migrate');
    setStep('migrate', 'done');
    log('info', `Upgraded the platform database to ${toVersion}.`);

    current = 'system-components';
    setStep('system-components', 'running');
    const published = await publishSystemComponents(context, session, lease, toVersion, user);
    await injectStepFaults(context.options, 'system-components');
    setStep('system-components', 'done', published.join(', '));
    log('info', `Published the system components of ${toVersion}: ${published.join(', ')}.`);

    current = 'switch-version';
    setStep('switch-version', 'running');
    await injectStepFaults(context.options, 'switch-version');
    // The switch is on disk before the marker goes: a power cut never leaves a half-upgrade that nothing rolls back.
    db.pragma('synchronous = FULL');
    try {
      lease.write(() => {
        setPlatformVersion(db, toVersion);
        db.prepare(
          `UPDATE upgrades SET status = 'finished', current_step = NULL, finished_at = @at WHERE id = @upgradeId`,
        ).run({ at: nowIso(), upgradeId });
      });
    } finally {
      db.pragma('synchronous = NORMAL');
    }
    removeMarker(environmentDir);
    setStep('switch-version', 'done');
    log(
      'info',
      `The environment now runs platform ${toVersion}. Published applications keep running their current compilations.`,
    );
  } catch (error) {
    // A lost lease writes nothing, a roll-back included: whoever holds the lock now decides (spec §4).
    if (error instanceof LeaseLostError) throw error;
    const rollback = rollBack(context, {
      upgradeId,
      backupPath,
      step: current,
      error: error as Error,
      lease,
      marker: { fromVersion, toVersion },
    });
    throw new UserError(
      'upgrade-failed',
      rollback === 'rolled-back'
        ? `The upgrade to ${toVersion} failed at step '${current}' and was rolled back: ${(error as Error).message}`
        : `The upgrade to ${toVersion} failed at step '${current}': ${(error as Error).message}. ${rollback.problem}`,
    );
  }
  lease.write(() =>
    recordOperation(db, { operation: 'upgrade', target: `${fromVersion} → ${toVersion}`, outcome: 'succeeded', user }),
  );

  if (!withPreparation) return { run: null, upgraded: true };
  return {
    run: await startPreparation(context, lease, { upgradeId, fromVersion, toVersion, steps, options, session }),
    upgraded: true,
  };
}

/** Runs the whole upgrade in one compilation session, so the preparation starts with the workers the system components warmed. */
export async function upgradeEnvironment(
  context: EngineContext,
  options: UpgradeOptions,
): Promise<{ run: RunSummary | null; upgraded: boolean }> {
  const session = CompilationSession.open(context);
  try {
    return await runUpgrade(context, session, options);
  } finally {
    session.close();
  }
}

async function startPreparation(
  context: EngineContext,
  lease: Lease,
  input: {
    upgradeId: number;
    fromVersion: string;
    toVersion: string;
    steps: UpgradeStep[];
    options: UpgradeOptions;
    session: CompilationSession;
  },
): Promise<RunSummary> {
  await injectStepFaults(context.options, 'prepare-modules');
  const run = createPreparationRun(context, lease, {
    kind: 'upgrade',
    upgradeId: input.upgradeId,
    retryOf: null,
    fromVersion: input.fromVersion,
    toVersion: input.toVersion,
  });
  lease.becomePreparation(run.id);
  return runPreparation(context, lease, run, {
    onEvent: input.options.onEvent,
    steps: input.steps,
    upgrading: true,
    shouldStop: input.options.shouldStop,
    session: input.session,
  });
}

/**
 * Restores the backup and records why, under the upgrade's lease. When the backup
 * is missing, nothing is restored and the marker stays (the next start rolls back
 * once the file is back): returns what the admin must know.
 */
function rollBack(
  context: EngineContext,
  failure: {
    upgradeId: number;
    backupPath: string | null;
    step: UpgradeStepId;
    error: Error;
    lease: Lease;
    marker: { fromVersion: string; toVersion: string };
  },
): 'rolled-back' | { problem: string } {
  const { db, environmentDir } = context;
  const { lease } = failure;
  try {
    if (failure.backupPath) restoreFromBackup(db, failure.backupPath, lease, failure.marker);
  } catch (error) {
    if (isUserError(error) && error.code === 'backup-missing') return { problem: error.message };
    throw error;
  }
  lease.write(() => recordRolledBack(context, failure.upgradeId, failure.step, failure.error.message));
  removeMarker(environmentDir);
  return 'rolled-back';
}

/** The platform's own schema moves to the target version (the platform database, as opposed to the modules). */
function migratePlatformDatabase(context: EngineContext, toVersion: string): void {
  context.db
    .prepare(
      `INSERT INTO platform_metadata (key, value) VALUES ('schemaVersion', @toVersion) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    )
    .run({ toVersion });
}

/** Compiles and deploys the target version's system components; any failure fails the step. */
async function publishSystemComponents(
  context: EngineContext,
  session: CompilationSession,
  lease: Lease,
  toVersion: string,
  user: string,
): Promise<string[]> {
  const { db } = context;
  const components = loadSystemComponents(toVersion);
  const versions = lease.write(
    () =>
      new Map(
        components.map((component) => [
          component.name,
          uploadModuleVersion(db, {
            name: component.name,
            application: component.application,
            kind: component.kind as 'service',
            references: component.references,
            sources: component.sources,
            isSystem: true,
          }),
        ]),
      ),
  );
  const inputByVersion = new Map(
    components.map((component) => [
      versions.get(component.name)!.moduleVersionId,
      {
        kind: component.kind as ModuleKind,
        sourceHash: versions.get(component.name)!.sourceHash,
        sources: component.sources,
      },
    ]),
  );
  const failures: string[] = [];
  await scheduleCompilations({
    units: components.map((component) => ({
      name: component.name,
      references: component.references,
      moduleVersionId: versions.get(component.name)!.moduleVersionId,
    })),
    platformVersion: toVersion,
    compiler: session.compiler,
    concurrency: session.size,
    loadModule: (moduleVersionId) => inputByVersion.get(moduleVersionId)!,
    loadSources: (moduleVersionId) => inputByVersion.get(moduleVersionId)!.sources,
    externalProducer: () => ({ missing: `is not a system component of ${toVersion}` }),
    saveResult: (unit, result) =>
      lease.write(() => {
        recordCompilation(db, unit.moduleVersionId, toVersion, 'system-component');
        return saveArtifact(db, unit.moduleVersionId, result);
      }),
    onFinish: (unit, outcome) => {
      if (outcome.status !== 'prepared') {
        failures.push(`${unit.name}: ${outcome.errors[0]?.message ?? outcome.status}`);
        return;
      }
      const ids = versions.get(unit.name)!;
      lease.write(() =>
        recordPublication(db, {
          ...ids,
          artifactId: outcome.artifactId,
          platformVersion: toVersion,
          success: true,
          user,
        }),
      );
    },
  });
  if (failures.length > 0) throw new Error(`system components did not compile: ${failures.join('; ')}`);
  return components.map((component) => component.name).filter((name) => findModule(db, name));
}
