import { consumerChainLengths, describeCycle, findCycles, transitiveConsumerCounts } from './dependency-graph';
import { NodeCompiler } from './node-compiler';
import { ReadyQueue } from './ready-queue';
import type { CompileJob, GroupOutcome } from '../compiler/compile-types';
import type { CompileUnit, ScheduleOptions, UnitOutcome } from './schedule-types';
import { lookUpRound, settleShared } from './shared-cache-dispatch';

export type {
  CompileUnit,
  ExternalProducer,
  JobCompiler,
  ModuleInput,
  ScheduleOptions,
  UnitOutcome,
} from './schedule-types';

/** What the schedule orders: one module, or the members of a reference cycle, compiled together. */
interface ScheduleNode {
  id: string;
  members: CompileUnit[];
  /** "A → B → A" for a cycle, null for a single module. */
  cycle: string | null;
  producers: Set<string>;
  consumers: Set<string>;
}

/** Collapses every reference cycle of the batch into one node; returns the nodes and each module's node. */
function buildNodes(units: readonly CompileUnit[]): {
  nodes: Map<string, ScheduleNode>;
  nodeOf: Map<string, ScheduleNode>;
} {
  const byName = new Map(units.map((unit) => [unit.name, unit]));
  const nodes = new Map<string, ScheduleNode>();
  const nodeOf = new Map<string, ScheduleNode>();
  const add = (members: CompileUnit[], cycle: string | null) => {
    const node: ScheduleNode = {
      id: members.map((member) => member.name).join('+'),
      members,
      cycle,
      producers: new Set(),
      consumers: new Set(),
    };
    nodes.set(node.id, node);
    for (const member of members) nodeOf.set(member.name, node);
  };
  for (const members of findCycles(units))
    add(
      members.map((name) => byName.get(name)!),
      describeCycle(members, units),
    );
  for (const unit of units) if (!nodeOf.has(unit.name)) add([unit], null);
  for (const node of nodes.values()) {
    for (const member of node.members) {
      for (const reference of member.references) {
        const producer = nodeOf.get(reference);
        if (!producer || producer === node) continue;
        node.producers.add(producer.id);
        producer.consumers.add(node.id);
      }
    }
  }
  return { nodes, nodeOf };
}

/** A node to compile, unless the shared cache has it: its jobs and its members' input hashes (null: not hashed). */
interface Compilable {
  node: ScheduleNode;
  jobs: CompileJob[];
  inputHashes: string[] | null;
}

/**
 * Nodes looked up in the shared cache beyond those the compiler takes: a run of hits needs no compiler, so the
 * lookups, not the compiler slots, bound how fast it goes (one round trip per round, not per few modules).
 */
const LOOKUP_AHEAD = 64;

/** Nodes settled without a compiler (reused, skipped, settled by onDispatch) in one batch at most. */
const SETTLED_PER_BATCH = 50;

/** How often a changeable concurrency (ScheduleOptions.currentConcurrency) is read while jobs run. */
const CONCURRENCY_RECHECK_MS = 500;

/**
 * Compiles a batch of modules, producers first, up to `concurrency` jobs at a
 * time, the longest chain of waiting consumers first (or, with `order: 'most-consumed'`,
 * the module most others consume). The members of a reference
 * cycle compile together and are prepared together or fail naming the cycle; a
 * module whose producer did not succeed is skipped with an error naming that
 * producer. Compilations whose inputs were already compiled are reused.
 */
export async function scheduleCompilations(options: ScheduleOptions): Promise<Map<string, UnitOutcome>> {
  return new Schedule(options).run();
}

/** The highest-priority node first; ties by name so runs are reproducible. */
function rankNodes(nodes: Map<string, ScheduleNode>, order: ScheduleOptions['order']): Map<string, number> {
  const graph = [...nodes.values()].map((node) => ({ name: node.id, references: [...node.producers] }));
  const priority = order === 'most-consumed' ? transitiveConsumerCounts(graph) : consumerChainLengths(graph);
  // Ranked once: the ready queue takes the highest rank.
  // (One collator compares as localeCompare does, without setting one up at every comparison.)
  const byName = new Intl.Collator().compare;
  return new Map(
    [...nodes.values()]
      .sort((a, b) => priority.get(a.id)! - priority.get(b.id)! || byName(b.id, a.id))
      .map((node, index) => [node.id, index]),
  );
}

