/**
 * `npm run bench`: generates a 1,000-module factory, imports it, upgrades it to the
 * installed version with the modules preparation, runs `prepare` once more (it retries
 * the modules 11.17.0 fails and the ones skipped behind them), compiles the same modules
 * once more in this one process (the floor without workers, messages or writes), runs
 * `tsc -b` with TypeScript 7 (native) and TypeScript 6 on them laid out as project
 * references, and last times a `prepare` that has nothing to do, on a second environment
 * of the same modules without what 11.17.0 refuses, all in one run on this machine.
 * Prints the figures, with the peak memory of the compiler processes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { Command } from 'commander';
import { importFactory } from '../main/engine/factory/import-factory';
import { openEnvironment } from '../main/engine/open-environment';
import { findPackageRoot, installedPlatformVersion } from '../main/engine/platform/platform-versions';
import { createNodeWorkerSpawner } from '../main/engine/process/worker-spawner';
import { upgradeEnvironment } from '../main/engine/upgrade/upgrade-environment';
import { generateFactory, type FactoryOptions } from './factory-generator';
import { compileInProcess } from './in-process-compile';
import { benchReadinessCheck } from './readiness-check';
import { benchSharedCache } from './shared-cache';
import { measureNothingToDo, measureSecondPrepare } from './second-prepare';
import { writeTscBuildLayout } from './tsc-build-layout';
import { writeFloorLayout } from './floor-layout';
import { readProcess } from './proc-stat';
import { printSplit, watchPreparation, type PreparationSplit } from './preparation-split';
import { COMPILE_BATCH_LIMITS } from '../main/engine/engine-context';
import { findNativeBinary, NATIVE_COMPILER_VERSION } from '../main/engine/compiler/native-binary';
import { childPids, processTreeRssBytes } from '../main/engine/process/process-memory';

const MB = 1024 * 1024;

/**
 * Watches this process's compiler workers (its children) with their native servers (their
 * children): the highest RSS one worker tree reached, and the most workers seen at once.
 */
function watchCompilerProcesses(): { stop(): { peakBytes: number } } {
  let peakBytes = 0;
  const timer = setInterval(() => {
    for (const worker of childPids(process.pid)) {
      peakBytes = Math.max(peakBytes, processTreeRssBytes(worker));
    }
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return { peakBytes };
    },
  };
}

