import type { EngineContext } from './engine-context';
import type { WorkerSpawner } from './process/worker-spawner';
import { openDatabase } from './store/database';
import { recoverInterruptedUpgrade } from './upgrade/recover-interrupted-upgrade';

/**
 * Opens an existing environment for the engine: the database (migrated), and the
 * roll-back of an upgrade that a crash interrupted before it switched versions.
 */
export function openEnvironment(
  environmentDir: string,
  options: { spawner: WorkerSpawner; workerEnv?: Record<string, string> },
): EngineContext & { recovered: ReturnType<typeof recoverInterruptedUpgrade> } {
  const db = openDatabase(environmentDir);
  const context: EngineContext = { environmentDir, db, spawner: options.spawner, workerEnv: options.workerEnv };
  const recovered = recoverInterruptedUpgrade(context);
  return { ...context, recovered };
}
