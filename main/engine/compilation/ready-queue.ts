/**
 * The nodes ready to dispatch, highest rank first: a binary heap, so taking the next one costs
 * O(log n) however many are ready (sorting the ready list at every dispatch made each finished
 * module cost the coordinator time in proportion to the environment's size).
 */
export class ReadyQueue<T> {
  private readonly heap: T[] = [];

  constructor(private readonly rankOf: (item: T) => number) {}

  get length(): number {
    return this.heap.length;
  }

  push(item: T): void {
    const heap = this.heap;
    const rank = this.rankOf(item);
    let index = heap.push(item) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.rankOf(heap[parent]) >= rank) break;
      heap[index] = heap[parent];
      index = parent;
    }
    heap[index] = item;
  }

  /** The item of the highest rank, removed; undefined when empty. */
  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    const rank = this.rankOf(last);
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && this.rankOf(heap[right]) > this.rankOf(heap[left]) ? right : left;
      if (this.rankOf(heap[child]) <= rank) break;
      heap[index] = heap[child];
      index = child;
    }
    heap[index] = last;
    return top;
  }
}
