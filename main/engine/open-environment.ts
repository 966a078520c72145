import type { EngineContext } from './engine-context';
import { engineOptionsFromEnvironment, type EngineOptions } from './engine-options';
import { announcePresence } from './environment-presence';
import type { WorkerSpawner } from './process/worker-spawner';
import { openDatabase } from './store/database';
import { recoverInterruptedUpgrade, type Recovery } from './upgrade/recover-interrupted-upgrade';

/**
 * Opens an existing environment for the engine: the database (migrated), and the
 * roll-back of an upgrade that a crash interrupted before it switched versions.
 * `options` default to the process's (engineOptionsFromEnvironment). With `openedBy`
 * ("config-tool serve"), the process is recorded as having it open (environment-presence.ts)
 * until `leave()` or its exit, so `import --force` won't replace it underneath.
 */
export function openEnvironment(
  environmentDir: string,
  options: { spawner: WorkerSpawner; workerEnv?: Record<string, string>; options?: EngineOptions; openedBy?: string },
): EngineContext & { recovered: Recovery; leave: () => void } {
  const leave = options.openedBy ? announcePresence(environmentDir, options.openedBy) : () => {};
  let db;
  try {
    db = openDatabase(environmentDir);
  } catch (error) {
    leave();
    throw error;
  }
  const context: EngineContext = {
    environmentDir,
    db,
    spawner: options.spawner,
    workerEnv: options.workerEnv,
    options: options.options ?? engineOptionsFromEnvironment(),
  };
  try {
    const recovered = recoverInterruptedUpgrade(context);
    return { ...context, recovered, leave };
  } catch (error) {
    db.close();
    leave();
    throw error;
  }
}
