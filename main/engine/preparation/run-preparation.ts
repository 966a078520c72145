import type { LogLine, PreparationProgress, RunSummary, UpgradeStep } from '../../../common/domain';
import {
  scheduleCompilations,
  type CompileUnit,
  type ExternalProducer,
  type UnitOutcome,
} from '../compilation/compile-scheduler';
import { isProgressivePreparation } from '../platform/platform-versions';
import { compilationSettings } from '../store/settings-repository';
import { withTestHolds } from './preparation-faults';
import { withCompilerPool, type EngineContext } from '../engine-context';
import {
  findArtifact,
  getArtifact,
  loadInterface,
  recordCompilation,
  saveArtifact,
} from '../store/artifact-repository';
import { getModuleVersion, loadSources } from '../store/module-repository';
import { HEARTBEAT_INTERVAL_MS, type Lease } from '../store/lock-repository';
import type { EngineEventListener } from './preparation-events';
import { ProgressTracker } from './progress-tracker';
import {
  appendLog,
  findItem,
  finishItem,
  listItems,
  markItemsInGroup,
  maxGroupNumber,
  markItemCompiling,
  resetCompilingItems,
  setRunStatus,
  summarizeRun,
  type StoredRun,
} from './run-repository';

export interface RunPreparationOptions {
  onEvent: EngineEventListener;
  /** The upgrade's steps (all done) before 'prepare-modules', or just that step for a retry. */
  steps: UpgradeStep[];
  upgrading: boolean;
  /** Asked between compilations; true stops the run as 'interrupted' (shutdown). */
  shouldStop?: () => boolean;
}

/**
 * Runs (or resumes) a preparation run to its end while holding the lease: modules
 * not final yet are compiled in the worker pool, producers first; each result is
 * committed before it is reported; the lease is renewed all along.
 */
