import { scheduleCompilations } from '../main/engine/compilation/compile-scheduler';
import type { JobCompiler } from '../main/engine/compilation/schedule-types';
import { GroupCompiler } from '../main/engine/compiler/compile-group';
import { findEligibleModules } from '../main/engine/preparation/eligibility';
import type { Db } from '../main/engine/store/database';
import { loadModuleInput, loadSources } from '../main/engine/store/module-repository';

/**
 * The floor of one process: the environment's eligible modules compiled for `platformVersion`
 * in this process (with its own native server), in the preparation's order, with no workers,
 * messages or database writes. Returns the wall time in ms, how many compiled successfully and
 * the native server's resident memory at the end.
 */
export async function compileInProcess(
  db: Db,
  platformVersion: string,
): Promise<{ ms: number; succeeded: number; serverRssBytes: number }> {
  const groups = new GroupCompiler();
  const compiler: JobCompiler = {
    compile: async (group) => ({ kind: 'compiled', results: groups.compile(group) }),
  };
  const units = findEligibleModules(db).eligible.map((module) => ({
    name: module.moduleName,
    moduleVersionId: module.moduleVersionId,
    references: module.references,
  }));
  const started = Date.now();
  try {
    const outcomes = await scheduleCompilations({
      units,
      platformVersion,
      compiler,
      concurrency: 1,
      loadModule: (moduleVersionId) => loadModuleInput(db, moduleVersionId),
      loadSources: (moduleVersionId) => loadSources(db, moduleVersionId),
      externalProducer: () => ({ missing: 'is not in this batch' }),
      saveResult: () => 0,
      onFinish: () => undefined,
    });
    const succeeded = [...outcomes.values()].filter((outcome) => outcome.status === 'prepared').length;
    return { ms: Date.now() - started, succeeded, serverRssBytes: groups.server.rssBytes() };
  } finally {
    groups.close();
  }
}
