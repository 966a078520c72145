import type { ModuleError } from '../../../common/domain';
import type { CompileJob, CompileResult, GroupOutcome, ProducerInterface } from '../compiler/compile-types';
import { computeGroupInputHashes, type CompileIdentity } from '../compiler/input-hash';
import type { CompileUnit, ExternalProducer, ScheduleOptions, UnitOutcome } from './schedule-types';
import { offerCompiled } from './shared-cache-dispatch';

/**
 * Compiles one node of the schedule: a module, or the members of a reference
 * cycle together. Knows every finished outcome, so it can tell which producer
 * blocks a node and give each job the interfaces of all the producers it sees.
 */
export class NodeCompiler {
  private readonly external = new Map<string, ExternalProducer>();

  constructor(
    private readonly options: ScheduleOptions,
    private readonly inBatch: ReadonlyMap<string, CompileUnit>,
    private readonly outcomes: ReadonlyMap<string, UnitOutcome>,
  ) {}

  /** The producer outside the node whose failure blocks it, with why; null when all are fine. */
  blockingProducer(members: readonly CompileUnit[]): { producer: string; reason: string } | null {
    const names = new Set(members.map((member) => member.name));
    for (const member of members) {
      for (const producer of member.references) {
        if (names.has(producer)) continue;
        const outcome = this.outcomes.get(producer);
        if (outcome && outcome.status !== 'prepared')
          return { producer, reason: outcome.status === 'failed' ? 'failed' : 'was skipped' };
        if (!this.inBatch.has(producer)) {
          const found = this.externalProducer(producer);
          if ('missing' in found) return { producer, reason: found.missing };
        }
      }
    }
    return null;
  }

  private externalProducer(name: string): ExternalProducer {
    if (!this.external.has(name)) this.external.set(name, this.options.externalProducer(name));
    return this.external.get(name)!;
  }

  /** Interfaces of every producer a unit sees, transitively (producers' declarations import their own producers), siblings excluded. */
  private producerInterfaces(unit: CompileUnit, siblings: ReadonlySet<string>): Record<string, ProducerInterface> {
    const result: Record<string, ProducerInterface> = {};
    // Breadth first; each name is queued once (producers shared deep down are reached many times over).
    const queue: string[] = [];
    const queued = new Set<string>([unit.name, ...siblings]);
    const enqueue = (names: readonly string[]): void => {
      for (const name of names) {
        if (queued.has(name)) continue;
        queued.add(name);
        queue.push(name);
      }
    };
    enqueue(unit.references);
    for (let next = 0; next < queue.length; next++) {
      const name = queue[next]!;
      const newest = this.options.newestProducer?.(name);
      if (newest && 'interface' in newest) {
        result[name] = newest.interface;
        enqueue(newest.references);
        continue;
      }
      const outcome = this.outcomes.get(name);
      if (outcome?.status === 'prepared') {
        result[name] = outcome.producerInterface;
        enqueue(this.inBatch.get(name)!.references);
        continue;
      }
      const found = this.externalProducer(name);
      if ('interface' in found) {
        result[name] = found.interface;
        enqueue(found.references);
      }
    }
    return result;
  }

  /** What the unit's compilation would be, without its sources (they are read only to compile it). */
  private identity(unit: CompileUnit, siblings: ReadonlySet<string>): CompileIdentity {
    const { kind, sourceHash } = this.options.loadModule(unit.moduleVersionId);
    return {
      moduleName: unit.name,
      kind,
      platformVersion: this.options.platformVersion,
      sourceHash,
      references: unit.references,
      producers: this.producerInterfaces(unit, siblings),
    };
  }

  private toOutcome(unit: CompileUnit, result: CompileResult): UnitOutcome {
    const artifactId = this.options.saveResult(unit, result);
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
  }

