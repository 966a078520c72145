import type { Db } from '../store/database';
import { LeaseLostError, type Lease } from '../store/lock-repository';
import type { EngineEvent } from './preparation-events';
import { findItem, type RunItem } from './run-repository';

/**
 * What keeps a run alive while it compiles and fences its writes: a preparation's lease on
 * the environment lock, or a readiness check's heartbeat on its own run (a check takes no lock).
 */
export type RunKeeper = Pick<Lease, 'write' | 'lost' | 'release'>;

/**
 * The fenced writer of one run's items: every write checks the lease in its transaction, several writes
 * may join one batch (one transaction, one commit), and the events of a batch wait until it commits, so
 * nothing is reported before it is written. Writes that may wait a moment (`defer`) join the next batch.
 */
export class RunWriter {
  // The run's items change by this run's own writes, which forget what they change, and by other operations (a
  // publish or a delete during a progressive run, in this process or another). None of those can write while a
  // batch's transaction is open, so what a batch reads is kept until it ends; outside a batch, each read is fresh.
  private inBatch = false;
  private readonly cachedItems = new Map<string, RunItem | null>();
  // Inside a batch events wait until it commits. Of its progress snapshots only the last one is reported,
  // after its other events.
  private held: EngineEvent[] | null = null;
  private heldProgress: (() => EngineEvent) | null = null;
  // Writes that may wait a moment (a module's start, reported by a compiler process) join the next batch, or are
  // written in one of their own at the next turn of the event loop: a compiled module then costs one commit.
  private readonly deferred: (() => void)[] = [];
  private deferredFlush: NodeJS.Immediate | undefined;
  private deferredError: unknown = null;

  constructor(
    private readonly db: Db,
    private readonly runId: number,
    private readonly keeper: Pick<RunKeeper, 'write'>,
    private readonly onEvent: (event: EngineEvent) => void,
  ) {}

  /** The run's item for a module (null: not in the run), read once per batch. */
  itemOf(name: string): RunItem | null {
    if (!this.inBatch) return findItem(this.db, this.runId, name);
    if (!this.cachedItems.has(name)) this.cachedItems.set(name, findItem(this.db, this.runId, name));
    return this.cachedItems.get(name)!;
  }

  /** Forgets what a batch read of these items: they were just written. */
  forget(names: readonly string[]): void {
    for (const name of names) this.cachedItems.delete(name);
  }

  /** Reports an event now, or when the batch being written commits. */
  report(event: EngineEvent): void {
    if (this.held) this.held.push(event);
    else this.onEvent(event);
  }

  /** Reports a progress snapshot now, or (only the batch's last one) after the batch's other events. */
  reportProgress(progress: () => EngineEvent): void {
    if (this.held) this.heldProgress = progress;
    else this.onEvent(progress());
  }

  /** Runs `work` and the deferred writes in one fenced transaction; a batch inside a batch is part of it. */
  batch<T>(work: () => T): T {
    // A batch inside a batch (the dispatch that follows a finished module) is part of it.
    if (this.held) return work();
    if (this.deferredError !== null) throw this.deferredError;
    this.held = [];
    this.heldProgress = null;
    this.inBatch = true;
    let result: T;
    try {
      result = this.keeper.write(() => {
        for (const write of this.deferred.splice(0)) write();
        return work();
      });
    } catch (error) {
      this.held = null;
      this.heldProgress = null;
      this.deferred.length = 0;
      throw error;
    } finally {
      this.inBatch = false;
      this.cachedItems.clear();
    }
    const events = this.held;
    const progress = this.heldProgress as (() => EngineEvent) | null;
    this.held = null;
    this.heldProgress = null;
    for (const event of events) this.onEvent(event);
    if (progress) this.onEvent(progress());
    return result;
  }

  /** A fenced write: its own transaction, or part of the batch being written (whose transaction checked the lease). */
  write<T>(work: () => T): T {
    return this.held ? work() : this.keeper.write(work);
  }

  /** A write that joins the next batch, or is written on its own at the next turn of the event loop. */
  defer(write: () => void): void {
    if (this.held) return write();
    this.deferred.push(write);
    this.deferredFlush ??= setImmediate(() => this.flushDeferred());
  }

  /** Writes what is deferred now; throws what failed a deferred write. */
  flush(): void {
    this.flushDeferred();
    if (this.deferredError !== null) throw this.deferredError;
  }

  /** Drops the pending turn of the event loop (the run ended). */
  close(): void {
    clearImmediate(this.deferredFlush);
  }

  private flushDeferred(): void {
    clearImmediate(this.deferredFlush);
    this.deferredFlush = undefined;
    if (this.deferred.length === 0 || this.deferredError !== null) return;
    try {
      this.batch(() => undefined);
    } catch (error) {
      // A lost lease stops the run at its next write, which says why; anything else fails the run there.
      if (!(error instanceof LeaseLostError)) this.deferredError = error;
    }
  }
}