/** Runs a command to its end; wall time, exit status, output and its peak RSS (VmHWM, polled). */
function runMeasured(
  command: string,
  args: string[],
): Promise<{ ms: number; status: number | null; stdout: string; peakBytes: number; cpuMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let peakBytes = 0;
    let cpuMs = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', () => undefined);
    const poll = setInterval(() => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
        if (hwm) peakBytes = Math.max(peakBytes, Number(hwm[1]) * 1024);
        // Its CPU (user + system) as last seen: what it cost, apart from what others took of the cores.
        cpuMs = readProcess(child.pid!)?.cpuMs ?? cpuMs;
      } catch {
        // gone, or no /proc
      }
    }, 100);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ ms: Date.now() - started, status, stdout, peakBytes, cpuMs });
    });
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const options = new Command('bench')
    .option('--modules <n>', 'modules in the generated factory', '1000')
    .option('--dir <dir>', 'work folder', path.join(os.tmpdir(), 'config-tool-bench'))
    .option('--skip-tsc', 'do not run tsc -b')
    .option('--skip-tsc6', 'run tsc -b with TypeScript 7 only (TypeScript 6 takes minutes at 10,000 modules)')
    .option('--skip-check', 'do not measure the readiness check and the preparation after it')
    .option(
      '--skip-ab',
      'do not run the preparation once more with one module per compiler request (as before batches)',
    )
    .option('--skip-floor', 'do not compile the modules once more in this one process (minutes at 10,000 modules)')
    .option(
      '--skip-noop',
      'do not time a prepare with nothing to do (it imports and upgrades a second, fully preparable environment)',
    )
    .option('--skip-shared-cache', 'do not measure the shared compilation cache (a real server on a loopback port)')
    .option('--cache-port <n>', "the shared cache server's loopback port", '41235')
    .option(
      '--only <section>',
      "measure one section after the import: 'readiness' (the check and the preparation after it) or 'shared-cache'",
    )
    .parse()
    .opts<{
      modules: string;
      dir: string;
      skipTsc?: boolean;
      skipTsc6?: boolean;
      skipCheck?: boolean;
      skipAb?: boolean;
      skipFloor?: boolean;
      skipNoop?: boolean;
      skipSharedCache?: boolean;
      cachePort: string;
      only?: string;
    }>();
  if (options.only !== undefined && options.only !== 'readiness' && options.only !== 'shared-cache') {
    console.error(`Unknown section '${options.only}' for --only: the sections are 'readiness' and 'shared-cache'.`);
    process.exit(2);
  }
  const moduleCount = Number(options.modules);
  const root = findPackageRoot();
  const work = path.resolve(options.dir);
  fs.rmSync(work, { recursive: true, force: true });
  const factoryDir = path.join(work, 'factory');
  const environmentDir = path.join(work, 'environment');
  const spawner = createNodeWorkerSpawner(path.join(root, 'out', 'node'));
  const target = installedPlatformVersion();
  console.log(
    `bench: ${moduleCount} modules, ${os.availableParallelism()} cores, Node ${process.version}, target ${target}, TypeScript ${NATIVE_COMPILER_VERSION} (native)`,
  );

  let started = Date.now();
  // No removed-API users; the web views' month-name dates, which 11.17.0 refuses, stay (75 of 1,000 modules fail
  // there, their consumers are skipped): the factory every recorded figure used.
  const factoryOptions: FactoryOptions = { moduleCount, seed: 7, removedApiUsers: 0 };
  const factory = generateFactory(factoryDir, factoryOptions);
  console.log(`generate factory         ${seconds(Date.now() - started)}  (${factory.modules.length} modules)`);

  started = Date.now();
  let watch = watchCompilerProcesses();
  // Where the import's time goes: reading and storing the factory (until the first module goes to the
  // compiler), compiling (until the last result), then the commit and the move into place.
  let compilingFrom = 0;
  let compiledAt = 0;
  const importCpuBefore = process.cpuUsage();
  const imported = await importFactory(environmentDir, factoryDir, {
    spawner,
    onProgress: (progress) => {
      if (progress.phase !== 'compiling') return;
      if (progress.done === 0) compilingFrom = Date.now() - started;
      if (progress.done === progress.total) compiledAt = Date.now() - started;
    },
  });
  const importMs = Date.now() - started;
  const importCpu = process.cpuUsage(importCpuBefore);
  const importPeak = watch.stop().peakBytes;
  console.log(
    `import                   ${seconds(importMs)}  (${imported.published} published and deployed, goal < 60 s; compiler process peak ${(importPeak / MB).toFixed(0)} MB RSS)`,
  );
  const importCompileMs = compiledAt - compilingFrom;
  console.log(
    `  reading and storing    ${seconds(compilingFrom)}  (the factory read, checked and stored before the first module goes to a compiler process)`,
  );
  console.log(
    `  compiling              ${seconds(importCompileMs)}  (${imported.compiled} compiled: ${(importCompileMs / Math.max(imported.compiled, 1)).toFixed(2)} ms per compiled module)`,
  );
  console.log(`  commit and move        ${seconds(importMs - compiledAt)}  (one transaction, moved into place)`);
  console.log(
    `  coordinator CPU        ${seconds((importCpu.user + importCpu.system) / 1000)}  (reading, storing, scheduling and writing results; workers compile)`,
  );

  if (!options.skipCheck && options.only !== 'shared-cache')
    await benchReadinessCheck({ importedDir: environmentDir, work, spawner, target });
  if (options.only === 'readiness') return;
  if (!options.skipSharedCache) {
    const port = Number(options.cachePort);
    await benchSharedCache({ importedDir: environmentDir, factoryDir, work, spawner, target, port });
  }
  if (options.only === 'shared-cache') return;

  // A copy of the imported environment for the A/B below: the same upgrade with one module per request.
  const unbatchedDir = path.join(work, 'environment-unbatched');
  if (!options.skipAb) fs.cpSync(environmentDir, unbatchedDir, { recursive: true });
  const context = openEnvironment(environmentDir, { spawner });
  const compileCost = (platformVersion: string) =>
    context.db
      .prepare(
        `SELECT avg(duration_ms) AS avg, max(duration_ms) AS max FROM artifacts WHERE platform_version = @platformVersion`,
      )
      .get({ platformVersion }) as { avg: number; max: number };
  const compile = compileCost(imported.platformVersion);
  console.log(
    `compile per module       ${compile.avg.toFixed(1)} ms average, ${compile.max} ms max (import, in the worker processes, JIT warm-up included)`,
  );

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  started = Date.now();
  const cpuBefore = process.cpuUsage();
  watch = watchCompilerProcesses();
  const stepsDoneAt = new Map<string, number>();
  const splitWatch = watchPreparation(context.db, (listener) => (context.onCompiled = listener));
  const upgraded = await upgradeEnvironment(context, {
    toVersion: target,
    onEvent: (event) => {
      if (event.type !== 'progress') return;
      for (const step of event.progress.steps)
        if (step.status === 'done' && !stepsDoneAt.has(step.id)) stepsDoneAt.set(step.id, Date.now() - started);
    },
  });
  const prepareMs = Date.now() - started;
  const split = splitWatch.stop(prepareMs);
  context.onCompiled = undefined;
  const preparePeak = watch.stop().peakBytes;
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  const run = upgraded.run!;
  const done = run.counts.prepared + run.counts.failed + run.counts.skipped;
  console.log(
    `upgrade + preparation    ${seconds(prepareMs)}  (${run.counts.prepared} prepared, ${run.counts.failed} failed, ${run.counts.skipped} skipped; ${(done / (prepareMs / 1000)).toFixed(1)} modules/s, ${(prepareMs / Math.max(done, 1)).toFixed(1)} ms per module)`,
  );
  console.log(
    `compiler process peak    ${(preparePeak / MB).toFixed(0)} MB RSS  (one worker with its native server, highest seen; goal < 512 MB)`,
  );
  console.log(
    `import / preparation     ${(importMs / prepareMs).toFixed(2)}  (the preparation here skips the consumers of failed modules: see per compiled module, and the same-modules ratio at the end)`,
  );
  const upgradeStepsMs = stepsDoneAt.get('switch-version') ?? 0;
  console.log(
    `  of which upgrade steps ${seconds(upgradeStepsMs)}  (backup, platform database, system components, version switch; the rest is the preparation)`,
  );
  // The import compiles every published module; the preparation skips the consumers of failed ones. Per
  // compiled module, the two compare the same work (compiling only: the upgrade steps and the import's
  // reading, storing and commit left out).
  const preparationMs = prepareMs - upgradeStepsMs;
  const prepared = run.counts.prepared + run.counts.failed;
  const preparationCost = compileCost(target);
  const perImported = importCompileMs / Math.max(imported.compiled, 1);
  const perPrepared = preparationMs / Math.max(prepared, 1);
  console.log(
    `  preparation compiling  ${seconds(preparationMs)}  (${prepared} compiled: ${perPrepared.toFixed(2)} ms per compiled module; ${preparationCost.avg.toFixed(1)} ms average in the worker processes)`,
  );
  console.log(
    `  per compiled module    ${(perImported / perPrepared).toFixed(2)}  (import's compiling / the preparation's, per module compiled: the import compiles ${imported.compiled}, the preparation ${prepared})`,
  );
  console.log(
    `coordinator CPU          ${seconds((cpu.user + cpu.system) / 1000)}  (the process scheduling and writing results; workers compile)`,
  );
  console.log(
    `event-loop delay p99     ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms in the coordinator's process (goal < 50 ms)`,
  );

  printSplit('preparation split', split);

  // The floor: every eligible module in one native TypeScript program (tsc -p), in this same run.
  const floorDir = path.join(work, 'floor');
  const floorModules = writeFloorLayout(context.db, floorDir, target);
  const onePass = await runMeasured(findNativeBinary().exe, ['-p', path.join(floorDir, 'tsconfig.json')]);
  console.log(
    `one-program floor        ${seconds(onePass.ms)}  (tsc -p over ${floorModules} modules' sources, @modules/X mapped to X's sources, JS + declarations; exit ${onePass.status}, ${(onePass.stdout.match(/error TS/g) ?? []).length} errors, peak ${(onePass.peakBytes / MB).toFixed(0)} MB RSS)`,
  );
  console.log(`preparation / floor      ${(prepareMs / onePass.ms).toFixed(2)}  (upgrade + preparation; goal <= 1.25)`);
  const prepareCpuMs = split.serverCpuMs + split.workerCpuMs + split.coordinatorCpuMs;
  console.log(
    `  in CPU time            ${(prepareCpuMs / onePass.cpuMs).toFixed(2)}  (every process of the upgrade ${seconds(prepareCpuMs)} / the floor's ${seconds(onePass.cpuMs)}: what a loaded machine changes least)`,
  );

  if (!options.skipAb) {
    const unbatched = await measureUnbatched(unbatchedDir, spawner, target);
    console.log(
      `unbatched A/B            ${seconds(unbatched.split.wallMs)}  (the same upgrade, one module per compiler request and per program as before batches: batched / unbatched ${(prepareMs / unbatched.split.wallMs).toFixed(2)}, in CPU ${(cpuOf(split) / cpuOf(unbatched.split)).toFixed(2)}; ${unbatched.counts})`,
    );
    printSplit('unbatched split', unbatched.split);
  }

  const again = await measureSecondPrepare(context, run);

  const floor = options.skipFloor ? undefined : await measureInProcessFloor(context.db, target, run.id);

  if (!options.skipTsc) {
    const layout7 = path.join(work, 'tsc-b-7');
    const projects = writeTscBuildLayout(context.db, layout7, target);
    const native = await runMeasured(findNativeBinary().exe, ['-b', path.join(layout7, 'tsconfig.json')]);
    console.log(
      `tsc -b (TypeScript 7)    ${seconds(native.ms)}  (native ${NATIVE_COMPILER_VERSION}, ${projects} projects, exit ${native.status}, ${(native.stdout.match(/error TS/g) ?? []).length} errors, peak ${(native.peakBytes / MB).toFixed(0)} MB RSS)`,
    );
    const layout6 = path.join(work, 'tsc-b-6');
    writeTscBuildLayout(context.db, layout6, target);
    const classic = options.skipTsc6
      ? undefined
      : await runMeasured(process.execPath, [
          path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
          '-b',
          path.join(layout6, 'tsconfig.json'),
        ]);
    if (classic) {
      console.log(
        `tsc -b (TypeScript 6)    ${seconds(classic.ms)}  (${projects} projects, exit ${classic.status}, ${(classic.stdout.match(/error TS/g) ?? []).length} errors, peak ${(classic.peakBytes / MB).toFixed(0)} MB RSS)`,
      );
    }
    const goal7 = moduleCount >= 10_000 ? 0.7 : 1.0;
    console.log(`preparation / tsc -b 7   ${(prepareMs / native.ms).toFixed(2)}  (goal <= ${goal7.toFixed(1)})`);
    if (classic) console.log(`preparation / tsc -b 6   ${(prepareMs / classic.ms).toFixed(2)}`);
    if (floor)
      console.log(
        `in-process / tsc -b 7    ${(floor.ms / native.ms).toFixed(2)}  (the same compilations in one process)`,
      );
  }
  context.db.close();

  // Last, so it changes none of the figures above: the nothing-to-do case, when the retry took its place.
  if (!again.nothingToDo && !options.skipNoop)
    await measureNothingToDo({ work, spawner, target, factory: factoryOptions });
}

