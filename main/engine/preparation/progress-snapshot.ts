import type { PreparationProgress, StatusCounts, UpgradeStep } from '../../../common/domain';

/** What a progress snapshot is made of; every window and the CLI see it through buildProgress. */
export interface ProgressFacts {
  runId: number | null;
  upgrading: boolean;
  fromVersion: string;
  toVersion: string;
  status: PreparationProgress['status'];
  steps: readonly UpgradeStep[];
  total: number;
  counts: StatusCounts;
  compilingNow: readonly string[];
  startedAt: string;
  /** When the run ended (it stops the clock); null or absent while it runs. */
  finishedAt?: string | null;
  /** Measured compile times so far, spread over the parallel workers, to estimate the finish. */
  measured?: { totalMs: number; count: number; concurrency: number };
  /** Date.now() unless a caller needs one clock for several snapshots. */
  now?: number;
  /** A progressive preparation's current group and what can be published (spec §4a); absent otherwise. */
  progressive?: PreparationProgress['progressive'];
}

/** Finish estimates wait for this many measured compilations. */
const MIN_MEASURED_FOR_ESTIMATE = 3;

/**
 * The one builder of a PreparationProgress: the live tracker, the upgrade steps
 * before a run exists, and the run rebuilt from the database all go through it.
 */
export function buildProgress(facts: ProgressFacts): PreparationProgress {
  const now = facts.now ?? Date.now();
  const done = facts.counts.prepared + facts.counts.failed + facts.counts.skipped;
  const remaining = facts.total - done;
  const upgradeOnly = facts.status === 'upgrading';
  let estimatedFinishAt: string | null = null;
  if (facts.finishedAt) estimatedFinishAt = facts.finishedAt;
  else if (!upgradeOnly && remaining <= 0) estimatedFinishAt = new Date(now).toISOString();
  else if (facts.status === 'running' && facts.measured && facts.measured.count >= MIN_MEASURED_FOR_ESTIMATE) {
    const perModuleMs = facts.measured.totalMs / facts.measured.count / Math.max(1, facts.measured.concurrency);
    estimatedFinishAt = new Date(now + remaining * perModuleMs).toISOString();
  }
  const endMs = facts.finishedAt ? Date.parse(facts.finishedAt) : now;
  return {
    runId: facts.runId,
    upgrading: facts.upgrading,
    fromVersion: facts.fromVersion,
    toVersion: facts.toVersion,
    status: facts.status,
    steps: facts.steps.map((step) => ({ ...step })),
    total: facts.total,
    counts: { ...facts.counts },
    compilingNow: [...facts.compilingNow],
    startedAt: facts.startedAt,
    elapsedMs: endMs - Date.parse(facts.startedAt),
    estimatedFinishAt,
    percent: upgradeOnly ? 0 : facts.total === 0 ? 100 : Math.floor((done / facts.total) * 100),
    ...(facts.progressive ? { progressive: facts.progressive } : {}),
  };
}

/** Counts of a run with nothing in it yet (the upgrade steps before the preparation). */
export function emptyCounts(): StatusCounts {
  return { pending: 0, compiling: 0, prepared: 0, failed: 0, skipped: 0, excluded: 0 };
}