  /** The outcomes of stored compilations of the node's inputs it can take instead of compiling, or null. */
  private findStored(
    members: readonly CompileUnit[],
    cycle: string | null,
    hashes: readonly string[] | null,
  ): Map<string, UnitOutcome> | null {
    const { findReusable } = this.options;
    if (!findReusable || !hashes) return null;
    const reused = members.map((member, index) => findReusable(member, hashes[index]));
    const prepared = reused.filter((found) => found !== null && 'producerInterface' in found);
    if (prepared.length === members.length)
      return new Map(
        members.map((member, index) => [member.name, { status: 'prepared', ...prepared[index]!, compiled: false }]),
      );
    // A stored failed compilation of the same inputs fails the same way (a cycle's members fail together: compiled).
    const failed = reused[0];
    if (cycle === null && failed && 'errors' in failed)
      return new Map([[members[0].name, { status: 'failed', ...failed, compiled: false }]]);
    return null;
  }

  /**
   * Looks the node up among stored compilations of the same inputs: their outcomes when it can
   * reuse them (synchronously, so the caller can write them in the transaction that dispatched it),
   * else the jobs to compile it with. Compiled, the node is one compile group: a module, or the members of a cycle, which compile
   * together, each importing the others' sources. The members of a cycle are prepared together
   * or not at all: when one has errors, every member fails with an error that names the cycle
   * (`cycle`; a module referencing itself is one too, null for a single module).
   */
  reuse(
    members: readonly CompileUnit[],
    cycle: string | null,
  ): { outcomes: Map<string, UnitOutcome> } | { jobs: CompileJob[]; inputHashes: string[] | null } {
    const siblings = new Set(members.map((member) => member.name));
    const identities = members.map((member) => this.identity(member, siblings));
    // Hashed only when something stored can match: the local store, or the shared cache.
    const inputHashes =
      this.options.findReusable || this.options.sharedCache ? computeGroupInputHashes(identities) : null;
    const found = this.findStored(members, cycle, inputHashes);
    if (found) return { outcomes: found };
    // The compiler process computes the identity again from the sources themselves.
    const jobs = identities.map(({ sourceHash: _sourceHash, ...identity }, index): CompileJob => ({
      ...identity,
      sources: this.options.loadSources(members[index].moduleVersionId),
    }));
    return { jobs, inputHashes };
  }

  /**
   * Compiles the node's jobs (from `reuse`) as one compile group. Its outcome is not written yet: `settle`
   * does that, synchronously, so the caller can write it in the same transaction as what follows from it.
   */
  run(members: readonly CompileUnit[], jobs: CompileJob[]): Promise<GroupOutcome> {
    return this.options.compiler.compile(jobs, () => members.forEach((member) => this.options.onStart?.(member)));
  }

  /**
   * Each member's outcome of a compiled group, its results saved (`saveResult`). The members of a
   * cycle are prepared together or not at all (see `reuse`).
   */
  settle(members: readonly CompileUnit[], cycle: string | null, outcome: GroupOutcome): Map<string, UnitOutcome> {
    if (outcome.kind === 'process-failed') {
      const errors: ModuleError[] = [
        { message: cycle === null ? outcome.reason : `${outcome.reason} (reference cycle ${cycle})` },
      ];
      return new Map(
        members.map((member) => [
          member.name,
          { status: 'failed', artifactId: null, errors, durationMs: 0, compiled: true },
        ]),
      );
    }
    const outcomes = members.map((member, index) => this.toOutcome(member, outcome.results[index]));
    if (this.options.sharedCache) offerCompiled(this.options.sharedCache, outcome.results);
    const broken = members.filter((_, index) => outcomes[index].status !== 'prepared').map((member) => member.name);
    if (broken.length === 0 || cycle === null)
      return new Map(members.map((member, index) => [member.name, outcomes[index]]));
    const note = `Module '%s' is in the reference cycle ${cycle}, which is prepared together and has errors in ${broken.map((name) => `'${name}'`).join(', ')}.`;
    return new Map(
      members.map((member, index): [string, UnitOutcome] => {
        const own = outcomes[index];
        const errors = [{ message: note.replace('%s', member.name) }, ...(own.status === 'failed' ? own.errors : [])];
        const artifactId = own.status === 'skipped' ? null : own.artifactId;
        const durationMs = own.status === 'skipped' ? 0 : own.durationMs;
        return [member.name, { status: 'failed', artifactId, errors, durationMs, compiled: true }];
      }),
    );
  }
}