export async function runPreparation(
  context: EngineContext,
  lease: Lease,
  run: StoredRun,
  options: RunPreparationOptions,
): Promise<RunSummary> {
  const { db } = context;
  // Lines are written at once but reported only after the transaction that wrote them commits.
  const unreported: LogLine[] = [];
  const log = (level: LogLine['level'], text: string) => {
    const line: LogLine = { at: new Date().toISOString(), level, text };
    appendLog(db, { runId: run.id, upgradeId: run.upgradeId }, line);
    unreported.push(line);
  };
  const reportLog = () => {
    for (const line of unreported.splice(0)) options.onEvent({ type: 'log', line });
  };
  resetCompilingItems(db, run.id);
  setRunStatus(db, run.id, 'running');
  const items = listItems(db, run.id);
  const itemByName = new Map(items.map((item) => [item.moduleName, item]));
  const excluded = new Map(
    (
      db
        .prepare('SELECT module_name AS name, reason FROM preparation_excluded WHERE run_id = @runId')
        .all({ runId: run.id }) as { name: string; reason: string }[]
    ).map((row) => [row.name, row.reason]),
  );
  const pending = items.filter((item) => item.status === 'pending');
  const units: CompileUnit[] = pending.map((item) => ({
    name: item.moduleName,
    moduleVersionId: item.moduleVersionId,
    references: getModuleVersion(db, item.moduleVersionId).references,
  }));

  const steps = options.steps.map((step) =>
    step.id === 'prepare-modules' ? { ...step, status: 'running' as const } : step,
  );
  const counts = { pending: 0, compiling: 0, prepared: 0, failed: 0, skipped: 0, excluded: excluded.size };
  for (const item of items) counts[item.status]++;
  let started = counts.prepared + counts.failed + counts.skipped;
  const emit = (tracker: ProgressTracker, status: 'running' | 'finished' | 'interrupted') => {
    reportLog();
    options.onEvent({ type: 'progress', progress: withGroup(tracker.snapshot(status)) });
  };

  const resumed = pending.length < items.length;
  log(
    'info',
    resumed
      ? `Resuming the modules preparation for ${run.toVersion}: ${pending.length} of ${items.length} modules left.`
      : `Preparing ${items.length} modules for platform ${run.toVersion} (${excluded.size} excluded).`,
  );
  reportLog();

  // Spec §4a: from 11.17.0 only the current group is locked; it is stored with the items, so every process
  // (a CLI publish in another terminal, the desktop app) sees the same group.
  const progressive = isProgressivePreparation(run.toVersion);
  const group = { number: maxGroupNumber(db, run.id), members: new Set<string>(), finishedSinceDispatch: true };
  const withGroup = (progress: PreparationProgress): PreparationProgress =>
    progressive
      ? {
          ...progress,
          progressive: {
            group: group.members.size > 0 ? { number: group.number, modules: [...group.members].sort() } : null,
            readyToPublish: progress.counts.prepared,
          },
        }
      : progress;
  const newestProducer = (name: string): ExternalProducer | null => {
    const item = findItem(db, run.id, name);
    if (item?.status !== 'prepared' || item.artifactId === null) return null;
    return {
      interface: loadInterface(db, item.artifactId),
      references: getModuleVersion(db, item.moduleVersionId).references,
    };
  };
  /** Hands a node to the compiler: it joins the current group, unless it was published or deleted meanwhile. */
  const dispatch = (members: readonly CompileUnit[]): Map<string, UnitOutcome> | null =>
    db
      .transaction((): Map<string, UnitOutcome> | null => {
        const found = members.map((member) => findItem(db, run.id, member.name));
        if (found.every((item) => item?.status === 'prepared' && item.artifactId !== null)) {
          log(
            'info',
            `${members.map((member) => member.name).join(', ')}: published during the preparation, not compiled again.`,
          );
          return new Map(
            members.map((member, index) => {
              const artifactId = found[index]!.artifactId!;
              return [
                member.name,
                {
                  status: 'prepared',
                  artifactId,
                  producerInterface: loadInterface(db, artifactId),
                  durationMs: 0,
                  compiled: false,
                },
              ];
            }),
          );
        }
        const deleted = members.filter((_, index) => found[index] === null).map((member) => member.name);
        if (deleted.length > 0) {
          const errors = [{ message: `${deleted.join(', ')} deleted during the preparation.` }];
          return new Map(members.map((member) => [member.name, { status: 'skipped', errors }]));
        }
        if (group.finishedSinceDispatch) {
          group.number++;
          group.finishedSinceDispatch = false;
        }
        markItemsInGroup(
          db,
          run.id,
          members.map((member) => member.name),
          group.number,
        );
        for (const member of members) group.members.add(member.name);
        return null;
      })
      .immediate();

  const heartbeat = setInterval(() => lease.heartbeat(), HEARTBEAT_INTERVAL_MS);
  let stopped = false;
  try {
    await withCompilerPool(context, async (pool, jobsInFlight, size) => {
      const tracker = new ProgressTracker(
        {
          runId: run.id,
          fromVersion: run.fromVersion,
          toVersion: run.toVersion,
          startedAt: run.startedAt,
          upgrading: options.upgrading,
        },
        steps,
        items.length,
        counts,
        size,
      );
      emit(tracker, 'running');
      await scheduleCompilations({
        units,
        platformVersion: run.toVersion,
        compiler: withTestHolds(pool, context.environmentDir),
        concurrency: jobsInFlight,
        ...(progressive
          ? {
              order: 'most-consumed' as const,
              onDispatch: dispatch,
              newestProducer,
              // parallelCompilations applied mid-run takes effect for the rest of it (spec §4a).
              currentConcurrency: () =>
                Math.min(jobsInFlight, compilationSettings(db).parallelCompilations * (jobsInFlight / size)),
            }
          : {}),
        loadSources: (moduleVersionId) => loadSources(db, moduleVersionId),
        externalProducer: (name): ExternalProducer => {
          const item = itemByName.get(name);
          if (item?.status === 'prepared' && item.artifactId !== null) {
            const artifact = getArtifact(db, item.artifactId);
            return {
              interface: loadInterface(db, item.artifactId),
              references: getModuleVersion(db, artifact.moduleVersionId).references,
            };
          }
          if (item)
            return {
              missing:
                item.status === 'failed' ? 'failed' : item.status === 'skipped' ? 'was skipped' : `is ${item.status}`,
            };
          const reason = excluded.get(name);
          return { missing: reason ? `is not prepared (${reason})` : 'does not exist in this environment' };
        },
        findReusable: (unit, inputHash) => {
          const artifact = findArtifact(db, unit.moduleVersionId, run.toVersion, inputHash);
          if (!artifact?.success) return null;
          return {
            artifactId: artifact.id,
            producerInterface: loadInterface(db, artifact.id),
            durationMs: artifact.durationMs,
          };
        },
        // One transaction per module event: a commit per row would cost the coordinator more than the compile.
        saveResult: (unit, result) =>
          db.transaction(() => {
            recordCompilation(db, unit.moduleVersionId, run.toVersion, 'prepare');
            return saveArtifact(db, unit.moduleVersionId, result);
          })(),
        onStart: (unit) => {
          started++;
          db.transaction(() => {
            markItemCompiling(db, run.id, unit.name);
            log('info', `Compiling module ${started} of ${items.length}: ${unit.name}`);
          })();
          tracker.started(unit.name);
          options.onEvent({ type: 'module', name: unit.name, status: 'compiling' });
          emit(tracker, 'running');
        },
        onFinish: (unit, outcome) => {
          group.members.delete(unit.name);
          group.finishedSinceDispatch = true;
          const artifactId = outcome.status === 'skipped' ? null : outcome.artifactId;
          const durationMs = outcome.status === 'skipped' ? 0 : outcome.durationMs;
          const errors = outcome.status === 'prepared' ? [] : outcome.errors;
          db.transaction(() => {
            finishItem(db, run.id, unit.name, { status: outcome.status, artifactId, durationMs, errors });
            if (outcome.status === 'failed')
              log('error', `${unit.name} failed: ${errors[0]?.message ?? 'unknown error'}`);
            if (outcome.status === 'skipped') log('warning', `${unit.name} skipped: ${errors[0]?.message ?? ''}`);
          })();
          const compiled = outcome.status !== 'skipped' && outcome.compiled;
          if (!compiled && outcome.status !== 'skipped') started++;
          tracker.finished(unit.name, outcome.status, durationMs, compiled);
          options.onEvent({ type: 'module', name: unit.name, status: outcome.status });
          emit(tracker, 'running');
        },
        shouldStop: () => {
          stopped = stopped || (options.shouldStop?.() ?? false);
          return stopped;
        },
      });
      const finalStatus = stopped ? 'interrupted' : 'finished';
      setRunStatus(db, run.id, finalStatus);
      const stepStatus = counts.failed + counts.skipped > 0 ? 'warning' : 'done';
      for (const step of steps)
        if (step.id === 'prepare-modules') Object.assign(step, { status: stopped ? 'pending' : stepStatus });
      log(
        stopped ? 'warning' : counts.failed + counts.skipped > 0 ? 'warning' : 'info',
        stopped
          ? `Preparation interrupted: ${tracker.done} of ${items.length} modules done; it resumes on the next start.`
          : `Preparation finished: ${counts.prepared} prepared, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.excluded} excluded.`,
      );
      emit(tracker, finalStatus);
    });
  } finally {
    clearInterval(heartbeat);
    lease.release();
  }
  return summarizeRun(db, { ...run, status: stopped ? 'interrupted' : 'finished' });
}
