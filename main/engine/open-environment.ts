import type { EngineContext } from './engine-context';
import { engineOptionsFromEnvironment, type EngineOptions } from './engine-options';
import type { WorkerSpawner } from './process/worker-spawner';
import { openDatabase } from './store/database';
import { recoverInterruptedUpgrade, type Recovery } from './upgrade/recover-interrupted-upgrade';

/**
 * Opens an existing environment for the engine: the database (migrated), and the
 * roll-back of an upgrade that a crash interrupted before it switched versions.
 * `options` default to the process's (engineOptionsFromEnvironment).
 */
export function openEnvironment(
  environmentDir: string,
  options: { spawner: WorkerSpawner; workerEnv?: Record<string, string>; options?: EngineOptions },
): EngineContext & { recovered: Recovery } {
  const db = openDatabase(environmentDir);
  const context: EngineContext = {
    environmentDir,
    db,
    spawner: options.spawner,
    workerEnv: options.workerEnv,
    options: options.options ?? engineOptionsFromEnvironment(),
  };
  try {
    const recovered = recoverInterruptedUpgrade(context);
    return { ...context, recovered };
  } catch (error) {
    db.close();
    throw error;
  }
}
