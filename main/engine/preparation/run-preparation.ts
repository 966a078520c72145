import type { RunSummary, UpgradeStep } from '../../../common/domain';
import { scheduleCompilations, type CompileUnit } from '../compilation/compile-scheduler';
import { isProgressivePreparation } from '../platform/platform-versions';
import { getSetting } from '../store/settings-repository';
import { withCompilationSession, type CompilationSession, type EngineContext } from '../engine-context';
import { saveArtifact } from '../store/artifact-repository';
import { openRunSharedCache } from './run-shared-cache';
import { loadModuleInput, loadSources } from '../store/module-repository';
import type { EngineEvent, EngineEventListener } from './preparation-events';
import { ProgressTracker } from './progress-tracker';
import { ProgressiveGroup } from './progressive-group';
import { finalMessage, finishRun, finishStep, startMessage, startRun, type FinalStatus } from './run-lifecycle';
import { RunLog } from './run-log';
import { RunLookups } from './run-lookups';
import { countItemsToCompile, listExcluded, listItems, summarizeRun, type StoredRun } from './run-repository';
import { RunScheduleAdapter } from './run-schedule-adapter';
import { RunWriter, type RunKeeper } from './run-writer';

export type { RunKeeper } from './run-writer';

export interface RunPreparationOptions {
  onEvent: EngineEventListener;
  /** The upgrade's steps (all done) before 'prepare-modules', or just that step for a retry. */
  steps: UpgradeStep[];
  upgrading: boolean;
  /** Asked between compilations; true stops the run as 'interrupted' (shutdown). */
  shouldStop?: () => boolean;
  /** The compiler processes of the operation this run is a step of (an upgrade); its own when absent. */
  session?: CompilationSession;
}

/**
 * Runs (or resumes) a preparation run to its end while holding the lease: modules
 * not final yet are compiled in the worker pool, producers first; each result is
 * committed before it is reported. Every write checks the lease in its transaction:
 * a holder that lost it stops before writing anything more (LeaseLostError).
 * Its parts: the fenced writer (run-writer.ts), the log (run-log.ts), the scheduler's
 * side (run-schedule-adapter.ts) and the run's start and end (run-lifecycle.ts).
 */
export async function runPreparation(
  context: EngineContext,
  lease: RunKeeper,
  run: StoredRun,
  options: RunPreparationOptions,
): Promise<RunSummary> {
  const { db } = context;
  const writer = new RunWriter(db, run.id, lease, options.onEvent);
  const log = new RunLog(db, run, (event) => writer.report(event));
  const lookups = new RunLookups(db, run);
  startRun(db, lease, run.id);
  const items = listItems(db, run.id);
  const excluded = listExcluded(db, run.id);
  const pending = items.filter((item) => item.status === 'pending');
  const units: CompileUnit[] = pending.map((item) => ({
    name: item.moduleName,
    moduleVersionId: item.moduleVersionId,
    references: lookups.referencesOf(item.moduleVersionId),
  }));
  const steps = options.steps.map((step) =>
    step.id === 'prepare-modules' ? { ...step, status: 'running' as const } : step,
  );
  const counts = { pending: 0, compiling: 0, prepared: 0, failed: 0, skipped: 0, excluded: excluded.size };
  for (const item of items) counts[item.status]++;
  const toCompile = countItemsToCompile(db, run.id, run.toVersion);
  const numbers = { pending: pending.length, total: items.length, excluded: excluded.size, toCompile };
  lease.write(() => log.write('info', startMessage(run, numbers)));
  log.report();
  // Spec §4a: from 11.17.0 only the current group is locked. A readiness check locks nothing.
  const progressive = isProgressivePreparation(run.toVersion) && run.kind !== 'check';
  const group = new ProgressiveGroup(db, run.id, progressive);
  let status: FinalStatus = 'finished';
  // Spec §4d: asked before compiling, offered what compiled. A retry compiles failed modules again: no failed hit.
  const shared = openRunSharedCache(context, {
    acceptFailed: run.kind !== 'prepare',
    save: (unit, result) => writer.write(() => saveArtifact(db, unit.moduleVersionId, result)),
  });
  try {
    await withCompilationSession(context, options.session, async (session) => {
      const base = { runId: run.id, fromVersion: run.fromVersion, toVersion: run.toVersion, startedAt: run.startedAt };
      const tracker = new ProgressTracker(
        { ...base, upgrading: options.upgrading },
        steps,
        items.length,
        counts,
        () => session.size,
      );
      const emit = (now: 'running' | FinalStatus) => {
        log.report();
        writer.reportProgress((): EngineEvent => ({
          type: 'progress',
          progress: group.withGroup(tracker.snapshot(now)),
        }));
      };
      const itemByName = new Map(items.map((item) => [item.moduleName, item]));
      const adapter = new RunScheduleAdapter({
        ...{ db, run, writer, log, lookups, group, tracker, itemByName, excluded, toCompile },
        ...{ keeper: lease, shouldStop: options.shouldStop, emit: () => emit('running') },
      });
      emit('running');
      await scheduleCompilations({
        units,
        platformVersion: run.toVersion,
        compiler: context.faults?.holdCompiler(session.compiler, 'prepare') ?? session.compiler,
        concurrency: session.jobsInFlight,
        batching: session.batching,
        ...(progressive
          ? {
              order: 'most-consumed' as const,
              // parallelCompilations applied mid-run takes effect for the rest of it (spec §4a): the pool grows
              // or shrinks to it, and as many groups stay in flight as its workers take.
              currentConcurrency: () => {
                const wanted = Number(getSetting(db, 'parallelCompilations'));
                if (wanted !== session.size) session.resize(wanted);
                return session.jobsInFlight;
              },
            }
          : {}),
        ...adapter.callbacks(),
        ...(shared.schedule ? { sharedCache: shared.schedule } : {}),
        loadModule: (moduleVersionId) => loadModuleInput(db, moduleVersionId),
        loadSources: (moduleVersionId) => loadSources(db, moduleVersionId),
      });
      writer.flush();
      const sharedSummary = await shared.finish();
      status = adapter.stopped ? 'interrupted' : 'finished';
      finishStep(steps, status, counts);
      const last = finalMessage(run, status, {
        ...{ counts, done: tracker.done, total: items.length },
        reusedFromChecks: adapter.reusedFromChecks,
      });
      finishRun(db, lease, { runId: run.id, status, shared: sharedSummary, log, last });
      emit(status);
    });
  } finally {
    writer.close();
    lease.release();
  }
  return summarizeRun(db, { ...run, status });
}
