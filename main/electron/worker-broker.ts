/**
 * Main's half of the worker broker: the service utility process asks for compiler workers
 * (main/workers/brokered-worker-spawner.ts); main forks each as a utility process and wires
 * it to the service with a MessageChannelMain, so jobs flow service ⇄ worker directly. Main
 * only relays lifecycle: spawn, kill, exit.
 */
import { MessageChannelMain } from 'electron';
import { z } from 'zod';
import type { BrokerNotice, BrokerRequest } from '../workers/brokered-worker-spawner';
import { PARENT_TRANSPORT_VARIABLE } from '../workers/parent-port';
import { log } from './log';
import { forkUtilityProcess, type UtilityProcessChannel } from './utility-process-host';

/** Requests are checked even though the service is ours: a bug there must not make main fork arbitrary things. */
const brokerRequestSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('spawn-worker'),
      workerId: z.number().int().positive(),
      serviceName: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
      env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()),
    })
    .strict(),
  z.object({ type: z.literal('kill-worker'), workerId: z.number().int().positive() }).strict(),
]);

/** The broker for one service process. */
export interface WorkerBroker {
  /** Handles a spawn-worker / kill-worker message from the service. */
  handle(request: BrokerRequest): void;
  /** Kills every worker (the service died or the app quits). */
  killAll(): void;
}

/** Creates the broker serving `service`, forking `workerScript` (out/main/compiler-worker.cjs). */
export function createWorkerBroker(service: UtilityProcessChannel, workerScript: string): WorkerBroker {
  const workers = new Map<number, UtilityProcessChannel>();
  /** Kill requests that came before the worker finished launching (a kill then may not reach it). */
  const killRequested = new Set<number>();

  function notify(notice: BrokerNotice, ports: Parameters<UtilityProcessChannel['postWithPorts']>[1] = []): void {
    service.postWithPorts(notice, ports);
  }

  function spawn(request: Extract<BrokerRequest, { type: 'spawn-worker' }>): void {
    const { workerId, serviceName } = request;
    if (workers.has(workerId)) return;
    const worker = forkUtilityProcess(workerScript, {
      serviceName,
      env: { ...request.env, CONFIG_TOOL_SERVICE_NAME: serviceName, [PARENT_TRANSPORT_VARIABLE]: 'port' },
    });
    workers.set(workerId, worker);
    worker.onSpawn(() => {
      if (killRequested.has(workerId)) {
        worker.kill();
        return;
      }
      // The channel is made once the worker runs, so a launch failure leaves no port behind;
      // the service holds its jobs until port2 arrives.
      const { port1, port2 } = new MessageChannelMain();
      worker.postWithPorts({ type: 'worker-port', workerId }, [port1]);
      notify({ type: 'worker-port', workerId, pid: worker.pid ?? null }, [port2]);
    });
    worker.onExit((info) => {
      workers.delete(workerId);
      killRequested.delete(workerId);
      notify({ type: 'worker-exit', workerId, code: info.code, reason: info.reason });
    });
  }

  return {
    handle(raw) {
      const parsed = brokerRequestSchema.safeParse(raw);
      if (!parsed.success) {
        log(
          'error',
          `worker broker: ignored a malformed request from the service (${parsed.error.issues[0]?.message})`,
        );
        return;
      }
      const request = parsed.data;
      if (request.type === 'spawn-worker') spawn(request);
      else {
        const worker = workers.get(request.workerId);
        if (!worker) return;
        killRequested.add(request.workerId);
        worker.kill();
      }
    },
    killAll() {
      for (const [workerId, worker] of workers) {
        killRequested.add(workerId);
        worker.kill();
      }
    },
  };
}
