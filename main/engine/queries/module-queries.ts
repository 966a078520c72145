import type { ModuleConsoleStatus, ModuleDetail, ModuleError, ModuleRow, ModuleVersions } from '../../../common/domain';
import type { EngineContext } from '../engine-context';
import { UserError } from '../errors';
import { latestRun } from '../preparation/run-repository';
import { getArtifact } from '../store/artifact-repository';
import { progressiveDeleteBlock, progressivePublishBlock } from '../operations/operation-gate';
import { findEnvironment } from '../store/environment-repository';
import { outdatedPreparationNote } from './outdated-preparation';
import { latestFailedPublication } from '../store/publication-repository';
import {
  findConsumers,
  findModule,
  getModuleVersion,
  listModules,
  moduleState,
  type ModuleRecord,
} from '../store/module-repository';

interface LatestItem {
  status: ModuleConsoleStatus;
  errorsJson: string;
  durationMs: number;
  runId: number;
  moduleVersionId: number;
  artifactId: number | null;
}

/** Each module's item in the latest run, or its exclusion from it; `names`: only those modules'. */
function latestItems(
  context: EngineContext,
  names?: readonly string[],
): {
  items: Map<string, LatestItem>;
  excluded: Map<string, string>;
  runId: number | null;
  toVersion: string | null;
} {
  const run = latestRun(context.db);
  if (!run) return { items: new Map(), excluded: new Map(), runId: null, toVersion: null };
  const rows = context.db
    .prepare(
      `SELECT module_name AS name, status, errors_json AS errorsJson, duration_ms AS durationMs, run_id AS runId, module_version_id AS moduleVersionId,
              artifact_id AS artifactId
       FROM preparation_items WHERE run_id = @runId
       ${names ? 'AND module_name IN (SELECT value FROM json_each(@names))' : ''}`,
    )
    .all({ runId: run.id, ...(names ? { names: JSON.stringify(names) } : {}) }) as (LatestItem & { name: string })[];
  const excluded = context.db
    .prepare('SELECT module_name AS name, reason FROM preparation_excluded WHERE run_id = @runId')
    .all({ runId: run.id }) as { name: string; reason: string }[];
  return {
    items: new Map(rows.map((row) => [row.name, row])),
    excluded: new Map(excluded.map((row) => [row.name, row.reason])),
    runId: run.id,
    toVersion: run.toVersion,
  };
}

function consoleStatus(
  module: ModuleRecord,
  environmentVersion: string,
  item: LatestItem | undefined,
  runVersion: string | null,
): ModuleConsoleStatus {
  const runItem = item && runVersion === environmentVersion ? item : undefined;
  // Running the environment's version: "Prepared" only when a preparation did it, otherwise simply up to date.
  if (module.runningVersion === environmentVersion && module.publishedVersionId === module.latestVersionId)
    return runItem?.status === 'prepared' ? 'prepared' : 'up-to-date';
  if (runItem) return runItem.status;
  if (module.publishedVersionId === null) return 'excluded';
  return module.runningVersion === environmentVersion ? 'up-to-date' : 'not-prepared';
}

function toRow(module: ModuleRecord, status: ModuleConsoleStatus): ModuleRow {
  return {
    name: module.name,
    application: module.application,
    kind: module.kind,
    state: moduleState(module),
    runningVersion: module.runningVersion,
    status,
  };
}

/** Every module with its running version and preparation status (the console's Modules list), by name; `first`: only the first rows. */
export function listModuleRows(context: EngineContext, options: { first?: number } = {}): ModuleRow[] {
  const environmentVersion = findEnvironment(context.db)!.platformVersion;
  // The first rows alone cost what they show: a page of modules and their items, not 10,000 of each.
  const modules = listModules(context.db, { limit: options.first });
  const { items, toVersion } = latestItems(
    context,
    options.first === undefined ? undefined : modules.map((module) => module.name),
  );
  return modules.map((module) =>
    toRow(module, consoleStatus(module, environmentVersion, items.get(module.name), toVersion)),
  );
}

