import type { LogLine, RunSummary, UpgradeStep, UpgradeStepId } from '../../../common/domain';
import { scheduleCompilations } from '../compilation/compile-scheduler';
import { withCompilerPool, type EngineContext } from '../engine-context';
import { UserError } from '../errors';
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
import type { Lease } from '../store/lock-repository';
import { findModule, uploadModuleVersion } from '../store/module-repository';
import { currentUser, recordOperation } from '../store/operations-log';
import { recordPublication } from '../store/publication-repository';
import { backupDatabase, removeMarker, restoreFromBackup, writeMarker } from './backup';
import { PREPARATION_FROM_VERSION, upgradeSteps } from './upgrade-steps';
import { failIfInjected } from './upgrade-faults';
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
  options: UpgradeOptions,
): Promise<{ run: RunSummary | null; upgraded: boolean }> {
  const { db, environmentDir } = context;
  const { fromVersion, toVersion } = resolveUpgradeTarget(context, options.toVersion);
  if (fromVersion === toVersion) {
    // Nothing to upgrade; but an upgrade's preparation cut short by a crash continues here.
    const latest = latestRun(db);
    if (latest && effectiveStatus(db, latest) === 'interrupted') {
      return {
        run: (await prepareModules(context, { onEvent: options.onEvent, shouldStop: options.shouldStop })).run,
        upgraded: false,
      };
    }
    return { run: null, upgraded: false };
  }

  const lease = takeLease(context, 'upgrade', null, `Upgrade to ${toVersion}`);
  // Compiler processes take a second to start: let that overlap the backup.
  await withCompilerPool(context, async (pool) => pool.startWorkers());
  const withPreparation = compareVersions(toVersion, PREPARATION_FROM_VERSION) >= 0;
  const steps = upgradeSteps(withPreparation);
  const startedAt = nowIso();
  const user = currentUser();
  const log = (level: LogLine['level'], text: string) => {
    const line: LogLine = { at: nowIso(), level, text };
    appendLog(db, { runId: null, upgradeId }, line);
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
      db.prepare('UPDATE upgrades SET current_step = @id WHERE id = @upgradeId').run({ id, upgradeId });
    emitProgress();
  };

  const upgradeId = Number(
    db
      .prepare(
        `INSERT INTO upgrades (from_version, to_version, status, started_at, started_by) VALUES (@fromVersion, @toVersion, 'running', @startedAt, @user)`,
      )
      .run({ fromVersion, toVersion, startedAt, user }).lastInsertRowid,
  );
  recordOperation(db, { operation: 'upgrade', target: `${fromVersion} → ${toVersion}`, outcome: 'accepted', user });
  log('info', `Upgrading the environment from ${fromVersion} to ${toVersion}.`);
  const knownIssue = upgradeWarning(fromVersion, toVersion);
  if (knownIssue) log('warning', knownIssue);
  let current: UpgradeStepId = 'backup';
  let backupPath: string | null = null;
  try {
    setStep('backup', 'running');
    backupPath = await backupDatabase(db, environmentDir, fromVersion);
    db.prepare('UPDATE upgrades SET backup_path = @backupPath WHERE id = @upgradeId').run({ backupPath, upgradeId });
    writeMarker(environmentDir, { upgradeId, fromVersion, toVersion, backupPath, startedAt, startedBy: user });
    failIfInjected('backup');
    setStep('backup', 'done', backupPath);
    log('info', `Backed up the environment to ${backupPath}.`);

    current = 'migrate';
    setStep('migrate', 'running');
    migratePlatformDatabase(context, toVersion);
    failIfInjected('migrate');
    setStep('migrate', 'done');
    log('info', `Upgraded the platform database to ${toVersion}.`);

    current = 'system-components';
    setStep('system-components', 'running');
    const published = await publishSystemComponents(context, toVersion, user);
    failIfInjected('system-components');
    setStep('system-components', 'done', published.join(', '));
    log('info', `Published the system components of ${toVersion}: ${published.join(', ')}.`);

    current = 'switch-version';
    setStep('switch-version', 'running');
    failIfInjected('switch-version');
    db.transaction(() => {
      setPlatformVersion(db, toVersion);
      db.prepare(
        `UPDATE upgrades SET status = 'finished', current_step = NULL, finished_at = @at WHERE id = @upgradeId`,
      ).run({ at: nowIso(), upgradeId });
    })();
    removeMarker(environmentDir);
    setStep('switch-version', 'done');
    log(
      'info',
      `The environment now runs platform ${toVersion}. Published applications keep running their current compilations.`,
    );
  } catch (error) {
    rollBack(context, { upgradeId, backupPath, step: current, error: error as Error, lease });
    throw new UserError(
      'upgrade-failed',
      `The upgrade to ${toVersion} failed at step '${current}' and was rolled back: ${(error as Error).message}`,
    );
  }
  recordOperation(db, { operation: 'upgrade', target: `${fromVersion} → ${toVersion}`, outcome: 'succeeded', user });

  if (!withPreparation) {
    lease.release();
    return { run: null, upgraded: true };
  }
  return {
    run: await startPreparation(context, lease, { upgradeId, fromVersion, toVersion, steps, options }),
    upgraded: true,
  };
}

