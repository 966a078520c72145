import type { PreparationProgress, StatusCounts, UpgradeStep } from '../../../common/domain';

/**
 * Keeps the live counts of a run and estimates its finish from measured
 * durations: the average compile time so far, spread over the parallel workers.
 */
export class ProgressTracker {
  private readonly compiling = new Set<string>();
  private measuredMs = 0;
  private measuredCount = 0;
  private readonly startedAtMs: number;

  constructor(
    private readonly base: Pick<PreparationProgress, 'runId' | 'fromVersion' | 'toVersion' | 'startedAt'> & {
      upgrading: boolean;
    },
    private readonly steps: UpgradeStep[],
    readonly total: number,
    readonly counts: StatusCounts,
    private readonly concurrency: number,
  ) {
    this.startedAtMs = Date.parse(base.startedAt);
  }

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
    const now = Date.now();
    const remaining = this.total - this.done;
    let estimatedFinishAt: string | null = null;
    if (status === 'running' && this.measuredCount >= 3 && remaining > 0) {
      const perModuleMs = this.measuredMs / this.measuredCount / Math.max(1, this.concurrency);
      estimatedFinishAt = new Date(now + remaining * perModuleMs).toISOString();
    } else if (remaining === 0) {
      estimatedFinishAt = new Date(now).toISOString();
    }
    return {
      ...this.base,
      status,
      steps: this.steps.map((step) => ({ ...step })),
      total: this.total,
      counts: { ...this.counts },
      compilingNow: [...this.compiling],
      elapsedMs: now - this.startedAtMs,
      estimatedFinishAt,
      percent: this.total === 0 ? 100 : Math.floor((this.done / this.total) * 100),
    };
  }
}