/** One module in detail, with what the admin should do when it is not upgraded yet. */
export function getModuleDetail(context: EngineContext, name: string): ModuleDetail {
  const module = findModule(context.db, name);
  if (!module) throw new UserError('not-found', `No module named '${name}' in this environment.`);
  const environmentVersion = findEnvironment(context.db)!.platformVersion;
  const { items, excluded, toVersion } = latestItems(context);
  const item = items.get(name);
  const status = consoleStatus(module, environmentVersion, item, toVersion);
  const errors = item ? (JSON.parse(item.errorsJson) as ModuleError[]) : [];
  const preparedForCurrentVersion = status === 'prepared' || status === 'up-to-date';
  // The reason only: the console adds the "not upgraded yet" heading and what to do about it.
  let statusMessage: string | null = null;
  if (status === 'failed') {
    statusMessage = `Its preparation for ${environmentVersion} failed: see the compiler errors below.`;
  } else if (status === 'skipped') {
    statusMessage = `Its preparation was skipped: ${errors[0]?.message ?? 'a module it references is not prepared.'}`;
  } else if (status === 'not-prepared') {
    statusMessage = `No preparation has compiled it for ${environmentVersion} yet.`;
  } else if (status === 'pending' || status === 'compiling') {
    statusMessage = 'The preparation is working on it now.';
  } else if (status === 'excluded') {
    statusMessage = `No preparation includes it: ${excluded.get(name) ?? 'it was never published with success'}.`;
  } else if (status === 'up-to-date') {
    statusMessage = null;
  } else if (module.runningVersion !== environmentVersion) {
    statusMessage = `Prepared for ${environmentVersion}: publishing it deploys the prepared compilation without compiling again.`;
  }
  const version = getModuleVersion(context.db, module.publishedVersionId ?? module.latestVersionId);
  const waitingFor =
    status === 'skipped'
      ? version.references.filter((producer) => {
          const producerItem = items.get(producer);
          return !producerItem || producerItem.status !== 'prepared';
        })
      : [];
  const failedPublish = latestFailedPublication(context.db, module.id);
  const numberOf = (moduleVersionId: number | null | undefined) =>
    moduleVersionId ? getModuleVersion(context.db, moduleVersionId).number : null;
  const latest = getModuleVersion(context.db, module.latestVersionId).number;
  const published = numberOf(module.publishedVersionId);
  const versions: ModuleVersions = {
    running: module.runningArtifactId
      ? numberOf(getArtifact(context.db, module.runningArtifactId).moduleVersionId)
      : null,
    published,
    prepared: item?.status === 'prepared' && toVersion === environmentVersion ? numberOf(item.moduleVersionId) : null,
    latest,
    newerUpload: published === null ? false : latest > published,
  };
  return {
    ...toRow(module, status),
    references: version.references,
    consumers: findConsumers(context.db, name),
    environmentVersion,
    preparedForCurrentVersion,
    statusMessage,
    errors,
    waitingFor,
    publishFailure: failedPublish && {
      at: failedPublish.at,
      platformVersion: failedPublish.platformVersion,
      errors: failedPublish.diagnosticsJson ? (JSON.parse(failedPublish.diagnosticsJson) as ModuleError[]) : [],
    },
    lastRunId: item?.runId ?? null,
    durationMs: item?.durationMs ?? null,
    versions,
    publishBlockedReason: progressivePublishBlock(context.db, name),
    deleteBlockedReason: progressiveDeleteBlock(context.db, name),
    // Only while the prepared compilation waits to be deployed: once the module runs the environment's version,
    // publishing it has nothing outdated to replace.
    preparedOutdated:
      status === 'prepared' &&
      module.runningVersion !== environmentVersion &&
      item?.status === 'prepared' &&
      item.artifactId !== null &&
      toVersion === environmentVersion
        ? outdatedPreparationNote(
            context.db,
            { moduleName: name, moduleVersionId: item.moduleVersionId, artifactId: item.artifactId },
            environmentVersion,
          )
        : null,
  };
}
