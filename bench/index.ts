/**
 * `npm run bench`: generates a 1,000-module factory, imports it, upgrades it to the
 * installed version with the modules preparation, retries on the prepared
 * environment, compiles the same modules once more in this one process (the floor
 * without workers, messages or writes), and runs `tsc -b` (TypeScript 6) on them laid
 * out as project references, all in one run on this machine. Prints the figures.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Command } from 'commander';
import { importFactory } from '../main/engine/factory/import-factory';
import { openEnvironment } from '../main/engine/open-environment';
import { findPackageRoot, installedPlatformVersion } from '../main/engine/platform/platform-versions';
import { prepareModules } from '../main/engine/preparation/prepare-modules';
import { createNodeWorkerSpawner } from '../main/engine/process/worker-spawner';
import { upgradeEnvironment } from '../main/engine/upgrade/upgrade-environment';
import { generateFactory } from './factory-generator';
import { compileInProcess } from './in-process-compile';
import { writeTscBuildLayout } from './tsc-build-layout';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const options = new Command('bench')
    .option('--modules <n>', 'modules in the generated factory', '1000')
    .option('--dir <dir>', 'work folder', path.join(os.tmpdir(), 'config-tool-bench'))
    .option('--skip-tsc', 'do not run tsc -b')
    .parse()
    .opts<{ modules: string; dir: string; skipTsc?: boolean }>();
  const moduleCount = Number(options.modules);
  const root = findPackageRoot();
  const work = path.resolve(options.dir);
  fs.rmSync(work, { recursive: true, force: true });
  const factoryDir = path.join(work, 'factory');
  const environmentDir = path.join(work, 'environment');
  const spawner = createNodeWorkerSpawner(path.join(root, 'out', 'node'));
  const target = installedPlatformVersion();
  console.log(
    `bench: ${moduleCount} modules, ${os.availableParallelism()} cores, Node ${process.version}, target ${target}`,
  );

  let started = Date.now();
  // No removed-API users: the environment ends fully prepared, for the second-prepare figure.
  const factory = generateFactory(factoryDir, { moduleCount, seed: 7, removedApiUsers: 0 });
  console.log(`generate factory         ${seconds(Date.now() - started)}  (${factory.modules.length} modules)`);

  started = Date.now();
  const imported = await importFactory(environmentDir, factoryDir, { spawner });
  const importMs = Date.now() - started;
  console.log(
    `import                   ${seconds(importMs)}  (${imported.published} published and deployed, goal < 60 s)`,
  );

  const context = openEnvironment(environmentDir, { spawner });
  const compile = context.db
    .prepare(
      `SELECT avg(duration_ms) AS avg, max(duration_ms) AS max FROM artifacts WHERE platform_version = '11.11.3'`,
    )
    .get() as { avg: number; max: number };
  console.log(
    `compile per module       ${compile.avg.toFixed(1)} ms average, ${compile.max} ms max (in the worker processes, JIT warm-up included)`,
  );

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  started = Date.now();
  const cpuBefore = process.cpuUsage();
  const stepsDoneAt = new Map<string, number>();
  const upgraded = await upgradeEnvironment(context, {
    toVersion: target,
    onEvent: (event) => {
      if (event.type !== 'progress') return;
      for (const step of event.progress.steps)
        if (step.status === 'done' && !stepsDoneAt.has(step.id)) stepsDoneAt.set(step.id, Date.now() - started);
    },
  });
  const prepareMs = Date.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  const run = upgraded.run!;
  const done = run.counts.prepared + run.counts.failed + run.counts.skipped;
  console.log(
    `upgrade + preparation    ${seconds(prepareMs)}  (${run.counts.prepared} prepared, ${run.counts.failed} failed, ${run.counts.skipped} skipped; ${(done / (prepareMs / 1000)).toFixed(1)} modules/s)`,
  );
  const upgradeStepsMs = stepsDoneAt.get('switch-version') ?? 0;
  console.log(
    `  of which upgrade steps ${seconds(upgradeStepsMs)}  (backup, platform database, system components, version switch; the rest is the preparation)`,
  );
  console.log(
    `coordinator CPU          ${seconds((cpu.user + cpu.system) / 1000)}  (the process scheduling and writing results; workers compile)`,
  );
  console.log(
    `event-loop delay p99     ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms in the coordinator's process (goal < 50 ms)`,
  );

  const compilationsBefore = (context.db.prepare('SELECT count(*) AS n FROM compilations').get() as { n: number }).n;
  started = Date.now();
  const again = await prepareModules(context, { onEvent: () => undefined });
  const againMs = Date.now() - started;
  const compilationsAfter = (context.db.prepare('SELECT count(*) AS n FROM compilations').get() as { n: number }).n;
  console.log(
    `second prepare           ${seconds(againMs)}  (${again.nothingToDo ? 'nothing to do' : `run #${again.run.id}`}, ${compilationsAfter - compilationsBefore} compilations, goal < 1 s)`,
  );

  const floorCpuBefore = process.cpuUsage();
  const floor = await compileInProcess(context.db, target);
  const floorCpu = process.cpuUsage(floorCpuBefore);
  console.log(
    `in-process compile       ${seconds(floor.ms)}  (${floor.succeeded} modules in this one process: no workers, messages or writes; ${seconds((floorCpu.user + floorCpu.system) / 1000)} CPU with V8's GC and JIT threads)`,
  );

  if (!options.skipTsc) {
    const layout = path.join(work, 'tsc-b');
    const projects = writeTscBuildLayout(context.db, layout, target);
    started = Date.now();
    const tsc = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', path.join(layout, 'tsconfig.json')],
      {
        encoding: 'utf8',
      },
    );
    const tscMs = Date.now() - started;
    const tscErrors = (tsc.stdout.match(/error TS/g) ?? []).length;
    console.log(
      `tsc -b (TypeScript 6)    ${seconds(tscMs)}  (${projects} projects, exit ${tsc.status}, ${tscErrors} errors)`,
    );
    console.log(`preparation / tsc -b     ${(prepareMs / tscMs).toFixed(2)}  (goal <= 0.6)`);
    console.log(`in-process / tsc -b      ${(floor.ms / tscMs).toFixed(2)}  (the same compilations in one process)`);
  }
  context.db.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
