import {
  READINESS_PROBLEMS_SHOWN,
  type ReadinessCheck,
  type ReadinessProblem,
  type ReadinessProgress,
  type ReadinessState,
} from '../../../common/domain';
import type { EngineContext } from '../engine-context';
import { compareVersions, installedPlatformVersion } from '../platform/platform-versions';
import { findEligibleModules } from '../preparation/eligibility';
import { itemVersions, latestCheckRun, summarizeRun } from '../preparation/run-repository';
import { iterateReportModules } from '../report/report-model';
import { findEnvironment } from '../store/environment-repository';

/**
 * The modules whose eligible (published) version is not the one the check compiled:
 * published or deleted since, or newly published. What the "changed since" note names.
 */
function changedSince(context: EngineContext, runId: number): string[] {
  const checked = itemVersions(context.db, runId);
  const now = new Map(findEligibleModules(context.db).eligible.map((item) => [item.moduleName, item.moduleVersionId]));
  const changed = new Set<string>();
  for (const [name, versionId] of now) if (checked.get(name) !== versionId) changed.add(name);
  for (const name of checked.keys()) if (!now.has(name)) changed.add(name);
  return [...changed].sort();
}

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
    changedSince: changedSince(context, run.id),
  };
}

/**
 * What the Upgrade readiness section shows: the pending upgrade's target (the installed
 * Platform Server, when newer than the environment), its latest check, and a running one.
 */
export function getReadinessState(context: EngineContext, running: ReadinessProgress | null): ReadinessState {
  const environment = findEnvironment(context.db)!;
  const installed = installedPlatformVersion();
  const targetVersion = compareVersions(installed, environment.platformVersion) > 0 ? installed : null;
  return {
    targetVersion,
    latest: targetVersion ? getReadinessCheck(context, targetVersion) : null,
    running,
  };
}
