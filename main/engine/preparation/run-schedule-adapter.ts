import type { ExternalProducer, ScheduleOptions, UnitOutcome } from '../compilation/compile-scheduler';
import type { CompileUnit } from '../compilation/schedule-types';
import { getArtifact, recordCompilation, saveArtifact } from '../store/artifact-repository';
import type { Db } from '../store/database';
import { recordSharedOrigin } from '../store/shared-cache-repository';
import { damagedCompiledAgain, findVerifiedArtifact } from '../store/verified-compilation';
import type { ProgressiveGroup } from './progressive-group';
import type { ProgressTracker } from './progress-tracker';
import type { RunLog } from './run-log';
import type { RunLookups } from './run-lookups';
import { finishItem, markItemCompiling, markItemsInGroup, type ItemRow, type StoredRun } from './run-repository';
import type { RunKeeper, RunWriter } from './run-writer';

/** What the adapter reads and writes of one run. */
export interface RunParts {
  db: Db;
  run: StoredRun;
  writer: RunWriter;
  log: RunLog;
  lookups: RunLookups;
  group: ProgressiveGroup;
  tracker: ProgressTracker;
  /** The run's items as they were when it started (or resumed). */
  itemByName: ReadonlyMap<string, ItemRow>;
  /** The modules the run left out, each with why. */
  excluded: ReadonlyMap<string, string>;
  /** Modules this run compiles, as counted when it started. */
  toCompile: number;
  /** Reports the run's progress (and its log lines), held until the batch being written commits. */
  emit(): void;
  keeper: RunKeeper;
  /** Asked between compilations; true stops the run as 'interrupted' (shutdown). */
  shouldStop?: () => boolean;
}

type Callbacks = Pick<
  ScheduleOptions,
  | 'externalProducer'
  | 'findReusable'
  | 'saveResult'
  | 'onStart'
  | 'onFinish'
  | 'shouldStop'
  | 'batch'
  | 'onDispatch'
  | 'newestProducer'
>;

/**
 * The scheduler's side of a run: where its producers come from, which stored compilations it reuses,
 * how a module's start and finish are written (fenced, in the scheduler's batches) and reported.
 */
export class RunScheduleAdapter {
  /** Set once the run was told to stop; it ends 'interrupted'. */
  stopped = false;
  /** Compilations this preparation took from a readiness check (spec §4c). */
  reusedFromChecks = 0;
  // "Compiling module 3 of 17" counts what this run compiles, not the modules it reuses.
  private compiledSoFar = 0;
  private toCompile: number;
  private readonly checking: boolean;

  constructor(private readonly parts: RunParts) {
    this.toCompile = parts.toCompile;
    this.checking = parts.run.kind === 'check';
  }

  /** The callbacks for scheduleCompilations (a progressive run's dispatch puts modules in its current group). */
  callbacks(): Callbacks {
    return {
      batch: (work) => this.parts.writer.batch(work),
      externalProducer: (name) => this.externalProducer(name),
      findReusable: (unit, inputHash) => this.findReusable(unit, inputHash),
      ...(this.parts.group.progressive
        ? {
            onDispatch: (members: readonly CompileUnit[]) => this.dispatch(members),
            newestProducer: (name: string) => this.newestProducer(name),
          }
        : {}),
      // Part of the batch that finishes the module (the scheduler settles a compiled node in one): its results,
      // its item and log lines and the dispatch that follows are one fenced transaction.
      saveResult: (unit, result) =>
        this.parts.writer.write(() => {
          const { db, run } = this.parts;
          recordCompilation(db, unit.moduleVersionId, run.toVersion, this.checking ? 'check' : 'prepare');
          return saveArtifact(db, unit.moduleVersionId, result);
        }),
      onStart: (unit) => this.onStart(unit),
      onFinish: (unit, outcome) => this.onFinish(unit, outcome),
      shouldStop: () => {
        // A lost lease stops the scheduling at once; the next write says why.
        this.stopped = this.stopped || (this.parts.shouldStop?.() ?? false) || this.parts.keeper.lost !== null;
        return this.stopped;
      },
    };
  }

  /** A producer outside the run's pending modules: prepared in it, or why it is missing. */
  private externalProducer(name: string): ExternalProducer {
    const { db, lookups, itemByName, excluded } = this.parts;
    const item = itemByName.get(name);
    if (item?.status === 'prepared' && item.artifactId !== null) {
      const artifact = getArtifact(db, item.artifactId);
      return {
        interface: lookups.interfaceOf(item.artifactId),
        references: lookups.referencesOf(artifact.moduleVersionId),
      };
    }
    if (item)
      return {
        missing: item.status === 'failed' ? 'failed' : item.status === 'skipped' ? 'was skipped' : `is ${item.status}`,
      };
    const reason = excluded.get(name);
    return { missing: reason ? `is not prepared (${reason})` : 'does not exist in this environment' };
  }

  private findReusable(unit: CompileUnit, inputHash: string): ReturnType<NonNullable<ScheduleOptions['findReusable']>> {
    const { db, run, lookups, log } = this.parts;
    const found = findVerifiedArtifact(db, {
      moduleVersionId: unit.moduleVersionId,
      platformVersion: run.toVersion,
      inputHash,
    });
    // Spec §4d: a damaged stored compilation is never reused; compiled again, it is stored over it.
    if (found === 'damaged') log.write('warning', damagedCompiledAgain(unit.name));
    if (found === 'damaged' || found === null) return null;
    const { content } = found;
    if (content.success) {
      const producerInterface = { interfaceHash: content.interfaceHash!, declarations: content.declarations };
      lookups.rememberInterface(found.id, producerInterface);
      return { artifactId: found.id, producerInterface, durationMs: found.durationMs };
    }
    // A readiness check's failed compilation of the same inputs fails the upgrade's preparation the
    // same way (spec §4c). A retry ('prepare') exists to compile failed modules again: never for it.
    if (run.kind === 'upgrade' && lookups.checkRunOf(found.id) !== null)
      return { artifactId: found.id, errors: content.diagnostics, durationMs: found.durationMs };
    return null;
  }

