import type { PublishOutcome } from '../../../common/contract';
import { scheduleCompilations, type CompileUnit, type ExternalProducer } from '../compilation/compile-scheduler';
import { withCompilationSession, type CompilationSession, type EngineContext } from '../engine-context';
import { UserError } from '../errors';
import { nameList } from '../name-list';
import { loadInterface, getArtifact, recordCompilation, saveArtifact } from '../store/artifact-repository';
import { findVerifiedArtifact } from '../store/verified-compilation';
import { findEnvironment } from '../store/environment-repository';
import {
  findModule,
  getModuleVersion,
  listModules,
  loadModuleInput,
  loadSources,
  type ModuleRecord,
} from '../store/module-repository';
import { currentUser } from '../current-user';
import { recordOperation } from '../store/operations-log';
import { findUsableCompilation, recordPublication } from '../store/publication-repository';
import { notePublishedDuringRun } from '../preparation/progressive-run';
import { assertOperationAllowed, runGatedWrite } from './operation-gate';
import { openRunSharedCache, sharedCacheFields } from '../preparation/run-shared-cache';

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

/** What a publish names in the operations log. */
function targetOf(selection: PublishSelection): string {
  if ('names' in selection) return nameList(selection.names);
  return 'application' in selection ? `application ${selection.application}` : 'all modules';
}

/** Refuses (and logs) a publish whose producer outside the selection has no compilation for the environment's version. */
function refuseMissingProducers(
  context: EngineContext,
  publish: { units: CompileUnit[]; selected: ReadonlySet<string>; platformVersion: string; target: string },
): void {
  const { units, selected, platformVersion, target } = publish;
  for (const unit of units) {
    for (const producer of unit.references) {
      if (selected.has(producer) || findUsableCompilation(context.db, producer, platformVersion)) continue;
      const message =
        `${unit.name} can't be published: its producer '${producer}' has no publication for platform ${platformVersion} ` +
        `and is not prepared for it. Publish ${producer} first, or together with it.`;
      recordOperation(context.db, { operation: 'publish', target, outcome: 'refused', message });
      throw new UserError('refused', message);
    }
  }
}

/** A producer outside the selection: its usable compilation for the platform version (published or prepared). */
function publishedProducer(context: EngineContext, name: string, platformVersion: string): ExternalProducer {
  const { db } = context;
  const usable = findUsableCompilation(db, name, platformVersion);
  if (!usable) return { missing: `has no compilation for platform ${platformVersion}` };
  const artifact = getArtifact(db, usable.artifactId);
  return {
    interface: loadInterface(db, usable.artifactId),
    references: getModuleVersion(db, artifact.moduleVersionId).references,
  };
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
  const target = targetOf(selection);
  const platformVersion = findEnvironment(db)!.platformVersion;
  const modules = selectModules(context, selection);
  const selected = new Set(modules.map((module) => module.name));
  assertOperationAllowed(db, 'publish', target, { modules: [...selected], publishedTogether: selected });
  const units: CompileUnit[] = modules.map((module) => ({
    name: module.name,
    moduleVersionId: module.latestVersionId,
    references: getModuleVersion(db, module.latestVersionId).references,
  }));

  refuseMissingProducers(context, { units, selected, platformVersion, target });

  const outcome: PublishOutcome = { published: [], reusedPrepared: [], damaged: [], failed: [] };
  const moduleByName = new Map(modules.map((module) => [module.name, module]));
  const user = currentUser();
  const shared = openRunSharedCache(context, {
    acceptFailed: true,
    save: (unit, result) => saveArtifact(db, unit.moduleVersionId, result),
  });
  await withCompilationSession(context, session, (session) =>
    scheduleCompilations({
      ...(shared.schedule ? { sharedCache: shared.schedule } : {}),
      units,
      platformVersion,
      compiler: context.faults?.holdCompiler(session.compiler, 'publish') ?? session.compiler,
      concurrency: session.jobsInFlight,
      loadModule: (moduleVersionId) => loadModuleInput(db, moduleVersionId),
      loadSources: (moduleVersionId) => loadSources(db, moduleVersionId),
      externalProducer: (name) => publishedProducer(context, name, platformVersion),
      findReusable: (unit, inputHash) => {
        const found = findVerifiedArtifact(db, { moduleVersionId: unit.moduleVersionId, platformVersion, inputHash });
        // Spec §4d: a damaged stored compilation is never deployed; compiled again, it is stored over it.
        if (found === 'damaged') outcome.damaged.push(unit.name);
        if (found === 'damaged' || !found?.content.success) return null;
        const { interfaceHash, declarations } = found.content;
        return {
          artifactId: found.id,
          producerInterface: { interfaceHash: interfaceHash!, declarations },
          durationMs: found.durationMs,
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
          if (unitOutcome.sharedOrigin) (outcome.reusedFromSharedCache ??= []).push(unit.name);
          else if (!unitOutcome.compiled) outcome.reusedPrepared.push(unit.name);
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
  Object.assign(outcome, sharedCacheFields(await shared.finish()));
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
