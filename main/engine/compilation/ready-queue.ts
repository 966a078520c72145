/**
 * The nodes ready to compile, the highest rank first (the scheduler ranks every node once: priority,
 * then name). A binary heap: taking the next node costs O(log n), where sorting the ready list at every
 * dispatch cost O(n) or more with thousands of modules ready at the start of a 10,000-module batch.
 */
export class ReadyQueue<T extends { id: string }> {
  private readonly heap: { node: T; rank: number }[] = [];

  /** `rank`: every node's place in the order; higher goes first. */
  constructor(private readonly rank: ReadonlyMap<string, number>) {}

  get size(): number {
    return this.heap.length;
  }

  push(node: T): void {
    const heap = this.heap;
    const entry = { node, rank: this.rank.get(node.id)! };
    let index = heap.length;
    heap.push(entry);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent]!.rank >= entry.rank) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = entry;
  }

  /** Takes the highest-ranked node; undefined when none is ready. */
  pop(): T | undefined {
    const heap = this.heap;
    const best = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && heap[right]!.rank > heap[left]!.rank ? right : left;
        if (heap[child]!.rank <= last.rank) break;
        heap[index] = heap[child]!;
        index = child;
      }
      heap[index] = last;
    }
    return best?.node;
  }
}
