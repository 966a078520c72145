import { scheduleCompilations } from '../main/engine/compilation/compile-scheduler';
import type { CycleCompileOutcome, JobCompiler } from '../main/engine/compilation/schedule-types';
import { CompilerCache } from '../main/engine/compiler/compiler-cache';
import type { CompileJob } from '../main/engine/compiler/compile-types';
import type { CompileOutcome } from '../main/engine/compiler/compiler-pool';
import { compileCycle } from '../main/engine/compiler/cycle-compiler';
import { compileModule } from '../main/engine/compiler/module-compiler';
import { findEligibleModules } from '../main/engine/preparation/eligibility';
import type { Db } from '../main/engine/store/database';
import { loadSources } from '../main/engine/store/module-repository';

/**
 * The floor of one process: the environment's eligible modules compiled for `platformVersion`
 * in this process, in the preparation's order, with no workers, messages or database writes.
 * Returns the wall time in ms and how many compiled successfully.
 */
export async function compileInProcess(db: Db, platformVersion: string): Promise<{ ms: number; succeeded: number }> {
  const cache = new CompilerCache();
  const compiler: JobCompiler = {
    compile: async (job: CompileJob): Promise<CompileOutcome> => ({
      kind: 'compiled',
      result: compileModule(job, cache),
    }),
    compileCycle: async (jobs: CompileJob[]): Promise<CycleCompileOutcome> => ({
      kind: 'compiled',
      results: compileCycle(jobs, cache),
    }),
  };
  const units = findEligibleModules(db).eligible.map((module) => ({
    name: module.moduleName,
    moduleVersionId: module.moduleVersionId,
    references: module.references,
  }));
  const started = Date.now();
  const outcomes = await scheduleCompilations({
    units,
    platformVersion,
    compiler,
    concurrency: 1,
    loadSources: (moduleVersionId) => loadSources(db, moduleVersionId),
    externalProducer: () => ({ missing: 'is not in this batch' }),
    findReusable: () => null,
    saveResult: () => 0,
    onFinish: () => undefined,
  });
  const succeeded = [...outcomes.values()].filter((outcome) => outcome.status === 'prepared').length;
  return { ms: Date.now() - started, succeeded };
}
