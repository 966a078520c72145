import {
  READINESS_PROBLEMS_SHOWN,
  type ReadinessCheck,
  type ReadinessProblem,
  type ReadinessProgress,
  type ReadinessState,
  type ReadinessStatus,
} from '../../../common/domain';
import type { EngineContext } from '../engine-context';
import { compareVersions, installedPlatformVersion } from '../platform/platform-versions';
import { changedSinceRun, effectiveStatus, latestCheckRun, summarizeRun } from '../preparation/run-repository';
import { iterateReportModules } from '../report/report-model';
import { findEnvironment } from '../store/environment-repository';

/** The latest readiness check for `toVersion`, with the modules that would not be prepared and why. */
export function getReadinessCheck(context: EngineContext, toVersion: string): ReadinessCheck | null {
  const run = latestCheckRun(context.db, toVersion);
  if (!run) return null;
  const summary = summarizeRun(context.db, run);
  const problems: ReadinessProblem[] = [];
  for (const module of iterateReportModules(context.db, run.id)) {
    if (module.status !== 'failed' && module.status !== 'skipped') continue;
    problems.push({
      name: module.name,
      application: module.application,
      status: module.status,
      errors: module.errors.slice(0, 3),
    });
  }
  problems.sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'failed' ? -1 : 1));
  return {
    runId: run.id,
    toVersion: run.toVersion,
    status: summary.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    startedBy: run.startedBy,
    total: summary.total,
    counts: summary.counts,
    problems: problems.slice(0, READINESS_PROBLEMS_SHOWN),
    changedSince: changedSinceRun(context.db, run.id),
  };
}

/** The pending upgrade's target: the installed Platform Server when it is newer than the environment, else null. */
function pendingTarget(context: EngineContext): string | null {
  const environment = findEnvironment(context.db)!;
  const installed = installedPlatformVersion();
  return compareVersions(installed, environment.platformVersion) > 0 ? installed : null;
}

/**
 * What `config-tool status` says of readiness checks: the latest check for the pending upgrade's target
 * (its counts and what changed since, without the per-module problems the window lists), and a check
 * running now, for whatever version.
 */
export function getReadinessStatus(context: EngineContext): ReadinessStatus {
  const { db } = context;
  const targetVersion = pendingTarget(context);
  const latestForTarget = targetVersion ? latestCheckRun(db, targetVersion) : null;
  const latest = latestForTarget
    ? { ...summarizeRun(db, latestForTarget), changedSince: changedSinceRun(db, latestForTarget.id) }
    : null;
  const newest = latestCheckRun(db);
  const running =
    latest?.status === 'running'
      ? latest
      : newest && newest.id !== latest?.id && effectiveStatus(db, newest) === 'running'
        ? summarizeRun(db, newest)
        : null;
  return { targetVersion, latest, running };
}

/**
 * What the Upgrade readiness section shows: the pending upgrade's target (the installed
 * Platform Server, when newer than the environment), its latest check, and a running one.
 */
export function getReadinessState(context: EngineContext, running: ReadinessProgress | null): ReadinessState {
  const targetVersion = pendingTarget(context);
  return {
    targetVersion,
    latest: targetVersion ? getReadinessCheck(context, targetVersion) : null,
    running,
  };
}
