import type { ModuleKind, RunSummary, UpgradeStep, UpgradeStepId } from '../../../common/domain';
import { scheduleCompilations } from '../compilation/compile-scheduler';
import { CompilationSession, type EngineContext } from '../engine-context';
import { asAdminError } from '../environment-conditions';
import { isUserError, UserError } from '../errors';
import { compareVersions, loadSystemComponents, upgradeWarning } from '../platform/platform-versions';
import { createPreparationRun, prepareModules, takeLease } from '../preparation/prepare-modules';
import type { EngineEventListener } from '../preparation/preparation-events';
import { runPreparation } from '../preparation/run-preparation';
import { resolveTarget } from '../preparation/run-target';
import { effectiveStatus, latestRun } from '../preparation/run-repository';
import { recordCompilation, saveArtifact } from '../store/artifact-repository';
import { nowIso } from '../store/database';
import { setPlatformVersion } from '../store/environment-repository';
import { LeaseLostError, type Lease } from '../store/lock-repository';
import { findModule, uploadModuleVersion } from '../store/module-repository';
import { currentUser } from '../current-user';
import { recordOperation } from '../store/operations-log';
import { recordPublication } from '../store/publication-repository';
import { assertRoomForBackup, backupDatabase, removeMarker, restoreFromBackup, writeMarker } from './backup';
import { PREPARATION_FROM_VERSION, stepsForRun, upgradeSteps } from '../preparation/run-steps';
import {
  finishUpgrade,
  insertUpgrade,
  recordRolledBack,
  setUpgradeBackup,
  upgradeWithoutPreparation,
} from './upgrade-history';
import { UpgradeReporter } from './upgrade-reporter';

export interface UpgradeOptions {
  toVersion?: string;
  onEvent: EngineEventListener;
  shouldStop?: () => boolean;
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
  const { fromVersion, toVersion } = resolveTarget(context, 'upgrade', options.toVersion);
  if (fromVersion === toVersion) {
    // Nothing to upgrade; but an upgrade's preparation cut short by a crash continues here,
    // and one that never started (a full disk or a kill right after the switch) starts.
    const unprepared = upgradeWithoutPreparation(context, toVersion);
    if (unprepared && compareVersions(toVersion, PREPARATION_FROM_VERSION) >= 0)
      return { run: await prepareSwitchedUpgrade(context, session, unprepared, options), upgraded: false };
    const latest = latestRun(db);
    if (latest && effectiveStatus(db, latest) === 'interrupted') {
      return {
        run: (await prepareModules(context, { onEvent: options.onEvent, shouldStop: options.shouldStop, session })).run,
        upgraded: false,
      };
    }
    return { run: null, upgraded: false };
  }

