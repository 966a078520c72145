import type { LogLine, PreparationProgress, RunSummary, UpgradeStep } from '../../../common/domain';
import {
  scheduleCompilations,
  type CompileUnit,
  type ExternalProducer,
  type UnitOutcome,
} from '../compilation/compile-scheduler';
import type { ProducerInterface } from '../compiler/compile-types';
import { isProgressivePreparation } from '../platform/platform-versions';
import { getSetting } from '../store/settings-repository';
import { withTestHolds } from './preparation-faults';
import { withCompilationSession, type CompilationSession, type EngineContext } from '../engine-context';
import {
  findArtifact,
  getArtifact,
  loadInterface,
  recordCompilation,
  saveArtifact,
} from '../store/artifact-repository';
import { getModuleVersion, loadModuleInput, loadSources } from '../store/module-repository';
import { LeaseLostError, type Lease } from '../store/lock-repository';
import type { EngineEvent, EngineEventListener } from './preparation-events';
import { ProgressTracker } from './progress-tracker';
import {
  appendLog,
  checkRunOfArtifact,
  checkRunsOfArtifacts,
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

/**
 * What keeps a run alive while it compiles and fences its writes: a preparation's lease on
 * the environment lock, or a readiness check's heartbeat on its own run (a check takes no lock).
 */
export type RunKeeper = Pick<Lease, 'write' | 'lost' | 'release'>;

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
 */
export async function runPreparation(
  context: EngineContext,
  lease: RunKeeper,
  run: StoredRun,
  options: RunPreparationOptions,
): Promise<RunSummary> {
  const { db } = context;
  // The run's items change by this run's own writes, which forget what they change, and by other operations (a
  // publish or a delete during a progressive run, in this process or another). None of those can write while a
  // batch's transaction is open, so what a batch reads is kept until it ends; outside a batch, each read is fresh.
  let inBatch = false;
  const cachedItems = new Map<string, ReturnType<typeof findItem>>();
  const itemOf = (name: string): ReturnType<typeof findItem> => {
    if (!inBatch) return findItem(db, run.id, name);
    if (!cachedItems.has(name)) cachedItems.set(name, findItem(db, run.id, name));
    return cachedItems.get(name)!;
  };
  const forget = (names: readonly string[]) => {
    for (const name of names) cachedItems.delete(name);
  };
  // Inside a batch (a transaction of several writes) events wait until it commits: nothing is reported before it
  // is written. Of its progress snapshots only the last one is reported, after its other events.
  let held: EngineEvent[] | null = null;
  let heldProgress: (() => EngineEvent) | null = null;
  const onEvent = (event: EngineEvent) => (held ? held.push(event) : options.onEvent(event));
  // Writes that may wait a moment (a module's start, reported by a compiler process) join the next batch, or are
  // written in one of their own at the next turn of the event loop: a compiled module then costs one commit.
  const deferred: (() => void)[] = [];
  let deferredFlush: NodeJS.Immediate | undefined;
  let deferredError: unknown = null;
  const batch = <T>(work: () => T): T => {
    // A batch inside a batch (the dispatch that follows a finished module) is part of it.
    if (held) return work();
    if (deferredError !== null) throw deferredError;
    held = [];
    heldProgress = null;
    inBatch = true;
    let result: T;
    try {
      result = lease.write(() => {
        for (const write of deferred.splice(0)) write();
        return work();
      });
    } catch (error) {
      held = null;
      heldProgress = null;
      deferred.length = 0;
      throw error;
    } finally {
      inBatch = false;
      cachedItems.clear();
    }
    const events = held;
    const progress = heldProgress as (() => EngineEvent) | null;
    held = null;
    heldProgress = null;
    for (const event of events) options.onEvent(event);
    if (progress) options.onEvent(progress());
    return result;
  };
  const flushDeferred = () => {
    clearImmediate(deferredFlush);
    deferredFlush = undefined;
    if (deferred.length === 0 || deferredError !== null) return;
    try {
      batch(() => undefined);
    } catch (error) {
      // A lost lease stops the run at its next write, which says why; anything else fails the run there.
      if (!(error instanceof LeaseLostError)) deferredError = error;
    }
  };
  const defer = (write: () => void) => {
    if (held) return write();
    deferred.push(write);
    deferredFlush ??= setImmediate(flushDeferred);
  };
  /** A fenced write: its own transaction, or part of the batch being written (whose transaction checked the lease). */
  const write = <T>(work: () => T): T => (held ? work() : lease.write(work));
  // Stored artifacts never change: each producer's interface is parsed once per run, not once per consumer.
  const interfaces = new Map<number, ProducerInterface>();
  const interfaceOf = (artifactId: number): ProducerInterface => {
    let found = interfaces.get(artifactId);
    if (!found) interfaces.set(artifactId, (found = loadInterface(db, artifactId)));
    return found;
  };
  // Module versions never change: their references are read once per run.
  const references = new Map<number, string[]>();
  const referencesOf = (moduleVersionId: number): string[] => {
    let found = references.get(moduleVersionId);
    if (!found) references.set(moduleVersionId, (found = getModuleVersion(db, moduleVersionId).references));
    return found;
  };
  // Which readiness check each of its compilations for the target comes from, read once (a check may still add
  // some meanwhile: a compilation not in it is looked up on its own).
  const checkRuns = run.kind === 'check' ? new Map<number, number>() : checkRunsOfArtifacts(db, run.toVersion);
  const checkRunOf = (artifactId: number): number | null =>
    checkRuns.get(artifactId) ?? checkRunOfArtifact(db, artifactId, run.toVersion);
  // Lines are written at once but reported only after the transaction that wrote them commits.
  const unreported: LogLine[] = [];
  const log = (level: LogLine['level'], text: string) => {
    const line: LogLine = { at: new Date().toISOString(), level, text };
    appendLog(db, { runId: run.id, upgradeId: run.upgradeId }, line);
    unreported.push(line);
  };
  const reportLog = () => {
    for (const line of unreported.splice(0)) onEvent({ type: 'log', line });
  };
  lease.write(() => {
    resetCompilingItems(db, run.id);
    setRunStatus(db, run.id, 'running');
  });
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
    references: referencesOf(item.moduleVersionId),
  }));

  const steps = options.steps.map((step) =>
    step.id === 'prepare-modules' ? { ...step, status: 'running' as const } : step,
  );
  const counts = { pending: 0, compiling: 0, prepared: 0, failed: 0, skipped: 0, excluded: excluded.size };
  for (const item of items) counts[item.status]++;
  let started = counts.prepared + counts.failed + counts.skipped;
  const emit = (tracker: ProgressTracker, status: 'running' | 'finished' | 'interrupted') => {
    reportLog();
    const progress = (): EngineEvent => ({ type: 'progress', progress: withGroup(tracker.snapshot(status)) });
    if (held) heldProgress = progress;
    else options.onEvent(progress());
  };

  const resumed = pending.length < items.length;
  const checking = run.kind === 'check';
  const what = checking ? 'upgrade readiness check' : 'modules preparation';
  lease.write(() =>
    log(
      'info',
      resumed
        ? `Resuming the ${what} for ${run.toVersion}: ${pending.length} of ${items.length} modules left.`
        : checking
          ? `Checking ${items.length} modules against platform ${run.toVersion} (${excluded.size} excluded); nothing is upgraded or deployed.`
          : `Preparing ${items.length} modules for platform ${run.toVersion} (${excluded.size} excluded).`,
    ),
  );
  reportLog();

  // Spec §4a: from 11.17.0 only the current group is locked; it is stored with the items, so every process
  // (a CLI publish in another terminal, the desktop app) sees the same group. A readiness check locks nothing.
  const progressive = isProgressivePreparation(run.toVersion) && !checking;
  const group = { number: maxGroupNumber(db, run.id), members: new Set<string>(), finishedSinceDispatch: true };
  function withGroup(progress: PreparationProgress): PreparationProgress {
    if (!progressive) return progress;
    const current = group.members.size > 0 ? { number: group.number, modules: [...group.members].sort() } : null;
    return { ...progress, progressive: { group: current, readyToPublish: progress.counts.prepared } };
  }
  /** The producer's newest compilation for the target: the run's, or the one published during the run. */
  const newestProducer = (name: string): ExternalProducer | null => {
    const item = itemOf(name);
    if (item?.status !== 'prepared' || item.artifactId === null) return null;
    return { interface: interfaceOf(item.artifactId), references: referencesOf(item.moduleVersionId) };
  };
  /** Hands a node to the compiler: it joins the current group, unless it was published or deleted meanwhile. */
  const dispatch = (members: readonly CompileUnit[]): Map<string, UnitOutcome> | null =>
    write((): Map<string, UnitOutcome> | null => {
      const found = members.map((member) => itemOf(member.name));
      if (found.every((item) => item?.status === 'prepared' && item.artifactId !== null)) {
        log(
          'info',
          `${members.map((member) => member.name).join(', ')}: published during the preparation, not compiled again.`,
        );
        return new Map(
          members.map((member, index): [string, UnitOutcome] => {
            const artifactId = found[index]!.artifactId!;
            const producerInterface = interfaceOf(artifactId);
            return [member.name, { status: 'prepared', artifactId, producerInterface, durationMs: 0, compiled: false }];
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
      const names = members.map((member) => member.name);
      markItemsInGroup(db, run.id, names, group.number);
      forget(names);
      for (const member of members) group.members.add(member.name);
      return null;
    });

  let stopped = false;
  let reusedFromChecks = 0;
  try {
    await withCompilationSession(context, options.session, async (session) => {
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
        () => session.size,
      );
      emit(tracker, 'running');
      await scheduleCompilations({
        units,
        platformVersion: run.toVersion,
        compiler: withTestHolds(session.compiler, context),
        concurrency: session.jobsInFlight,
        ...(progressive
          ? {
              order: 'most-consumed' as const,
              onDispatch: dispatch,
              newestProducer,
              // parallelCompilations applied mid-run takes effect for the rest of it (spec §4a): the pool grows
              // or shrinks to it, and as many groups stay in flight as its workers take.
              currentConcurrency: () => {
                const wanted = Number(getSetting(db, 'parallelCompilations'));
                if (wanted !== session.size) session.resize(wanted);
                return session.jobsInFlight;
              },
            }
          : {}),
        batch,
        loadModule: (moduleVersionId) => loadModuleInput(db, moduleVersionId),
        loadSources: (moduleVersionId) => loadSources(db, moduleVersionId),
        externalProducer: (name): ExternalProducer => {
          const item = itemByName.get(name);
          if (item?.status === 'prepared' && item.artifactId !== null) {
            const artifact = getArtifact(db, item.artifactId);
            return {
              interface: interfaceOf(item.artifactId),
              references: referencesOf(artifact.moduleVersionId),
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
          if (!artifact) return null;
          if (artifact.success)
            return {
              artifactId: artifact.id,
              producerInterface: interfaceOf(artifact.id),
              durationMs: artifact.durationMs,
            };
          // A readiness check's failed compilation of the same inputs fails the upgrade's preparation the
          // same way (spec §4c). A retry ('prepare') exists to compile failed modules again: never for it.
          if (run.kind === 'upgrade' && checkRunOf(artifact.id) !== null)
            return { artifactId: artifact.id, errors: artifact.diagnostics, durationMs: artifact.durationMs };
          return null;
        },
        // Part of the batch that finishes the module (the scheduler settles a compiled node in one): its results,
        // its item and log lines and the dispatch that follows are one fenced transaction.
        saveResult: (unit, result) =>
          write(() => {
            recordCompilation(db, unit.moduleVersionId, run.toVersion, checking ? 'check' : 'prepare');
            return saveArtifact(db, unit.moduleVersionId, result);
          }),
        onStart: (unit) => {
          // Called from a compiler process's message: a lost lease stops the run at its next awaited write instead.
          if (lease.lost) return;
          started++;
          const text = `Compiling module ${started} of ${items.length}: ${unit.name}`;
          // Written with the next batch (most often the finish of the module this process compiled before),
          // and reported after it commits; a run killed meanwhile compiles the module again on resume anyway.
          defer(() => {
            // A progressive run's dispatch already put it in the current group ('compiling').
            if (!progressive) {
              markItemCompiling(db, run.id, unit.name);
              forget([unit.name]);
            }
            log('info', text);
            tracker.started(unit.name);
            onEvent({ type: 'module', name: unit.name, status: 'compiling' });
            emit(tracker, 'running');
          });
        },
        onFinish: (unit, outcome) => {
          group.members.delete(unit.name);
          group.finishedSinceDispatch = true;
          const artifactId = outcome.status === 'skipped' ? null : outcome.artifactId;
          const durationMs = outcome.status === 'skipped' ? 0 : outcome.durationMs;
          const errors = outcome.status === 'prepared' ? [] : outcome.errors;
          // Spec §4c: a preparation says which compilations it took from a readiness check.
          const reusedFromRun =
            !checking && outcome.status !== 'skipped' && !outcome.compiled && outcome.artifactId !== null
              ? checkRunOf(outcome.artifactId)
              : null;
          write(() => {
            finishItem(db, run.id, unit.name, {
              status: outcome.status,
              artifactId,
              durationMs,
              errors,
              reusedFromRun,
            });
            forget([unit.name]);
            if (reusedFromRun !== null) {
              reusedFromChecks++;
              log('info', `${unit.name}: reused from the readiness check (run #${reusedFromRun}), not compiled again.`);
            }
            if (outcome.status === 'failed')
              log('error', `${unit.name} failed: ${errors[0]?.message ?? 'unknown error'}`);
            if (outcome.status === 'skipped') log('warning', `${unit.name} skipped: ${errors[0]?.message ?? ''}`);
          });
          const compiled = outcome.status !== 'skipped' && outcome.compiled;
          if (!compiled && outcome.status !== 'skipped') started++;
          tracker.finished(unit.name, outcome.status, durationMs, compiled);
          onEvent({ type: 'module', name: unit.name, status: outcome.status });
          emit(tracker, 'running');
        },
        shouldStop: () => {
          // A lost lease stops the scheduling at once; the next write says why.
          stopped = stopped || (options.shouldStop?.() ?? false) || lease.lost !== null;
          return stopped;
        },
      });
      flushDeferred();
      if (deferredError !== null) throw deferredError;
      const finalStatus = stopped ? 'interrupted' : 'finished';
      const stepStatus = counts.failed + counts.skipped > 0 ? 'warning' : 'done';
      for (const step of steps)
        if (step.id === 'prepare-modules') Object.assign(step, { status: stopped ? 'pending' : stepStatus });
      lease.write(() => {
        setRunStatus(db, run.id, finalStatus);
        log(
          stopped ? 'warning' : counts.failed + counts.skipped > 0 ? 'warning' : 'info',
          checking
            ? stopped
              ? `Readiness check interrupted: ${tracker.done} of ${items.length} modules done; checking again resumes it.`
              : `Readiness check finished: ${counts.prepared} modules ready, ${counts.failed} would fail, ${counts.skipped} would be skipped, ${counts.excluded} excluded.`
            : stopped
              ? `Preparation interrupted: ${tracker.done} of ${items.length} modules done; it resumes on the next start.`
              : `Preparation finished: ${counts.prepared} prepared, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.excluded} excluded.` +
                (reusedFromChecks > 0 ? ` ${reusedFromChecks} reused from the readiness check.` : ''),
        );
      });
      emit(tracker, finalStatus);
    });
  } finally {
    clearImmediate(deferredFlush);
    lease.release();
  }
  return summarizeRun(db, { ...run, status: stopped ? 'interrupted' : 'finished' });
}
