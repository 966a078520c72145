import type { PreparationProgress, StatusCounts, UpgradeStep } from '../../../common/domain';
import { buildProgress } from './progress-snapshot';

/**
 * Keeps the live counts of a run and estimates its finish from measured
 * durations: the average compile time so far, spread over the parallel workers.
 */
export class ProgressTracker {
  private readonly compiling = new Set<string>();
  private measuredMs = 0;
  private measuredCount = 0;

  constructor(
    private readonly base: Pick<PreparationProgress, 'runId' | 'fromVersion' | 'toVersion' | 'startedAt'> & {
      upgrading: boolean;
    },
    private readonly steps: UpgradeStep[],
    readonly total: number,
    readonly counts: StatusCounts,
    /** The compiler processes now (a resize during the run changes it). */
    private readonly concurrency: () => number,
  ) {}

  started(name: string): void {
    this.counts.pending--;
    this.counts.compiling++;
    this.compiling.add(name);
  }

  finished(name: string, status: 'prepared' | 'failed' | 'skipped', durationMs: number, compiled: boolean): void {
    if (this.compiling.delete(name)) this.counts.compiling--;
    else this.counts.pending--;
    this.counts[status]++;
    if (compiled && durationMs > 0) {
      this.measuredMs += durationMs;
      this.measuredCount++;
    }
  }

  get done(): number {
    return this.counts.prepared + this.counts.failed + this.counts.skipped;
  }

  snapshot(status: PreparationProgress['status']): PreparationProgress {
    return buildProgress({
      ...this.base,
      status,
      steps: this.steps,
      total: this.total,
      counts: this.counts,
      compilingNow: [...this.compiling],
      measured: { totalMs: this.measuredMs, count: this.measuredCount, concurrency: this.concurrency() },
    });
  }
}
