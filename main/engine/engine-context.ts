import type { WorkerSpawner } from './process/worker-spawner';
import type { Db } from './store/database';
import { compilationSettings } from './store/settings-repository';
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

/** Runs `work` with a compiler pool sized by the environment's settings, and always closes it. */
export async function withCompilerPool<T>(context: EngineContext, work: (pool: CompilerPool, size: number) => Promise<T>): Promise<T> {
  const settings = compilationSettings(context.db);
  const pool = new CompilerPool({
    size: settings.parallelCompilations,
    spawner: context.spawner,
    timeLimitMs: settings.moduleTimeLimitSeconds * 1000,
    env: context.workerEnv,
    onWorkerEvent: context.onWorkerEvent,
  });
  try {
    return await work(pool, settings.parallelCompilations);
  } finally {
    pool.close();
  }
}
