import type { PublishOutcome } from '../../../common/contract';
import { scheduleCompilations, type CompileUnit } from '../compilation/compile-scheduler';
import { withCompilationSession, type CompilationSession, type EngineContext } from '../engine-context';
import { UserError } from '../errors';
import { nameList } from '../name-list';
import {
  findArtifact,
  loadInterface,
  getArtifact,
  recordCompilation,
  saveArtifact,
} from '../store/artifact-repository';
import { findEnvironment } from '../store/environment-repository';
import {
  findModule,
  getModuleVersion,
  listModules,
  loadModuleInput,
  loadSources,
  type ModuleRecord,
} from '../store/module-repository';
import { currentUser, recordOperation } from '../store/operations-log';
import { findUsableCompilation, recordPublication } from '../store/publication-repository';
import { notePublishedDuringRun } from '../preparation/progressive-run';
import { withTestHolds } from '../preparation/preparation-faults';
import { assertOperationAllowed, runGatedWrite } from './operation-gate';

/** Which modules to publish: by name, a whole application, or every module. */
export type PublishSelection = { names: string[] } | { application: string } | { all: true };

export interface PublishProgress {
  done: number;
  total: number;
  module: string;
  /** What happened to it: compiled now, its stored (prepared) compilation reused, or failed. */
  result: 'compiled' | 'reused' | 'failed';
}

function selectModules(context: EngineContext, selection: PublishSelection): ModuleRecord[] {
  if ('names' in selection) {
    const found = selection.names.map((name) => findModule(context.db, name));
    const unknown = selection.names.filter((_, index) => found[index] === null);
    if (unknown.length > 0)
      throw new UserError('not-found', `No module named ${nameList(unknown, { quote: true })} in this environment.`);
    return found as ModuleRecord[];
  }
  const modules = listModules(context.db).filter(
    (module) => 'all' in selection || module.application === selection.application,
  );
  if (modules.length === 0) {
    throw new UserError(
      'not-found',
      'application' in selection
        ? `No application named '${selection.application}' in this environment.`
        : 'This environment has no modules.',
    );
  }
  return modules;
}

/**
 * Publishes modules: compiles their latest upload with the environment's version
 * (producers first) and deploys what compiled. A compilation already stored for the
 * same inputs (a prepared one, typically) is deployed without compiling again.
 * A producer outside the selection must already have a compilation for the
 * environment's version, or the publish is refused naming it.
 */
export async function publishModules(
  context: EngineContext,
  selection: PublishSelection,
  onProgress?: (progress: PublishProgress) => void,
  session?: CompilationSession,
): Promise<PublishOutcome> {
  const { db } = context;
  const target =
    'names' in selection
      ? nameList(selection.names)
      : 'application' in selection
        ? `application ${selection.application}`
        : 'all modules';
  const platformVersion = findEnvironment(db)!.platformVersion;
  const modules = selectModules(context, selection);
  const selected = new Set(modules.map((module) => module.name));
  assertOperationAllowed(db, 'publish', target, { modules: [...selected], publishedTogether: selected });
  const units: CompileUnit[] = modules.map((module) => ({
    name: module.name,
    moduleVersionId: module.latestVersionId,
    references: getModuleVersion(db, module.latestVersionId).references,
  }));

  for (const unit of units) {
    for (const producer of unit.references) {
      if (selected.has(producer) || findUsableCompilation(db, producer, platformVersion)) continue;
      const message =
        `${unit.name} can't be published: its producer '${producer}' has no publication for platform ${platformVersion} ` +
        `and is not prepared for it. Publish ${producer} first, or together with it.`;
      recordOperation(db, { operation: 'publish', target, outcome: 'refused', message });
      throw new UserError('refused', message);
    }
  }

  const outcome: PublishOutcome = { published: [], reusedPrepared: [], failed: [] };
  const moduleByName = new Map(modules.map((module) => [module.name, module]));
  const user = currentUser();
  await withCompilationSession(context, session, (session) =>
    scheduleCompilations({
      units,
      platformVersion,
      compiler: withTestHolds(session.compiler, context, 'publish'),
      concurrency: session.jobsInFlight,
      loadModule: (moduleVersionId) => loadModuleInput(db, moduleVersionId),
      loadSources: (moduleVersionId) => loadSources(db, moduleVersionId),
      externalProducer: (name) => {
        const usable = findUsableCompilation(db, name, platformVersion);
        if (!usable) return { missing: `has no compilation for platform ${platformVersion}` };
        const artifact = getArtifact(db, usable.artifactId);
        return {
          interface: loadInterface(db, usable.artifactId),
          references: getModuleVersion(db, artifact.moduleVersionId).references,
        };
      },
      findReusable: (unit, inputHash) => {
        const artifact = findArtifact(db, unit.moduleVersionId, platformVersion, inputHash);
        if (!artifact?.success) return null;
        return {
          artifactId: artifact.id,
          producerInterface: loadInterface(db, artifact.id),
          durationMs: artifact.durationMs,
        };
      },
      saveResult: (unit, result) => {
        recordCompilation(db, unit.moduleVersionId, platformVersion, 'publish');
        return saveArtifact(db, unit.moduleVersionId, result);
      },
      onFinish: (unit, unitOutcome) => {
        const module = moduleByName.get(unit.name)!;
        const success = unitOutcome.status === 'prepared';
        const artifactId = unitOutcome.status === 'skipped' ? null : unitOutcome.artifactId;
        // Re-checked at write time: a preparation may have started while this one compiled.
        runGatedWrite(
          db,
          'publish',
          unit.name,
          () => {
            recordPublication(db, {
              moduleId: module.id,
              moduleVersionId: unit.moduleVersionId,
              artifactId,
              platformVersion,
              success,
              user,
            });
            if (success && artifactId !== null)
              notePublishedDuringRun(db, unit.name, {
                artifactId,
                moduleVersionId: unit.moduleVersionId,
                platformVersion,
              });
          },
          { modules: [unit.name], publishedTogether: selected },
        );
        if (success) {
          outcome.published.push(unit.name);
          if (!unitOutcome.compiled) outcome.reusedPrepared.push(unit.name);
        } else {
          outcome.failed.push({
            name: unit.name,
            message: unitOutcome.errors.map((error) => formatError(error)).join('\n'),
          });
        }
        onProgress?.({
          done: outcome.published.length + outcome.failed.length,
          total: units.length,
          module: unit.name,
          result: !success ? 'failed' : unitOutcome.compiled ? 'compiled' : 'reused',
        });
      },
    }),
  );
  recordOperation(db, {
    operation: 'publish',
    target,
    outcome: outcome.failed.length === 0 ? 'succeeded' : 'failed',
    message: `${outcome.published.length} published (${outcome.reusedPrepared.length} from prepared compilations), ${outcome.failed.length} failed`,
    user,
  });
  return outcome;
}

function formatError(error: { message: string; file?: string; line?: number; column?: number }): string {
  return error.file ? `${error.file}:${error.line ?? 0}:${error.column ?? 0} ${error.message}` : error.message;
}
