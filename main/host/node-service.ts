import { createNodeWorkerSpawner } from '../engine/process/worker-spawner';
import type { WorkerChannel } from '../engine/process/worker-spawner';

/** Where the service finds its environment, and whether it may create the demo there. */
export interface ServiceLaunchOptions {
  environmentDir: string;
  /** Creates the built-in demo environment when the folder holds none. */
  createDemo?: boolean;
  /** Extra variables for the service (tests pass CONFIG_TOOL_TEST_FAULTS). */
  env?: Record<string, string>;
}

/** The environment variables that tell a service process what to open. */
export function serviceEnvironment(options: ServiceLaunchOptions): Record<string, string> {
  return {
    ...options.env,
    CONFIG_TOOL_ENV_DIR: options.environmentDir,
    ...(options.createDemo ? { CONFIG_TOOL_CREATE_DEMO: '1' } : {}),
  };
}

/** A spawn function for startServiceConnection that forks out/node/service.cjs (CLI, browser host, tests). */
export function nodeServiceSpawn(options: ServiceLaunchOptions): () => WorkerChannel {
  const spawner = createNodeWorkerSpawner();
  return () => spawner.spawn('service', { serviceName: 'service', env: serviceEnvironment(options) });
}
