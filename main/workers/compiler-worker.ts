/** Entry point of a compiler worker process: compiles the groups its pool sends, one request at a time, with its own native server. */
import { flushCompileCache } from './enable-compile-cache';
import { GroupCompiler, type CompileFaults } from '../engine/compiler/compile-group';
import type { CompilerWorkerReply, CompilerWorkerRequest } from '../engine/compiler/compiler-protocol';
import { connectToParent } from './parent-port';
import { installedPlatformVersion } from '../engine/platform/platform-versions';
import { compilerWorkerFaultsFromEnvironment, type CompilerWorkerFault } from '../engine/engine-options';

/** The native-server faults, through GroupCompiler's fault seam. */
function serverFaults(faults: Map<string, CompilerWorkerFault>): CompileFaults | undefined {
  if (![...faults.values()].some((fault) => fault.startsWith('server-'))) return undefined;
  const fired = new Set<string>();
  return {
    beforeAttempt(group, kill) {
      for (const job of group) {
        const fault = faults.get(job.moduleName);
        if (fault === 'server-dies' || (fault === 'server-dies-once' && !fired.has(job.moduleName))) {
          fired.add(job.moduleName);
          kill();
        }
      }
    },
  };
}

function main(): void {
  // Ctrl+C in a terminal reaches the whole process group: the coordinator decides
  // how to stop (finish what compiles, mark the run interrupted) and then ends us.
  process.on('SIGINT', () => undefined);
  // The native server (a Go program) inherits this: its garbage collector works harder near the
  // limit instead of growing, keeping this process and its server under the pool's 512 MB bound.
  process.env.GOMEMLIMIT ??= '320MiB';
  const parent = connectToParent();
  const { modules: faults, delayMs } = compilerWorkerFaultsFromEnvironment();
  const compiler = new GroupCompiler({
    platformsDir: process.env.CONFIG_TOOL_PLATFORMS_DIR || undefined,
    faults: serverFaults(faults),
  });
  process.on('exit', () => compiler.close());
  parent.onMessage((raw) => {
    const message = raw as CompilerWorkerRequest;
    if (message?.type !== 'compile' || !Array.isArray(message.groups)) return;
    const { id, groups } = message;
    // A fault named for any member hits the whole request: it is one process's work.
    const jobs = groups.flat();
    const requestFaults = jobs.map((job) => faults.get(job.moduleName));
    if (requestFaults.includes('crash')) process.exit(70);
    if (requestFaults.includes('hang')) hangForever();
    if (delayMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delayMs * jobs.length);
    const before = { ...compiler.phases };
    const results = compiler.compileMany(groups);
    const phases = {
      setupMs: compiler.phases.setupMs - before.setupMs,
      checkMs: compiler.phases.checkMs - before.checkMs,
      emitMs: compiler.phases.emitMs - before.emitMs,
      programs: compiler.phases.programs - before.programs,
    };
    parent.send({ type: 'result', id, results, phases } satisfies CompilerWorkerReply);
  });
  warmUp(compiler);
  parent.send({ type: 'ready' } satisfies CompilerWorkerReply);
  flushCompileCache();
}

/**
 * A test fault: blocks like a compiler stuck in a loop, so jobs sent behind this one wait too;
 * ends when the parent is gone (a blocked worker never sees its channel close).
 */
function hangForever(): never {
  const parent = process.ppid;
  for (;;) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    if (process.ppid !== parent) process.exit(0);
  }
}

/** Starts the native server and parses the installed version's libraries before the first job, so the time limit measures compilation. */
function warmUp(compiler: GroupCompiler): void {
  try {
    compiler.compile([
      {
        moduleName: 'WarmUp',
        kind: 'service',
        platformVersion: installedPlatformVersion(compiler.platformsDir),
        sources: {
          'src/index.ts': "import { log } from '@platform/runtime';\nexport const ready = (): void => log('ready');\n",
        },
        references: [],
        producers: {},
      },
    ]);
  } catch {
    // Warming up is an optimisation: a real job reports whatever is wrong.
  }
}

main();