/** CPU of every process of a measured stretch. */
function cpuOf(split: PreparationSplit): number {
  return split.serverCpuMs + split.workerCpuMs + split.coordinatorCpuMs;
}

/** The upgrade of a copy of the imported environment with one module per request (COMPILE_BATCH_LIMITS), as before batches. */
async function measureUnbatched(
  dir: string,
  spawner: ReturnType<typeof createNodeWorkerSpawner>,
  target: string,
): Promise<{ split: PreparationSplit; counts: string }> {
  const limits = { ...COMPILE_BATCH_LIMITS };
  COMPILE_BATCH_LIMITS.modules = 1;
  const context = openEnvironment(dir, { spawner });
  try {
    const watch = watchPreparation(context.db, (listener) => (context.onCompiled = listener));
    const started = Date.now();
    const upgraded = await upgradeEnvironment(context, { toVersion: target, onEvent: () => undefined });
    const split = watch.stop(Date.now() - started);
    const { prepared, failed, skipped } = upgraded.run!.counts;
    return { split, counts: `${prepared} prepared, ${failed} failed, ${skipped} skipped` };
  } finally {
    Object.assign(COMPILE_BATCH_LIMITS, limits);
    context.db.close();
  }
}

/** The floor of one process: the same compilations with no workers, messages or database writes. */
async function measureInProcessFloor(db: Database, target: string, runId: number): Promise<{ ms: number }> {
  const floorCpuBefore = process.cpuUsage();
  const floor = await compileInProcess(db, target, runId);
  const floorCpu = process.cpuUsage(floorCpuBefore);
  console.log(
    `in-process compile       ${seconds(floor.ms)}  (${floor.succeeded} modules in this one process with one native server: no workers, messages or writes; ${(floor.ms / Math.max(floor.succeeded, 1)).toFixed(1)} ms per module; ${seconds((floorCpu.user + floorCpu.system) / 1000)} CPU on the Node side; server ${(floor.serverRssBytes / MB).toFixed(0)} MB RSS at the end)`,
  );
  const { comparison } = floor;
  if (comparison) {
    const { compared, differences } = comparison;
    console.log(
      `outcomes vs alone        ${differences.length === 0 ? 'equal' : `${differences.length} differ`}  (the upgrade's ${compared} modules against each compiled alone in a program of its own, as before batches: status, errors, hashes and bytes)`,
    );
    for (const difference of differences.slice(0, 10)) console.log(`  ${difference}`);
  }
  return floor;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
