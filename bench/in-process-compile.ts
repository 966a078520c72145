import { scheduleCompilations } from '../main/engine/compilation/compile-scheduler';
import type { JobCompiler } from '../main/engine/compilation/schedule-types';
import { GroupCompiler } from '../main/engine/compiler/compile-group';
import type { CompileResult } from '../main/engine/compiler/compile-types';
import { hashFiles } from '../main/engine/compiler/input-hash';
import { findEligibleModules } from '../main/engine/preparation/eligibility';
import { listItems } from '../main/engine/preparation/run-repository';
import type { Db } from '../main/engine/store/database';
import { loadModuleInput, loadSources } from '../main/engine/store/module-repository';

/** What the in-process compile found against a run's report: modules compared and those that differ. */
export interface OutcomeComparison {
  compared: number;
  differences: string[];
}

/**
 * The floor of one process: the environment's eligible modules compiled for `platformVersion`
 * in this process (with its own native server), in the preparation's order, with no workers,
 * messages or database writes, each compile group in a program of its own (how every module
 * compiled before batches). Returns the wall time in ms, how many compiled successfully, the
 * native server's resident memory at the end and, given a run, how its outcomes compare with
 * that run's, module by module (status, errors, and the stored compilation's hashes and bytes).
 */
export async function compileInProcess(
  db: Db,
  platformVersion: string,
  runId?: number,
): Promise<{ ms: number; succeeded: number; serverRssBytes: number; comparison?: OutcomeComparison }> {
  const groups = new GroupCompiler();
  const compiler: JobCompiler = {
    compile: async (group) => ({ kind: 'compiled', results: groups.compile(group) }),
  };
  const units = findEligibleModules(db).eligible.map((module) => ({
    name: module.moduleName,
    moduleVersionId: module.moduleVersionId,
    references: module.references,
  }));
  const results = new Map<string, CompileResult>();
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
      saveResult: (unit, result) => {
        results.set(unit.name, result);
        return 0;
      },
      onFinish: () => undefined,
    });
    const ms = Date.now() - started;
    const succeeded = [...outcomes.values()].filter((outcome) => outcome.status === 'prepared').length;
    const comparison = runId === undefined ? undefined : compare(db, runId, outcomes, results);
    return { ms, succeeded, serverRssBytes: groups.server.rssBytes(), comparison };
  } finally {
    groups.close();
  }
}

/** The run's items against the outcomes here: status, errors, and each stored compilation's hashes and bytes. */
function compare(
  db: Db,
  runId: number,
  outcomes: Map<string, { status: string; errors?: unknown }>,
  results: Map<string, CompileResult>,
): OutcomeComparison {
  const differences: string[] = [];
  const stored = db.prepare(
    'SELECT input_hash AS inputHash, interface_hash AS interfaceHash, js_json AS js, declarations_json AS declarations, diagnostics_json AS diagnostics FROM artifacts WHERE id = @id',
  );
  let compared = 0;
  for (const item of listItems(db, runId)) {
    const here = outcomes.get(item.moduleName);
    compared++;
    if (!here || here.status !== item.status) {
      differences.push(`${item.moduleName}: ${item.status} in the run, ${here?.status ?? 'absent'} alone`);
      continue;
    }
    if (JSON.stringify(item.errors) !== JSON.stringify(here.errors ?? [])) {
      differences.push(`${item.moduleName}: other errors`);
      continue;
    }
    const result = results.get(item.moduleName);
    if (item.artifactId === null || !result) continue;
    const row = stored.get({ id: item.artifactId }) as Record<string, string | null>;
    const same =
      row.inputHash === result.inputHash &&
      row.interfaceHash === result.interfaceHash &&
      row.js === JSON.stringify(result.js) &&
      row.declarations === JSON.stringify(result.declarations) &&
      row.diagnostics === JSON.stringify(result.diagnostics) &&
      (result.interfaceHash === null || hashFiles(result.declarations) === result.interfaceHash);
    if (!same) differences.push(`${item.moduleName}: another compilation`);
  }
  return { compared, differences };
}