/** One scheduling of a batch of modules: what is ready, in flight, looked up in the shared cache, and settled. */
class Schedule {
  private readonly nodes: Map<string, ScheduleNode>;
  private readonly outcomes = new Map<string, UnitOutcome>();
  private readonly compiler: NodeCompiler;
  private readonly waitingOn: Map<string, number>;
  private readonly ready: ReadyQueue<ScheduleNode>;
  private readonly batch: <T>(work: () => T) => T;
  private inFlight = 0;
  /** Nodes being looked up in the shared cache, and its misses waiting for a compiler slot. */
  private lookingUp = 0;
  private readonly missed: Compilable[] = [];
  // Compiled nodes whose outcomes came in the same turn (a compiler request answers several) settle in one
  // batch (one transaction for the caller): their results, their finish and the dispatch of what they made
  // ready. A compiled module then costs the coordinator a share of a commit, not one per write.
  private readonly compiled: { node: ScheduleNode; outcome: GroupOutcome }[] = [];
  private again: NodeJS.Immediate | undefined;
  private ended = false;
  private settle: { resolve: () => void; reject: (error: unknown) => void } = {
    resolve: () => undefined,
    reject: () => undefined,
  };

  constructor(private readonly options: ScheduleOptions) {
    this.nodes = buildNodes(options.units).nodes;
    this.compiler = new NodeCompiler(options, new Map(options.units.map((unit) => [unit.name, unit])), this.outcomes);
    this.waitingOn = new Map([...this.nodes.values()].map((node) => [node.id, node.producers.size]));
    this.ready = new ReadyQueue<ScheduleNode>(rankNodes(this.nodes, options.order));
    for (const node of this.nodes.values()) if (node.producers.size === 0) this.ready.push(node);
    this.batch = options.batch ?? (<T>(work: () => T): T => work());
  }