  /** The producer's newest compilation for the target: the run's, or the one published during the run. */
  private newestProducer(name: string): ExternalProducer | null {
    const { writer, lookups } = this.parts;
    const item = writer.itemOf(name);
    if (item?.status !== 'prepared' || item.artifactId === null) return null;
    return { interface: lookups.interfaceOf(item.artifactId), references: lookups.referencesOf(item.moduleVersionId) };
  }

  /** Hands a node to the compiler: it joins the current group, unless it was published or deleted meanwhile. */
  private dispatch(members: readonly CompileUnit[]): Map<string, UnitOutcome> | null {
    const { db, run, writer, lookups, log, group } = this.parts;
    return writer.write((): Map<string, UnitOutcome> | null => {
      const found = members.map((member) => writer.itemOf(member.name));
      if (found.every((item) => item?.status === 'prepared' && item.artifactId !== null)) {
        log.write(
          'info',
          `${members.map((member) => member.name).join(', ')}: published during the preparation, not compiled again.`,
        );
        return new Map(
          members.map((member, index): [string, UnitOutcome] => {
            const artifactId = found[index]!.artifactId!;
            const producerInterface = lookups.interfaceOf(artifactId);
            return [member.name, { status: 'prepared', artifactId, producerInterface, durationMs: 0, compiled: false }];
          }),
        );
      }
      const deleted = members.filter((_, index) => found[index] === null).map((member) => member.name);
      if (deleted.length > 0) {
        const errors = [{ message: `${deleted.join(', ')} deleted during the preparation.` }];
        return new Map(members.map((member) => [member.name, { status: 'skipped', errors }]));
      }
      const names = members.map((member) => member.name);
      markItemsInGroup(db, run.id, names, group.enter(names));
      writer.forget(names);
      return null;
    });
  }

  private onStart(unit: CompileUnit): void {
    const { db, run, writer, log, group, tracker } = this.parts;
    // Called from a compiler process's message: a lost lease stops the run at its next awaited write instead.
    if (this.parts.keeper.lost) return;
    this.compiledSoFar++;
    this.toCompile = Math.max(this.toCompile, this.compiledSoFar);
    const text = `Compiling module ${this.compiledSoFar} of ${this.toCompile}: ${unit.name}`;
    // Written with the next batch (most often the finish of the module this process compiled before),
    // and reported after it commits; a run killed meanwhile compiles the module again on resume anyway.
    writer.defer(() => {
      // A progressive run's dispatch already put it in the current group ('compiling').
      if (!group.progressive) {
        markItemCompiling(db, run.id, unit.name);
        writer.forget([unit.name]);
      }
      log.write('info', text);
      tracker.started(unit.name);
      writer.report({ type: 'module', name: unit.name, status: 'compiling' });
      this.parts.emit();
    });
  }

  private onFinish(unit: CompileUnit, outcome: UnitOutcome): void {
    const { writer, group, tracker } = this.parts;
    group.leave(unit.name);
    const durationMs = outcome.status === 'skipped' ? 0 : outcome.durationMs;
    writer.write(() => this.writeFinish(unit, outcome));
    const compiled = outcome.status !== 'skipped' && outcome.compiled;
    tracker.finished(unit.name, outcome.status, durationMs, compiled);
    writer.report({ type: 'module', name: unit.name, status: outcome.status });
    this.parts.emit();
  }

  /** A module's final item and its log lines. */
  private writeFinish(unit: CompileUnit, outcome: UnitOutcome): void {
    const { db, run, writer, lookups, log } = this.parts;
    const artifactId = outcome.status === 'skipped' ? null : outcome.artifactId;
    const durationMs = outcome.status === 'skipped' ? 0 : outcome.durationMs;
    const errors = outcome.status === 'prepared' ? [] : outcome.errors;
    // Spec §4c: a preparation says which compilations it took from a readiness check.
    const reusedFromRun =
      !this.checking && outcome.status !== 'skipped' && !outcome.compiled && outcome.artifactId !== null
        ? lookups.checkRunOf(outcome.artifactId)
        : null;
    finishItem(db, run.id, unit.name, { status: outcome.status, artifactId, durationMs, errors, reusedFromRun });
    writer.forget([unit.name]);
    if (outcome.status !== 'skipped' && outcome.sharedOrigin) {
      recordSharedOrigin(db, run.id, unit.name, outcome.sharedOrigin);
      log.write('info', `${unit.name}: reused from the shared cache (${outcome.sharedOrigin.environment}).`);
    }
    if (reusedFromRun !== null) {
      this.reusedFromChecks++;
      log.write('info', `${unit.name}: reused from the readiness check (run #${reusedFromRun}), not compiled again.`);
    }
    if (outcome.status === 'failed')
      log.write('error', `${unit.name} failed: ${errors[0]?.message ?? 'unknown error'}`);
    if (outcome.status === 'skipped') log.write('warning', `${unit.name} skipped: ${errors[0]?.message ?? ''}`);
  }
}
