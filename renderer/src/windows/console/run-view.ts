import type { EnvironmentStatus, PreparationProgress, StatusCounts } from '../../../../common/domain';

/** What the console says about the current or latest run, from live progress or else the status. */
export interface RunView {
  runId: number | null;
  status: PreparationProgress['status'];
  fromVersion: string;
  toVersion: string;
  total: number;
  counts: StatusCounts;
  percent: number;
  estimatedFinishAt: string | null;
  /** The title of the running (or failed) upgrade step, when known. */
  stepTitle: string | null;
  stepDetail: string | null;
}

/** Merges live progress (fresher) with the status's latest run (present after a restart). */
export function deriveRunView(status: EnvironmentStatus | null, progress: PreparationProgress | null): RunView | null {
  if (progress) {
    const step =
      progress.steps.find((s) => s.status === 'failed') ?? progress.steps.find((s) => s.status === 'running') ?? null;
    return {
      runId: progress.runId,
      status: progress.status,
      fromVersion: progress.fromVersion,
      toVersion: progress.toVersion,
      total: progress.total,
      counts: progress.counts,
      percent: progress.percent,
      estimatedFinishAt: progress.estimatedFinishAt,
      stepTitle: step?.title ?? null,
      stepDetail: step?.detail ?? null,
    };
  }
  const run = status?.activeRun ?? status?.latestRun ?? null;
  if (!run) return null;
  const done = run.counts.prepared + run.counts.failed + run.counts.skipped;
  return {
    runId: run.id,
    status: run.status,
    fromVersion: run.fromVersion,
    toVersion: run.toVersion,
    total: run.total,
    counts: run.counts,
    percent: run.total > 0 ? (done / run.total) * 100 : 100,
    estimatedFinishAt: null,
    stepTitle: null,
    stepDetail: null,
  };
}