  /** Runs the schedule to its end (every node settled, or stopped); rejects with what failed it. */
  async run(): Promise<Map<string, UnitOutcome>> {
    let recheck: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
      // A concurrency that can change mid-run is read again now and then, not only when a job ends: raised
      // while every job in flight is a long one, it takes effect at once.
      if (this.options.currentConcurrency) recheck = setInterval(() => this.pump(), CONCURRENCY_RECHECK_MS);
      this.pump();
    }).finally(() => {
      clearInterval(recheck);
      if (this.again) clearImmediate(this.again);
    });
    return this.outcomes;
  }

  private finish(node: ScheduleNode, results: Map<string, UnitOutcome>): void {
    for (const member of node.members) {
      const outcome = results.get(member.name)!;
      this.outcomes.set(member.name, outcome);
      this.options.onFinish(member, outcome);
    }
    for (const consumer of node.consumers) {
      const left = this.waitingOn.get(consumer)! - 1;
      this.waitingOn.set(consumer, left);
      if (left === 0) this.ready.push(this.nodes.get(consumer)!);
    }
  }

  /** A node's outcomes when it needs no compiler (skipped behind a failed producer, settled by onDispatch, reused), else its jobs. */
  private dispatch(
    node: ScheduleNode,
  ): { outcomes: Map<string, UnitOutcome> } | { jobs: CompileJob[]; inputHashes: string[] | null } {
    const blocker = this.compiler.blockingProducer(node.members);
    if (blocker) {
      const errors = [{ message: `Its producer '${blocker.producer}' ${blocker.reason}, so it was not compiled.` }];
      return { outcomes: new Map(node.members.map((member) => [member.name, { status: 'skipped', errors }])) };
    }
    const settled = this.options.onDispatch?.(node.members);
    if (settled) return { outcomes: settled };
    return this.compiler.reuse(node.members, node.cycle);
  }

  private end(error?: unknown): void {
    this.ended = true;
    if (error === undefined) this.settle.resolve();
    else this.settle.reject(error);
  }

  private settleCompiled(): void {
    const done = this.compiled.splice(0);
    if (this.ended || done.length === 0) return;
    try {
      this.batch(() => {
        for (const { node, outcome } of done)
          this.finish(node, this.compiler.settle(node.members, node.cycle, outcome));
        this.pump();
      });
    } catch (error) {
      this.end(error);
    }
  }

  private start(node: ScheduleNode, jobs: CompileJob[]): void {
    this.inFlight++;
    this.compiler.run(node.members, jobs).then(
      (outcome) => {
        this.inFlight--;
        if (this.ended) return;
        if (this.compiled.push({ node, outcome }) === 1) queueMicrotask(() => this.settleCompiled());
      },
      (error: unknown) => {
        this.inFlight--;
        this.end(error);
      },
    );
  }

  /**
   * Starts a dispatch round's nodes. With the shared cache, the round is looked up first in one call: the nodes
   * it has settle as a reuse does (one batch); the others wait in `missed` for a compiler slot.
   */
  private startRound(round: Compilable[]): void {
    const shared = this.options.sharedCache;
    const asked = shared ? round.filter((item) => item.inputHashes !== null) : [];
    for (const item of round) if (!asked.includes(item)) this.start(item.node, item.jobs);
    if (!shared || asked.length === 0) return;
    this.lookingUp += asked.length;
    const candidates = asked.map(({ node, inputHashes }) => ({
      members: node.members,
      cycle: node.cycle,
      inputHashes: inputHashes!,
    }));
    lookUpRound(shared, candidates, this.options.platformVersion).then(
      (hits) => {
        this.lookingUp -= asked.length;
        if (this.ended) return;
        try {
          this.batch(() =>
            asked.forEach(({ node }, index) => {
              const found = hits[index];
              if (found) this.finish(node, settleShared(shared, candidates[index]!, found));
            }),
          );
          this.missed.push(...asked.filter((_, index) => !hits[index]));
          this.pump();
        } catch (error) {
          this.end(error);
        }
      },
      (error: unknown) => this.end(error),
    );
  }

  private busy(): number {
    return this.inFlight + this.lookingUp + this.missed.length;
  }

  private pump(): void {
    if (this.ended) return;
    const { options, ready } = this;
    try {
      const narrow = options.currentConcurrency?.() ?? options.concurrency;
      // Many modules waiting: hand the compiler enough of them to fill its requests (several to a program).
      const wide = options.batching?.();
      const concurrency =
        wide && ready.size + this.inFlight >= wide.whenWaiting ? Math.max(narrow, wide.inFlight) : narrow;
      // Misses of the shared cache were dispatched already: they take the compiler slots first.
      while (this.missed.length > 0 && this.inFlight < concurrency) {
        const { node, jobs } = this.missed.shift()!;
        this.start(node, jobs);
      }
      // With the shared cache, up to LOOKUP_AHEAD more nodes than the compiler takes are being looked up.
      const limit = concurrency + (options.sharedCache ? LOOKUP_AHEAD : 0);
      if (this.canStart(limit) && this.dispatchRound(limit)) {
        this.again ??= setImmediate(() => {
          this.again = undefined;
          this.pump();
        });
        return;
      }
      if (this.busy() === 0 && (ready.size === 0 || options.shouldStop?.())) this.end();
    } catch (error) {
      this.end(error);
    }
  }

  private canStart(limit: number): boolean {
    return this.ready.size > 0 && this.busy() < limit && !this.options.shouldStop?.();
  }

  /**
   * One batch (one transaction for the caller) dispatches ready nodes until the compiler is full: those
   * that need no compiler (reused stored compilations, skipped behind a failed producer, settled by
   * onDispatch) finish in it, and their consumers become ready in it too. The nodes to compile start
   * once it is written. At most SETTLED_PER_BATCH settle per batch: the rest go on at the next turn of
   * the event loop (returns true then), so a long chain of reuse neither blocks it nor reports its progress
   * in one lump.
   */
  private dispatchRound(limit: number): boolean {
    const toCompile: Compilable[] = [];
    const full = this.batch(() => {
      let settled = 0;
      while (this.canStart(limit) && this.busy() + toCompile.length < limit) {
        if (settled >= SETTLED_PER_BATCH) return true;
        const node = this.ready.pop()!;
        const dispatched = this.dispatch(node);
        if ('jobs' in dispatched) {
          toCompile.push({ node, ...dispatched });
        } else {
          this.finish(node, dispatched.outcomes);
          settled++;
        }
      }
      return false;
    });
    this.startRound(toCompile);
    return full;
  }
}
