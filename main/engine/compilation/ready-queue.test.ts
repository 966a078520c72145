import { describe, expect, it } from 'vitest';
import { ReadyQueue } from './ready-queue';

/** A small deterministic pseudo-random generator, so a failure is reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('ReadyQueue', () => {
  it('takes the highest rank first', () => {
    const rank = new Map([
      ['b', 2],
      ['a', 4],
      ['C', 0],
      ['d', 3],
      ['A', 1],
    ]);
    const queue = new ReadyQueue<{ id: string }>(rank);
    for (const id of rank.keys()) queue.push({ id });
    const order: string[] = [];
    for (let node = queue.pop(); node; node = queue.pop()) order.push(node.id);
    expect(order).toEqual(['a', 'd', 'b', 'A', 'C']);
    expect(queue.size).toBe(0);
  });

  it('picks the node the sorted ready list picked, with pushes between the pops', () => {
    const next = random(42);
    const ids = Array.from({ length: 400 }, (_, i) => `M${Math.floor(next() * 1e6)}_${i}`);
    const rank = new Map([...ids].sort(() => next() - 0.5).map((id, index) => [id, index]));
    const queue = new ReadyQueue<{ id: string }>(rank);
    const sorted: { id: string }[] = [];
    let pushed = 0;
    while (pushed < ids.length || sorted.length > 0) {
      for (let n = Math.floor(next() * 4); n > 0 && pushed < ids.length; n--) {
        const node = { id: ids[pushed++]! };
        queue.push(node);
        sorted.push(node);
      }
      if (sorted.length === 0) continue;
      // What the scheduler did before: sort the whole list at every dispatch, take the last.
      sorted.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
      expect(queue.pop()!.id).toBe(sorted.pop()!.id);
    }
    expect(queue.pop()).toBeUndefined();
  });
});
