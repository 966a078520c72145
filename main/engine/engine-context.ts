import os from 'node:os';
import type { JobCompiler } from './compilation/schedule-types';
import type { EngineOptions } from './engine-options';
import type { SharedCacheSettings, SharedCompilationCache } from './shared-cache/shared-cache-types';
import { BACKGROUND_NICE } from './process/background-priority';
import type { WorkerSpawner } from './process/worker-spawner';
import type { Db } from './store/database';
import { checkCompilationSettings, compilationSettings } from './store/settings-repository';
import { CompilerPool, type CompiledRequest, type CompilerWorkerEvent } from './compiler/compiler-pool';

/** What every engine operation needs: the environment's folder and database, and a way to start compiler processes. */
export interface EngineContext {
  environmentDir: string;
  db: Db;
  spawner: WorkerSpawner;
  /** Extra environment variables for compiler workers (tests use it for fault injection). */
  workerEnv?: Record<string, string>;
  onWorkerEvent?: (event: CompilerWorkerEvent) => void;
  /** Told of every request a compiler process answered (benchmarks). */
  onCompiled?: (request: CompiledRequest) => void;
  /** Lease timings and test faults (engine-options.ts); the defaults when absent. */
  options?: EngineOptions;
  /** Opens the shared compilation cache client for a run (spec §4d); absent: runs never use one. */
  openSharedCache?: (settings: SharedCacheSettings, environmentName: string) => SharedCompilationCache | null;
  /** The test-only faults the operations apply (test-faults.ts builds them from `options`); absent: none. */
  faults?: EngineFaults;
}

/**
 * Where the engine's operations let tests act on them (engine-options.ts: TestFaults). Production code
 * calls these hooks and never imports the faults: whoever builds the context sets them.
 */
export interface EngineFaults {
  /** The compiler, or one that holds the named modules (`prepare-hold`, `publish-hold`) until released. */
  holdCompiler(compiler: JobCompiler, operation: 'prepare' | 'publish'): JobCompiler;
  /** An upgrade step's faults (`upgrade-delay`, `upgrade-fail`, `upgrade-crash`), applied at the end of that step. */
  afterStep(step: string): Promise<void>;
  /** `upgrade-crash:POINT` for a point inside a step (`backup-copy`: while the backup is being copied). */
  crashAt(point: string): void;
}

/**
 * Single modules a request to a compiler process may carry, compiled in one program (compile-batch.ts):
 * the libraries, platform declarations and runtime globals are set up once for all of them. Bounded in
 * modules and source bytes, so a compiler process's memory stays bounded (measured in `npm run bench`).
 */
export const COMPILE_BATCH_LIMITS = { modules: 32, bytes: 1024 * 1024 };
/** Jobs kept in flight per worker: one compiling, one queued, so a worker never idles through a round trip. */
const JOBS_IN_FLIGHT_PER_WORKER = 2;
/**
 * Modules waiting per worker before requests carry several: with fewer, one module a request keeps a
 * progressive run's group small (and every worker busy); with more, batches fill.
 */
const WAITING_PER_WORKER_TO_BATCH = 8;

/**
 * What a session compiles for: `check` (spec §4c) runs beside a live environment, so it has
 * `checkParallelCompilations` processes. Every session's processes run in the background
 * (background-priority.ts).
 */
export interface SessionProfile {
  purpose: 'preparation' | 'check';
}

/**
 * The compiler processes of one operation (import, publish, an upgrade's system components and
 * its preparation), sized by the environment's settings. An operation opens one and passes it
 * explicitly to the steps that compile, so they share warm workers and native servers; whoever
 * opened it closes it.
 */
export class CompilationSession {
  /** Compiles compile groups in the session's worker processes. */
  readonly compiler: CompilerPool;
  private constructor(context: EngineContext, profile: SessionProfile) {
    const checking = profile.purpose === 'check';
    const settings = checking ? checkCompilationSettings(context.db) : compilationSettings(context.db);
    this.compiler = new CompilerPool({
      priority: BACKGROUND_NICE,
      size: settings.parallelCompilations,
      spawner: context.spawner,
      timeLimitMs: settings.moduleTimeLimitSeconds * 1000,
      env: context.workerEnv,
      onWorkerEvent: context.onWorkerEvent,
      onCompiled: context.onCompiled,
      // With a worker per core, V8's GC and JIT helper threads only take cores from the
      // other workers (measured on 2 vCPUs: the preparation runs about 6% faster without
      // them). With spare cores, a worker is faster with its helpers.
      singleThreadedWorkers: settings.parallelCompilations >= os.availableParallelism(),
      batch: COMPILE_BATCH_LIMITS,
    });
  }

  /** A session with the environment's compilation settings (a readiness check's own); close it when the operation ends. */
  static open(context: EngineContext, profile: SessionProfile = { purpose: 'preparation' }): CompilationSession {
    return new CompilationSession(context, profile);
  }

  /** Worker processes at most. */
  get size(): number {
    return this.compiler.size;
  }

  /** Groups to keep handed to the compiler at once: more than its workers, so none waits for the next. */
  get jobsInFlight(): number {
    return this.compiler.size * JOBS_IN_FLIGHT_PER_WORKER;
  }

  /** When and how many groups to hand the compiler so its requests carry several modules (ScheduleOptions.batching). */
  readonly batching = (): { inFlight: number; whenWaiting: number } => ({
    inFlight: this.compiler.capacity,
    whenWaiting: this.compiler.size * WAITING_PER_WORKER_TO_BATCH,
  });

  /**
   * Changes the number of compiler processes for the rest of the operation (a `parallelCompilations` applied
   * during a progressive preparation, spec §4a): more start now, extra ones stop once their jobs are done.
   */
  resize(parallelCompilations: number): void {
    this.compiler.resize(parallelCompilations);
  }

  /** Starts every compiler process now, so their start-up overlaps the operation's other work. */
  startWorkers(): void {
    this.compiler.startWorkers();
  }

  /** Stops every compiler process. */
  close(): void {
    this.compiler.close();
  }
}

/**
 * Runs `work` with `session` when the caller passes one (a step of a larger operation), or with
 * a session of its own that is closed when `work` ends.
 */
export async function withCompilationSession<T>(
  context: EngineContext,
  session: CompilationSession | undefined,
  work: (session: CompilationSession) => Promise<T>,
): Promise<T> {
  if (session) return work(session);
  const own = CompilationSession.open(context);
  try {
    return await work(own);
  } finally {
    own.close();
  }
}
