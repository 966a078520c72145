/**
 * Starts the environment service as a utility process and presents it to
 * startServiceConnection as a plain WorkerChannel. The service's messages to main mix the
 * service protocol (ServiceToHost) and worker-broker requests on one parentPort: broker
 * requests are split off here by `type` and never reach the connection.
 */
import path from 'node:path';
import { addListener, type WorkerChannel, type WorkerExitInfo } from '../engine/process/worker-spawner';
import type { ServiceToHost } from '../host/service-protocol';
import { isBrokerRequest } from '../workers/brokered-worker-spawner';
import { forkUtilityProcess } from './utility-process-host';
import { createWorkerBroker } from './worker-broker';

/** The Electron utility process name of the service (shown in app metrics and crash reports). */
export const SERVICE_NAME = 'environment-service';

/** What the service needs to know at start. */
export interface ServiceLaunchOptions {
  /** out/main: holds service-process.cjs and compiler-worker.cjs. */
  scriptsDir: string;
  environmentDir: string;
  /** Create the demo environment when the folder has none (first launch at the default location). */
  createDemo: boolean;
}

/** Forks one service process with its worker broker; called again by the supervisor after a crash. */
export function spawnServiceProcess(options: ServiceLaunchOptions): WorkerChannel {
  const service = forkUtilityProcess(path.join(options.scriptsDir, 'service-process.cjs'), {
    serviceName: SERVICE_NAME,
    env: {
      CONFIG_TOOL_ENV_DIR: options.environmentDir,
      CONFIG_TOOL_SERVICE_NAME: SERVICE_NAME,
      CONFIG_TOOL_WORKER_BROKER: 'electron',
      ...(options.createDemo ? { CONFIG_TOOL_CREATE_DEMO: '1' } : {}),
    },
  });
  const broker = createWorkerBroker(service, path.join(options.scriptsDir, 'compiler-worker.cjs'));
  const protocolListeners: ((message: ServiceToHost) => void)[] = [];
  // These two last as long as the service (the channel and the broker end with it): they are never disposed.
  // Workers outlive nothing: a dead service takes its compiler workers with it.
  service.onExit(() => broker.killAll());
  service.onMessage((message) => {
    if (isBrokerRequest(message)) broker.handle(message);
    else for (const listener of [...protocolListeners]) listener(message as ServiceToHost);
  });

  return {
    get pid() {
      return service.pid;
    },
    send: (message) => service.send(message),
    onMessage: (listener: (message: ServiceToHost) => void) => addListener(protocolListeners, listener),
    onExit: (listener: (info: WorkerExitInfo) => void) => service.onExit(listener),
    kill: () => service.kill(),
  };
}
