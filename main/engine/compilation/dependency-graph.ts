/** A module in a batch to compile, with the producers it references. */
export interface GraphNode {
  name: string;
  references: string[];
}

/**
 * Strongly connected components of the reference graph restricted to `nodes`
 * (Tarjan, iterative so 10,000-deep chains don't overflow the stack). Returns the
 * cycles: components of more than one module, or a module referencing itself.
 */
export function findCycles(nodes: readonly GraphNode[]): string[][] {
  const byName = new Map(nodes.map((node) => [node.name, node]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root.name)) continue;
    const work: { name: string; next: number }[] = [{ name: root.name, next: 0 }];
    index.set(root.name, counter);
    low.set(root.name, counter++);
    stack.push(root.name);
    onStack.add(root.name);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const references = byName.get(frame.name)!.references.filter((reference) => byName.has(reference));
      if (frame.next < references.length) {
        const next = references[frame.next++];
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ name: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.name, Math.min(low.get(frame.name)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].name;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.name)!));
      }
      if (low.get(frame.name) === index.get(frame.name)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.name);
        const selfReference = byName.get(frame.name)!.references.includes(frame.name);
        if (component.length > 1 || selfReference) cycles.push(component.reverse());
      }
    }
  }
  return cycles;
}

/** "A → B → C → A": the cycle as an admin reads it, following references from its first member. */
export function describeCycle(members: string[], nodes: readonly GraphNode[]): string {
  const inCycle = new Set(members);
  const byName = new Map(nodes.map((node) => [node.name, node]));
  const start = [...members].sort()[0];
  const path = [start];
  let current = start;
  for (let step = 0; step < members.length; step++) {
    const next = byName
      .get(current)!
      .references.find((reference) => inCycle.has(reference) && (reference === start || !path.includes(reference)));
    if (!next) break;
    path.push(next);
    if (next === start) break;
    current = next;
  }
  if (path[path.length - 1] !== start) path.push(start);
  return path.join(' → ');
}

/**
 * For each module, the length of the longest chain of consumers waiting on it
 * inside the batch (0 for a module nobody in the batch consumes). Scheduling the
 * longest chains first keeps the end of a run from going serial.
 */
export function consumerChainLengths(
  nodes: readonly GraphNode[],
  excluded: ReadonlySet<string> = new Set(),
): Map<string, number> {
  const names = new Set(nodes.filter((node) => !excluded.has(node.name)).map((node) => node.name));
  const consumers = new Map<string, string[]>();
  const pendingProducers = new Map<string, number>();
  for (const node of nodes) {
    if (!names.has(node.name)) continue;
    const producers = node.references.filter((reference) => names.has(reference) && reference !== node.name);
    pendingProducers.set(node.name, 0);
    for (const producer of producers) {
      consumers.set(producer, [...(consumers.get(producer) ?? []), node.name]);
    }
  }
  // Kahn's order from the sinks upwards: a module's chain is 1 + the longest chain of its consumers.
  const remainingConsumers = new Map<string, number>();
  for (const name of names) remainingConsumers.set(name, (consumers.get(name) ?? []).length);
  const byName = new Map(nodes.map((node) => [node.name, node]));
  const ready = [...names].filter((name) => remainingConsumers.get(name) === 0);
  const lengths = new Map<string, number>();
  while (ready.length > 0) {
    const name = ready.pop()!;
    const chain = Math.max(-1, ...(consumers.get(name) ?? []).map((consumer) => lengths.get(consumer) ?? 0)) + 1;
    lengths.set(name, chain);
    for (const producer of byName.get(name)!.references) {
      if (!names.has(producer) || producer === name) continue;
      const left = remainingConsumers.get(producer)! - 1;
      remainingConsumers.set(producer, left);
      if (left === 0) ready.push(producer);
    }
  }
  for (const name of names) if (!lengths.has(name)) lengths.set(name, 0);
  return lengths;
}

/**
 * For each module, how many modules of the batch consume it, directly or transitively (each counted once).
 * The progressive preparation prepares the most consumed ready module first: it unblocks the most teams.
 */
export function transitiveConsumerCounts(nodes: readonly GraphNode[]): Map<string, number> {
  const names = new Set(nodes.map((node) => node.name));
  const consumers = new Map<string, string[]>();
  for (const node of nodes) {
    for (const producer of new Set(node.references)) {
      if (!names.has(producer) || producer === node.name) continue;
      consumers.set(producer, [...(consumers.get(producer) ?? []), node.name]);
    }
  }
  const counts = new Map<string, number>();
  for (const name of names) {
    const seen = new Set<string>();
    const queue = [...(consumers.get(name) ?? [])];
    while (queue.length > 0) {
      const consumer = queue.pop()!;
      if (seen.has(consumer) || consumer === name) continue;
      seen.add(consumer);
      queue.push(...(consumers.get(consumer) ?? []));
    }
    counts.set(name, seen.size);
  }
  return counts;
}
