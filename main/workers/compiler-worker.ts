/** Entry point of a compiler worker process: compiles the modules its pool sends, one at a time. */
import './enable-compile-cache';
import { CompilerCache } from '../engine/compiler/compiler-cache';
import { compileModule } from '../engine/compiler/module-compiler';
import { compileCycle } from '../engine/compiler/cycle-compiler';
import { computeCycleInputHashes, computeInputHash } from '../engine/compiler/input-hash';
import type { CompileJob, CompileResult } from '../engine/compiler/compile-types';
import type { CompilerWorkerReply, CompilerWorkerRequest } from '../engine/compiler/compiler-protocol';
import { connectToParent } from './parent-port';
import { installedPlatformVersion } from '../engine/platform/platform-versions';

/** Test-only faults from CONFIG_TOOL_TEST_FAULTS, e.g. "crash:ModuleA,hang:ModuleB". */
function readTestFaults(): Map<string, 'crash' | 'hang'> {
  const faults = new Map<string, 'crash' | 'hang'>();
  for (const item of (process.env.CONFIG_TOOL_TEST_FAULTS ?? '').split(',')) {
    const [kind, name] = item.split(':').map((s) => s.trim());
    if ((kind === 'crash' || kind === 'hang') && name) faults.set(name, kind);
  }
  return faults;
}

function main(): void {
  // Ctrl+C in a terminal reaches the whole process group: the coordinator decides
  // how to stop (finish what compiles, mark the run interrupted) and then ends us.
  process.on('SIGINT', () => undefined);
  const parent = connectToParent();
  const cache = new CompilerCache({ platformsDir: process.env.CONFIG_TOOL_PLATFORMS_DIR || undefined });
  const faults = readTestFaults();
  parent.onMessage((raw) => {
    const message = raw as CompilerWorkerRequest;
    if (message?.type === 'compile-cycle') {
      const { id, jobs } = message;
      // A fault named for any member hits the whole cycle: it is one compilation.
      const cycleFaults = jobs.map((job) => faults.get(job.moduleName));
      if (cycleFaults.includes('crash')) process.exit(70);
      if (cycleFaults.includes('hang')) hangForever();
      parent.send({ type: 'cycle-result', id, results: safeCompileCycle(jobs, cache) } satisfies CompilerWorkerReply);
      return;
    }
    if (message?.type !== 'compile') return;
    const { id, job } = message;
    const fault = faults.get(job.moduleName);
    if (fault === 'crash') process.exit(70);
    if (fault === 'hang') hangForever();
    let result: CompileResult;
    try {
      result = compileModule(job, cache);
    } catch (error) {
      result = {
        moduleName: job.moduleName,
        platformVersion: job.platformVersion,
        inputHash: safeInputHash(job, cache),
        success: false,
        js: {},
        declarations: {},
        interfaceHash: null,
        diagnostics: [
          { message: `Internal compiler error while compiling '${job.moduleName}': ${(error as Error).message}` },
        ],
        durationMs: 0,
      };
    }
    parent.send({ type: 'result', id, result } satisfies CompilerWorkerReply);
  });
  warmUp(cache);
  parent.send({ type: 'ready' } satisfies CompilerWorkerReply);
}

/** A test fault: blocks like a compiler stuck in a loop, so jobs sent behind this one wait too. */
function hangForever(): never {
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

/** Parses the installed version's libs and JIT-compiles the checker before the first job, so the time limit measures compilation. */
function warmUp(cache: CompilerCache): void {
  try {
    const sources = {
      'src/index.ts': "import { log } from '@platform/runtime';\nexport const ready = (): void => log('ready');\n",
    };
    compileModule(
      {
        moduleName: 'WarmUp',
        platformVersion: installedPlatformVersion(cache.platformsDir),
        sources,
        references: [],
        producers: {},
      },
      cache,
    );
  } catch {
    // Warming up is an optimisation: a real job reports whatever is wrong.
  }
}

function safeCompileCycle(jobs: CompileJob[], cache: CompilerCache): CompileResult[] {
  try {
    return compileCycle(jobs, cache);
  } catch (error) {
    let hashes: string[];
    try {
      hashes = computeCycleInputHashes(jobs, cache);
    } catch {
      hashes = jobs.map(() => '');
    }
    const names = jobs.map((job) => `'${job.moduleName}'`).join(', ');
    return jobs.map((job, i) => ({
      moduleName: job.moduleName,
      platformVersion: job.platformVersion,
      inputHash: hashes[i] ?? '',
      success: false,
      js: {},
      declarations: {},
      interfaceHash: null,
      diagnostics: [
        { message: `Internal compiler error while compiling the cycle ${names}: ${(error as Error).message}` },
      ],
      durationMs: 0,
    }));
  }
}

function safeInputHash(job: CompileJob, cache: CompilerCache): string {
  try {
    return computeInputHash(job, cache);
  } catch {
    return '';
  }
}

main();
