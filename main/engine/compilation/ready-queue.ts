/** A node in the heap with what orders it, looked up once when it is pushed. */
interface Entry<T> {
  node: T;
  priority: number;
  rank: number;
}

/**
 * The nodes ready to compile, best first: the highest priority, ties by id in locale order
 * (`localeCompare`) so runs are reproducible. A binary heap over ranks computed once: taking the next
 * node costs O(log n), where sorting the whole ready list at every dispatch cost O(n log n) string
 * comparisons and, with thousands of modules ready at the start of a 10,000-module batch, was most of
 * the coordinating process's CPU.
 */
export class ReadyQueue<T extends { id: string }> {
  private readonly heap: Entry<T>[] = [];
  /** Each id's place in locale order. */
  private readonly rank = new Map<string, number>();

  /** `ids`: every id that will be pushed; `priority`: higher goes first. */
  constructor(
    ids: Iterable<string>,
    private readonly priority: ReadonlyMap<string, number>,
  ) {
    const collator = new Intl.Collator();
    const sorted = [...ids].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    sorted.forEach((id, index) => this.rank.set(id, index));
  }

  get size(): number {
    return this.heap.length;
  }

  push(node: T): void {
    const heap = this.heap;
    const entry = { node, priority: this.priority.get(node.id)!, rank: this.rank.get(node.id)! };
    let index = heap.length;
    heap.push(entry);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = entry;
  }

  /** Takes the best node; undefined when none is ready. */
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
        const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
        if (!before(heap[child]!, last)) break;
        heap[index] = heap[child]!;
        index = child;
      }
      heap[index] = last;
    }
    return best?.node;
  }
}

/** True when `a` goes before `b`. */
function before<T>(a: Entry<T>, b: Entry<T>): boolean {
  return a.priority !== b.priority ? a.priority > b.priority : a.rank < b.rank;
}
