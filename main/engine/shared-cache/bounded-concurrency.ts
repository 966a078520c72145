/**
 * Runs tasks with at most `limit` of them in flight, the rest waiting in order: the cache's lookups and
 * uploads, so 10,000 modules are 10,000 requests pipelined over a few connections, never all at once.
 */
export class BoundedConcurrency {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Tasks started or waiting. */
  get pending(): number {
    return this.running + this.waiting.length;
  }

  /** Runs `task` when a place is free; resolves or rejects as it does. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its place to the next waiting one, so a newcomer never slips in between.
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) return next();
    this.running -= 1;
    if (this.running === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Resolves when nothing is running or waiting. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