  assertRoomForBackup(context.environmentDir);
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
  const upgradeId = lease.write(() => {
    const id = insertUpgrade(context, { fromVersion, toVersion, startedAt, user });
    recordOperation(db, { operation: 'upgrade', target: `${fromVersion} → ${toVersion}`, outcome: 'accepted', user });
    return id;
  });
  const upgrade = { upgradeId, fromVersion, toVersion, startedAt, user };
  const reporter = new UpgradeReporter(context, lease, { ...upgrade, steps, onEvent: options.onEvent });
  reporter.log('info', `Upgrading the environment from ${fromVersion} to ${toVersion}.`);
  const knownIssue = upgradeWarning(fromVersion, toVersion);
  if (knownIssue) reporter.log('warning', knownIssue);
  const where: StepsReached = { current: 'backup', backupPath: null };
  try {
    await runUpgradeSteps(context, session, lease, { upgrade, reporter, where });
  } catch (error) {
    // A lost lease writes nothing, a roll-back included: whoever holds the lock now decides (spec §4).
    if (error instanceof LeaseLostError) throw error;
    // A full disk or a read-only folder says what to do, in the history and in the message.
    const reason = asAdminError(error, environmentDir) as Error;
    const { current, backupPath } = where;
    const rollback = rollBack(context, {
      upgradeId,
      backupPath,
      step: current,
      error: reason,
      lease,
      marker: { fromVersion, toVersion },
    });
    throw new UserError(
      'upgrade-failed',
      rollback === 'rolled-back'
        ? `The upgrade to ${toVersion} failed at step '${current}' and was rolled back: ${reason.message}`
        : `The upgrade to ${toVersion} failed at step '${current}': ${reason.message} ${rollback.problem}`,
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

/** How far an upgrade got: the step it is in and its backup, once made (a failure rolls back from there). */
interface StepsReached {
  current: UpgradeStepId;
  backupPath: string | null;
}

/** The upgrade's steps up to the switch of versions: backup, migrate, system components, switch. */
async function runUpgradeSteps(
  context: EngineContext,
  session: CompilationSession,
  lease: Lease,
  state: {
    upgrade: { upgradeId: number; fromVersion: string; toVersion: string; startedAt: string; user: string };
    reporter: UpgradeReporter;
    where: StepsReached;
  },
): Promise<void> {
  const { db, environmentDir } = context;
  const { upgrade, reporter, where } = state;
  const { upgradeId, fromVersion, toVersion, startedAt, user } = upgrade;
  reporter.setStep('backup', 'running');
  const backupPath = await backupDatabase(db, environmentDir, fromVersion, () =>
    context.faults?.crashAt('backup-copy'),
  );
  where.backupPath = backupPath;
  lease.write(() => setUpgradeBackup(context, upgradeId, backupPath));
  lease.assertHeld();
  writeMarker(environmentDir, { upgradeId, fromVersion, toVersion, backupPath, startedAt, startedBy: user });
  await context.faults?.afterStep('backup');
  reporter.setStep('backup', 'done', backupPath);
  reporter.log('info', `Backed up the environment to ${backupPath}.`);

  where.current = 'migrate';
  reporter.setStep('migrate', 'running');
  lease.write(() => migratePlatformDatabase(context, toVersion));
  await context.faults?.afterStep('migrate');
  reporter.setStep('migrate', 'done');
  reporter.log('info', `Upgraded the platform database to ${toVersion}.`);

  where.current = 'system-components';
  reporter.setStep('system-components', 'running');
  const published = await publishSystemComponents(context, session, lease, toVersion, user);
  await context.faults?.afterStep('system-components');
  reporter.setStep('system-components', 'done', published.join(', '));
  reporter.log('info', `Published the system components of ${toVersion}: ${published.join(', ')}.`);

  where.current = 'switch-version';
  reporter.setStep('switch-version', 'running');
  await context.faults?.afterStep('switch-version');
  // The switch is on disk before the marker goes: a power cut never leaves a half-upgrade that nothing rolls back.
  db.pragma('synchronous = FULL');
  try {
    lease.write(() => {
      setPlatformVersion(db, toVersion);
      finishUpgrade(context, upgradeId);
    });
  } finally {
    db.pragma('synchronous = NORMAL');
  }
  removeMarker(environmentDir);
  reporter.setStep('switch-version', 'done');
  reporter.log(
    'info',
    `The environment now runs platform ${toVersion}. Published applications keep running their current compilations.`,
  );
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

/** Starts the preparation of an upgrade that switched versions but never created its run. */
async function prepareSwitchedUpgrade(
  context: EngineContext,
  session: CompilationSession,
  upgrade: { id: number; fromVersion: string; toVersion: string },
  options: UpgradeOptions,
): Promise<RunSummary> {
  const lease = takeLease(context, 'upgrade', null, `Upgrade to ${upgrade.toVersion}`, { onEvent: options.onEvent });
  try {
    session.startWorkers();
    return await startPreparation(context, lease, {
      upgradeId: upgrade.id,
      fromVersion: upgrade.fromVersion,
      toVersion: upgrade.toVersion,
      steps: stepsForRun('upgrade'),
      options,
      session,
    });
  } finally {
    lease.release();
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
  await context.faults?.afterStep('prepare-modules');
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
