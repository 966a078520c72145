import type { PreparationProgress } from '../../../common/domain';
import type { Db } from '../store/database';
import { maxGroupNumber } from './run-repository';

/**
 * Spec §4a: from 11.17.0 only a progressive run's current group is locked; it is stored with the items, so
 * every process (a CLI publish in another terminal, the desktop app) sees the same group. This keeps its
 * number and members as the run hands modules to the compiler.
 */
export class ProgressiveGroup {
  private number: number;
  private readonly members = new Set<string>();
  private finishedSinceDispatch = true;

  constructor(
    db: Db,
    runId: number,
    /** False for a run that locks the whole environment (or nothing): its progress names no group. */
    readonly progressive: boolean,
  ) {
    this.number = maxGroupNumber(db, runId);
  }

  /** The group these modules join: a new one when a module finished since the last one was handed out. */
  enter(names: readonly string[]): number {
    if (this.finishedSinceDispatch) {
      this.number++;
      this.finishedSinceDispatch = false;
    }
    for (const name of names) this.members.add(name);
    return this.number;
  }

  /** A module of the group finished. */
  leave(name: string): void {
    this.members.delete(name);
    this.finishedSinceDispatch = true;
  }

  /** The progress with the current group, for a progressive run. */
  withGroup(progress: PreparationProgress): PreparationProgress {
    if (!this.progressive) return progress;
    const current = this.members.size > 0 ? { number: this.number, modules: [...this.members].sort() } : null;
    return { ...progress, progressive: { group: current, readyToPublish: progress.counts.prepared } };
  }
}
