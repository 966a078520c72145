import type { ModuleError } from '../../../common/domain';
import type { CompileJob, CompileResult, ProducerInterface } from '../compiler/compile-types';
import type { CompileOutcome } from '../compiler/compiler-pool';
import { computeInputHash } from '../compiler/input-hash';
import { consumerChainLengths, describeCycle, findCycles, type GraphNode } from './dependency-graph';

/** One module version to compile in a batch. */
export interface CompileUnit extends GraphNode {
  moduleVersionId: number;
}

/** A producer outside the batch: its interface for the batch's platform version, and its own references. */
export type ExternalProducer = { interface: ProducerInterface; references: string[] } | { missing: string };

/** What became of a unit. `compiled` is false when a stored compilation with the same inputs was reused. */
export type UnitOutcome =
  | { status: 'prepared'; artifactId: number; producerInterface: ProducerInterface; durationMs: number; compiled: boolean }
  | { status: 'failed'; artifactId: number | null; errors: ModuleError[]; durationMs: number; compiled: boolean }
  | { status: 'skipped'; errors: ModuleError[] };

/** Anything that compiles a job: the worker pool, in practice. `onStarted` runs when compiling really begins. */
export interface JobCompiler {
  compile(job: CompileJob, onStarted?: () => void): Promise<CompileOutcome>;
}

export interface ScheduleOptions {
  units: readonly CompileUnit[];
  platformVersion: string;
  compiler: JobCompiler;
  /** Jobs handed to the compiler at once: more than its workers, so a worker never waits for the next job. */
  concurrency: number;
  loadSources(moduleVersionId: number): Record<string, string>;
  externalProducer(name: string): ExternalProducer;
  /** A stored successful compilation with exactly these inputs, to reuse instead of compiling. */
  findReusable(unit: CompileUnit, inputHash: string): { artifactId: number; producerInterface: ProducerInterface; durationMs: number } | null;
  /** Persists a compiler result; returns the artifact id. */
  saveResult(unit: CompileUnit, result: CompileResult): number;
  onStart?(unit: CompileUnit): void;
  /** Called once per unit, in completion order; persist here: it runs before anything else is reported. */
  onFinish(unit: CompileUnit, outcome: UnitOutcome): void;
  /** Checked between dispatches; when true, nothing new starts and the schedule ends after the in-flight ones. */
  shouldStop?(): boolean;
}

/**
 * Compiles a batch of modules, producers first, up to `concurrency` at a time,
 * the module with the longest chain of waiting consumers first. A module in a
 * reference cycle fails with an error naming the cycle; a module whose producer
 * did not succeed is skipped with an error naming that producer. Compilations
 * whose inputs were already compiled are reused, not compiled again.
 */
