import { consumerChainLengths, describeCycle, findCycles, transitiveConsumerCounts } from './dependency-graph';
import { NodeCompiler } from './node-compiler';
import { ReadyQueue } from './ready-queue';
import type { CompileJob } from '../compiler/compile-types';
import type { CompileUnit, ScheduleOptions, UnitOutcome } from './schedule-types';

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
  const { nodes } = buildNodes(options.units);
  const outcomes = new Map<string, UnitOutcome>();
  const compiler = new NodeCompiler(options, new Map(options.units.map((unit) => [unit.name, unit])), outcomes);
  const graph = [...nodes.values()].map((node) => ({ name: node.id, references: [...node.producers] }));
  const priority = options.order === 'most-consumed' ? transitiveConsumerCounts(graph) : consumerChainLengths(graph);
  // Highest priority first; ties by name so runs are reproducible. Ranked once: the ready queue takes the highest rank.
  // (One collator compares as localeCompare does, without setting one up at every comparison.)
  const byName = new Intl.Collator().compare;
  const rank = new Map(
    [...nodes.values()]
      .sort((a, b) => priority.get(a.id)! - priority.get(b.id)! || byName(b.id, a.id))
      .map((node, index) => [node.id, index]),
  );
  const waitingOn = new Map([...nodes.values()].map((node) => [node.id, node.producers.size]));
  const ready = new ReadyQueue<ScheduleNode>(rank);
  for (const node of nodes.values()) if (node.producers.size === 0) ready.push(node);

  const finish = (node: ScheduleNode, results: Map<string, UnitOutcome>) => {
    for (const member of node.members) {
      const outcome = results.get(member.name)!;
      outcomes.set(member.name, outcome);
      options.onFinish(member, outcome);
    }
    for (const consumer of node.consumers) {
      const left = waitingOn.get(consumer)! - 1;
      waitingOn.set(consumer, left);
      if (left === 0) ready.push(nodes.get(consumer)!);
    }
  };

  /** A node's outcomes when it needs no compiler (skipped behind a failed producer, settled by onDispatch, reused), else its jobs. */
  const dispatch = (node: ScheduleNode): { outcomes: Map<string, UnitOutcome> } | { jobs: CompileJob[] } => {
    const blocker = compiler.blockingProducer(node.members);
    if (blocker) {
      const errors = [{ message: `Its producer '${blocker.producer}' ${blocker.reason}, so it was not compiled.` }];
      return { outcomes: new Map(node.members.map((member) => [member.name, { status: 'skipped', errors }])) };
    }
    const settled = options.onDispatch?.(node.members);
    if (settled) return { outcomes: settled };
    return compiler.reuse(node.members, node.cycle);
  };
  const batch = options.batch ?? (<T>(work: () => T): T => work());
  let inFlight = 0;
  let recheck: NodeJS.Timeout | undefined;
  let again: NodeJS.Immediate | undefined;
  await new Promise<void>((resolve, reject) => {
    const start = (node: ScheduleNode, jobs: CompileJob[]) => {
      inFlight++;
      compiler.run(node.members, jobs).then(
        (outcome) => {
          inFlight--;
          if (ended) return;
          try {
            // Its results, its finish and the dispatch of what it made ready are one batch (one transaction for
            // the caller): a compiled module costs the coordinator one commit, not one per write.
            batch(() => {
              finish(node, compiler.settle(node.members, node.cycle, outcome));
              pump();
            });
          } catch (error) {
            end(error);
          }
        },
        (error: unknown) => {
          inFlight--;
          end(error);
        },
      );
    };
    let ended = false;
    const end = (error?: unknown) => {
      ended = true;
      if (error === undefined) resolve();
      else reject(error);
    };
    const pump = () => {
      if (ended) return;
      try {
        const concurrency = options.currentConcurrency?.() ?? options.concurrency;
        const canStart = () => ready.size > 0 && inFlight < concurrency && !options.shouldStop?.();
        if (canStart()) {
          // One batch (one transaction for the caller) dispatches ready nodes until the compiler is full: those
          // that need no compiler (reused stored compilations, skipped behind a failed producer, settled by
          // onDispatch) finish in it, and their consumers become ready in it too. The nodes to compile start
          // once it is written. At most SETTLED_PER_BATCH settle per batch: the rest go on at the next turn of
          // the event loop, so a long chain of reuse neither blocks it nor reports its progress in one lump.
          const toCompile: { node: ScheduleNode; jobs: CompileJob[] }[] = [];
          const full = batch(() => {
            let settled = 0;
            while (canStart() && inFlight + toCompile.length < concurrency) {
              if (settled >= SETTLED_PER_BATCH) return true;
              const node = ready.pop()!;
              const dispatched = dispatch(node);
              if ('jobs' in dispatched) {
                toCompile.push({ node, jobs: dispatched.jobs });
              } else {
                finish(node, dispatched.outcomes);
                settled++;
              }
            }
            return false;
          });
          for (const { node, jobs } of toCompile) start(node, jobs);
          if (full) {
            again ??= setImmediate(() => {
              again = undefined;
              pump();
            });
            return;
          }
        }
        if (inFlight === 0 && (ready.size === 0 || options.shouldStop?.())) end();
      } catch (error) {
        end(error);
      }
    };
    // A concurrency that can change mid-run is read again now and then, not only when a job ends: raised
    // while every job in flight is a long one, it takes effect at once.
    if (options.currentConcurrency) recheck = setInterval(pump, CONCURRENCY_RECHECK_MS);
    pump();
  }).finally(() => {
    clearInterval(recheck);
    if (again) clearImmediate(again);
  });
  return outcomes;
}
