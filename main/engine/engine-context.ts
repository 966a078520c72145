import os from 'node:os';
import type { WorkerSpawner } from './process/worker-spawner';
import type { Db } from './store/database';
import { checkCompilationSettings, compilationSettings } from './store/settings-repository';
import { CompilerPool, type CompilerWorkerEvent } from './compiler/compiler-pool';

/** What every engine operation needs: the environment's folder and database, and a way to start compiler processes. */
export interface EngineContext {
  environmentDir: string;
  db: Db;
  spawner: WorkerSpawner;
  /** Extra environment variables for compiler workers (tests use it for fault injection). */
  workerEnv?: Record<string, string>;
  onWorkerEvent?: (event: CompilerWorkerEvent) => void;
}

/** Jobs kept in flight per worker: one compiling, one queued, so a worker never idles through a round trip. */
const JOBS_IN_FLIGHT_PER_WORKER = 2;

type PoolWork<T> = (pool: CompilerPool, jobsInFlight: number, size: number) => Promise<T>;

/** OS priority of a readiness check's compiler processes (os.setPriority: 19 is the lowest, 0 the default). */
export const CHECK_WORKER_PRIORITY = 10;

/**
 * What a pool compiles for: `check` (spec §4c) runs beside a live environment, so it has
 * `checkParallelCompilations` processes at a lower OS priority.
 */
export interface PoolProfile {
  purpose: 'preparation' | 'check';
}

/** The pool of the operation running on a connection, so its steps share warm workers. */
const openPools = new WeakMap<EngineContext['db'], { pool: CompilerPool; jobsInFlight: number; size: number }>();

/**
 * Runs `work` with a compiler pool sized by the environment's settings, and always
 * closes it. `work` gets the pool, how many jobs to keep in flight, and the pool size.
 * Nested calls (an upgrade's system components, then its preparation) reuse the
 * outer pool: a worker's first hundred compilations are slow while V8 warms up.
 */
export async function withCompilerPool<T>(
  context: EngineContext,
  work: PoolWork<T>,
  profile: PoolProfile = { purpose: 'preparation' },
): Promise<T> {
  const open = openPools.get(context.db);
  if (open) return work(open.pool, open.jobsInFlight, open.size);
  const checking = profile.purpose === 'check';
  const settings = checking ? checkCompilationSettings(context.db) : compilationSettings(context.db);
  const pool = new CompilerPool({
    priority: checking ? CHECK_WORKER_PRIORITY : undefined,
    size: settings.parallelCompilations,
    spawner: context.spawner,
    timeLimitMs: settings.moduleTimeLimitSeconds * 1000,
    env: context.workerEnv,
    onWorkerEvent: context.onWorkerEvent,
    // With a worker per core, V8's GC and JIT helper threads only take cores from the
    // other workers (measured on 2 vCPUs: the preparation runs about 6% faster without
    // them). With spare cores, a worker is faster with its helpers.
    singleThreadedWorkers: settings.parallelCompilations >= os.availableParallelism(),
  });
  const entry = {
    pool,
    jobsInFlight: settings.parallelCompilations * JOBS_IN_FLIGHT_PER_WORKER,
    size: settings.parallelCompilations,
  };
  openPools.set(context.db, entry);
  try {
    return await work(entry.pool, entry.jobsInFlight, entry.size);
  } finally {
    openPools.delete(context.db);
    pool.close();
  }
}