/** Runs the whole upgrade on one compiler pool, so the preparation starts with the workers the system components warmed. */
export function upgradeEnvironment(
  context: EngineContext,
  options: UpgradeOptions,
): Promise<{ run: RunSummary | null; upgraded: boolean }> {
  return withCompilerPool(context, () => runUpgrade(context, options));
}

async function startPreparation(
  context: EngineContext,
  lease: Lease,
  input: { upgradeId: number; fromVersion: string; toVersion: string; steps: UpgradeStep[]; options: UpgradeOptions },
): Promise<RunSummary> {
  const run = createPreparationRun(context, {
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
  });
}

/** Restores the backup, records why, and lets go of the lock. */
function rollBack(
  context: EngineContext,
  failure: { upgradeId: number; backupPath: string | null; step: UpgradeStepId; error: Error; lease: Lease },
): void {
  const { db, environmentDir } = context;
  try {
    if (failure.backupPath) restoreFromBackup(db, failure.backupPath);
    recordRolledBack(context, failure.upgradeId, failure.step, failure.error.message);
    removeMarker(environmentDir);
  } finally {
    failure.lease.release();
  }
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
async function publishSystemComponents(context: EngineContext, toVersion: string, user: string): Promise<string[]> {
  const { db } = context;
  const components = loadSystemComponents(toVersion);
  const versions = new Map(
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
  );
  const sourcesByVersion = new Map(
    components.map((component) => [versions.get(component.name)!.moduleVersionId, component.sources]),
  );
  const failures: string[] = [];
  await withCompilerPool(context, (pool, size) =>
    scheduleCompilations({
      units: components.map((component) => ({
        name: component.name,
        references: component.references,
        moduleVersionId: versions.get(component.name)!.moduleVersionId,
      })),
      platformVersion: toVersion,
      compiler: pool,
      concurrency: size,
      loadSources: (moduleVersionId) => sourcesByVersion.get(moduleVersionId)!,
      externalProducer: () => ({ missing: `is not a system component of ${toVersion}` }),
      findReusable: () => null,
      saveResult: (unit, result) => {
        recordCompilation(db, unit.moduleVersionId, toVersion, 'system-component');
        return saveArtifact(db, unit.moduleVersionId, result);
      },
      onFinish: (unit, outcome) => {
        if (outcome.status !== 'prepared') {
          failures.push(`${unit.name}: ${outcome.errors[0]?.message ?? outcome.status}`);
          return;
        }
        const ids = versions.get(unit.name)!;
        recordPublication(db, {
          ...ids,
          artifactId: outcome.artifactId,
          platformVersion: toVersion,
          success: true,
          user,
        });
      },
    }),
  );
  if (failures.length > 0) throw new Error(`system components did not compile: ${failures.join('; ')}`);
  return components.map((component) => component.name).filter((name) => findModule(db, name));
}