export async function scheduleCompilations(options: ScheduleOptions): Promise<Map<string, UnitOutcome>> {
  const { units } = options;
  const byName = new Map(units.map((unit) => [unit.name, unit]));
  const outcomes = new Map<string, UnitOutcome>();
  const consumersOf = new Map<string, string[]>();
  for (const unit of units) {
    for (const producer of unit.references) {
      if (byName.has(producer) && producer !== unit.name) consumersOf.set(producer, [...(consumersOf.get(producer) ?? []), unit.name]);
    }
  }

  const finish = (unit: CompileUnit, outcome: UnitOutcome) => {
    outcomes.set(unit.name, outcome);
    options.onFinish(unit, outcome);
  };

  const inCycle = new Set<string>();
  for (const members of findCycles(units)) {
    const description = describeCycle(members, units);
    for (const name of members) {
      inCycle.add(name);
      finish(byName.get(name)!, {
        status: 'failed',
        artifactId: null,
        compiled: false,
        durationMs: 0,
        errors: [{ message: `Module '${name}' is in a reference cycle: ${description}. Break the cycle to compile it.` }],
      });
    }
  }

  const chainLength = consumerChainLengths(units, inCycle);
  const waitingOn = new Map<string, number>();
  const ready: CompileUnit[] = [];
  for (const unit of units) {
    if (inCycle.has(unit.name)) continue;
    const pending = new Set(unit.references.filter((producer) => byName.has(producer) && producer !== unit.name));
    waitingOn.set(unit.name, pending.size);
    if (pending.size === 0) ready.push(unit);
  }
  const external = new Map<string, ExternalProducer>();
  const externalProducer = (name: string) => {
    if (!external.has(name)) external.set(name, options.externalProducer(name));
    return external.get(name)!;
  };

  /** The producer whose failure blocks this unit, direct or transitive, with why; null when all are fine. */
  const blockingProducer = (unit: CompileUnit): { producer: string; reason: string } | null => {
    for (const producer of unit.references) {
      const outcome = outcomes.get(producer);
      if (outcome && outcome.status !== 'prepared') return { producer, reason: `is ${outcome.status}` };
      if (!byName.has(producer)) {
        const found = externalProducer(producer);
        if ('missing' in found) return { producer, reason: found.missing };
      }
    }
    return null;
  };

  /** Interfaces of every producer the unit sees, transitively (producers' declarations import their own producers). */
  const producerInterfaces = (unit: CompileUnit): Record<string, ProducerInterface> => {
    const result: Record<string, ProducerInterface> = {};
    const queue = [...unit.references];
    while (queue.length > 0) {
      const name = queue.shift()!;
      if (result[name] || name === unit.name) continue;
      const outcome = outcomes.get(name);
      if (outcome?.status === 'prepared') {
        result[name] = outcome.producerInterface;
        queue.push(...byName.get(name)!.references);
        continue;
      }
      const found = externalProducer(name);
      if ('interface' in found) {
        result[name] = found.interface;
        queue.push(...found.references);
      }
    }
    return result;
  };

  const release = (name: string) => {
    for (const consumer of consumersOf.get(name) ?? []) {
      if (inCycle.has(consumer) || outcomes.has(consumer)) continue;
      const left = waitingOn.get(consumer)! - 1;
      waitingOn.set(consumer, left);
      if (left === 0) ready.push(byName.get(consumer)!);
    }
  };

  const compileUnit = async (unit: CompileUnit): Promise<UnitOutcome> => {
    const job: CompileJob = {
      moduleName: unit.name,
      platformVersion: options.platformVersion,
      sources: options.loadSources(unit.moduleVersionId),
      references: unit.references,
      producers: producerInterfaces(unit),
    };
    const inputHash = computeInputHash(job);
    const reusable = options.findReusable(unit, inputHash);
    if (reusable) return { status: 'prepared', ...reusable, compiled: false };
    const outcome = await options.compiler.compile(job, () => options.onStart?.(unit));
    if (outcome.kind === 'process-failed') {
      return { status: 'failed', artifactId: null, errors: [{ message: outcome.reason }], durationMs: 0, compiled: true };
    }
    const { result } = outcome;
    const artifactId = options.saveResult(unit, result);
    if (result.success) {
      return {
        status: 'prepared',
        artifactId,
        compiled: true,
        durationMs: result.durationMs,
        producerInterface: { interfaceHash: result.interfaceHash!, declarations: result.declarations },
      };
    }
    return { status: 'failed', artifactId, compiled: true, durationMs: result.durationMs, errors: result.diagnostics };
  };

  let inFlight = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      try {
        while (ready.length > 0 && inFlight < options.concurrency && !options.shouldStop?.()) {
          // Longest waiting chain first; ties by name so runs are reproducible.
          ready.sort((a, b) => chainLength.get(a.name)! - chainLength.get(b.name)! || b.name.localeCompare(a.name));
          const unit = ready.pop()!;
          const blocker = blockingProducer(unit);
          if (blocker) {
            finish(unit, {
              status: 'skipped',
              errors: [{ message: `Skipped: its producer '${blocker.producer}' ${blocker.reason}.` }],
            });
            release(unit.name);
            continue;
          }
          inFlight++;
          compileUnit(unit).then(
            (outcome) => {
              inFlight--;
              try {
                finish(unit, outcome);
                release(unit.name);
                pump();
              } catch (error) {
                reject(error);
              }
            },
            (error: unknown) => {
              inFlight--;
              reject(error);
            },
          );
        }
        if (inFlight === 0 && (ready.length === 0 || options.shouldStop?.())) resolve();
      } catch (error) {
        reject(error);
      }
    };
    pump();
  });
  return outcomes;
}
