/**
 * The second `prepare` of `npm run bench`: a `prepare` right after the upgrade. Two cases, each named for what it
 * measures: on a fully prepared environment it has nothing to do (goal < 1 s); when the upgrade left failed or
 * skipped modules it retries them as a new run. The bench's factory keeps the web views' month-name dates that
 * 11.17.0 refuses (the factory every recorded figure used), so its environment gives the retry; the
 * nothing-to-do case is measured on a second environment of the same modules without them.
 */
import path from 'node:path';
import type { RunSummary } from '../common/domain';
import type { EngineContext } from '../main/engine/engine-context';
import { importFactory } from '../main/engine/factory/import-factory';
import { openEnvironment } from '../main/engine/open-environment';
import { prepareModules } from '../main/engine/preparation/prepare-modules';
import type { WorkerSpawner } from '../main/engine/process/worker-spawner';
import { upgradeEnvironment } from '../main/engine/upgrade/upgrade-environment';
import { generateFactory, type FactoryOptions } from './factory-generator';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs `prepare` on an upgraded environment and prints its figure under the name of the case it was. */
export async function measureSecondPrepare(
  context: EngineContext,
  upgradeRun: RunSummary,
  about = 'on the environment the upgrade left',
): Promise<{ nothingToDo: boolean }> {
  const compilations = () => (context.db.prepare('SELECT count(*) AS n FROM compilations').get() as { n: number }).n;
  const compilationsBefore = compilations();
  const started = Date.now();
  const again = await prepareModules(context, { onEvent: () => undefined });
  const ms = Date.now() - started;
  const compiled = compilations() - compilationsBefore;
  const left = `run #${upgradeRun.id} left ${upgradeRun.counts.failed} failed and ${upgradeRun.counts.skipped} skipped`;
  if (again.nothingToDo) {
    console.log(
      `prepare, nothing to do   ${(ms / 1000).toFixed(3)} s  (${about}: ${left}; no run, ${compiled} compilations; goal < 1 s)`,
    );
  } else {
    const { counts } = again.run;
    console.log(
      `prepare again (retry)    ${seconds(ms)}  (${about}: ${left}; run #${again.run.id} retried them, ${counts.failed} failed and ${counts.skipped} skipped again; ${compiled} compilations)`,
    );
  }
  return { nothingToDo: again.nothingToDo };
}

/**
 * The nothing-to-do case where the bench's own environment retried instead: the same factory without what the
 * target refuses (`dateTextPatterns: false`, no removed-API users), imported and upgraded, then `prepare` once
 * more. Its import against its upgrade is the import / preparation of the same modules (the bench's own factory
 * skips the consumers of the modules that fail on the target, so there the preparation compiles fewer).
 */
export async function measureNothingToDo(options: {
  work: string;
  spawner: WorkerSpawner;
  target: string;
  factory: FactoryOptions;
}): Promise<void> {
  const dir = path.join(options.work, 'fully-preparable');
  const factoryDir = path.join(dir, 'factory');
  const environmentDir = path.join(dir, 'environment');
  generateFactory(factoryDir, { ...options.factory, removedApiUsers: 0, dateTextPatterns: false });
  let started = Date.now();
  const imported = await importFactory(environmentDir, factoryDir, { spawner: options.spawner });
  const importMs = Date.now() - started;
  const context = openEnvironment(environmentDir, { spawner: options.spawner });
  try {
    started = Date.now();
    const { run } = await upgradeEnvironment(context, { toVersion: options.target, onEvent: () => undefined });
    const upgradeMs = Date.now() - started;
    // Here the preparation compiles every module the import compiled: the like-for-like import / preparation.
    console.log(
      `import / preparation, same modules ${(importMs / upgradeMs).toFixed(2)}  (goal <= 1; on that second environment, where every published module prepares: import ${seconds(importMs)} of ${imported.compiled}, upgrade + preparation ${seconds(upgradeMs)} with ${run!.counts.prepared} prepared, ${run!.counts.failed} failed, ${run!.counts.skipped} skipped)`,
    );
    await measureSecondPrepare(
      context,
      run!,
      'on a second environment of the same modules without month-name dates, fully prepared by its upgrade',
    );
  } finally {
    context.leave();
    context.db.close();
  }
}
