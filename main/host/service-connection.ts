import type { Channel, EventName, EventPayloads, InvokeResult } from '../../common/contract';
import type { WorkerChannel, WorkerExitInfo } from '../engine/process/worker-spawner';
import type { HostToService, ServiceToHost } from './service-protocol';

/** Receives every event the service pushes, plus the supervisor's own notices. */
export type ServiceEventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** The host's handle on the service process. */
export interface ServiceConnection {
  /** Sends a (validated) request; resolves with the service's answer, or an error if it died meanwhile. */
  request(channel: Channel, payload: unknown): Promise<InvokeResult<unknown>>;
  onEvent(listener: ServiceEventListener): () => void;
  /** Resolves once the service opened the environment; rejects with its message when it could not. */
  readonly ready: Promise<void>;
  /** Asks the service to stop (the run is left interrupted, to resume next time) and waits for it to exit. */
  stop(): Promise<void>;
}

export interface ServiceConnectionOptions {
  /** Starts one service process: a Node fork, or an Electron utility process. */
  spawn: () => WorkerChannel;
  /** How long `stop()` waits for a clean exit before killing it. */
  stopTimeoutMs?: number;
  /** Restarts allowed within `restartWindowMs` before the supervisor gives up. */
  maxRestarts?: number;
  restartWindowMs?: number;
}

interface Pending {
  resolve: (result: InvokeResult<unknown>) => void;
}

/**
 * Starts the service and supervises it: requests are correlated by id, requests
 * made before it is ready wait for it, and when it dies the pending requests fail
 * with 'service-restarted', the windows get a notice, and a new service starts
 * (which resumes an interrupted run on its own).
 */
export function startServiceConnection(options: ServiceConnectionOptions): ServiceConnection {
  const stopTimeoutMs = options.stopTimeoutMs ?? 5000;
  const maxRestarts = options.maxRestarts ?? 5;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const listeners = new Set<ServiceEventListener>();
  const pending = new Map<number, Pending>();
  const waiting: HostToService[] = [];
  const restarts: number[] = [];
  let nextId = 1;
  let channel: WorkerChannel;
  let isReady = false;
  let fatal: string | null = null;
  let stopping = false;
  let exited: Promise<void> = Promise.resolve();

  let markReady!: () => void;
  let markFailed!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => undefined);

  const emit: ServiceEventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };

  const failPending = (code: string, message: string): void => {
    for (const [id, entry] of pending) {
      pending.delete(id);
      entry.resolve({ ok: false, error: { code, message } });
    }
    waiting.length = 0;
  };

  const onMessage = (raw: unknown): void => {
    const message = raw as ServiceToHost;
    switch (message?.type) {
      case 'ready':
        isReady = true;
        markReady();
        for (const queued of waiting.splice(0)) channel.send(queued);
        break;
      case 'fatal':
        fatal = message.message;
        markFailed(new Error(message.message));
        emit('service.notice', { level: 'error', message: message.message });
        failPending('service-unavailable', message.message);
        break;
      case 'response': {
        const entry = pending.get(message.id);
        pending.delete(message.id);
        entry?.resolve(message.result);
        break;
      }
      case 'event':
        emit(message.event, message.payload as never);
        break;
    }
  };

  const onExit = (info: WorkerExitInfo): void => {
    isReady = false;
    if (stopping || fatal !== null) {
      failPending('service-stopped', 'The Configuration Tool service has stopped.');
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && restarts[0]! < now - restartWindowMs) restarts.shift();
    if (restarts.length > maxRestarts) {
      fatal = `The Configuration Tool service stopped unexpectedly (${info.reason}) ${restarts.length} times within a minute; it was not restarted again.`;
      failPending('service-unavailable', fatal);
      emit('service.notice', { level: 'error', message: fatal });
      return;
    }
    const message = `The Configuration Tool service stopped unexpectedly (${info.reason}) and has been restarted; an interrupted preparation resumes on its own.`;
    failPending('service-restarted', message);
    emit('service.notice', { level: 'warning', message });
    launch();
  };

  const launch = (): void => {
    channel = options.spawn();
    exited = new Promise((resolve) => channel.onExit(() => resolve()));
    channel.onMessage(onMessage);
    channel.onExit(onExit);
  };

  launch();

  return {
    ready,
    request(requestChannel, payload) {
      if (fatal !== null) return Promise.resolve({ ok: false, error: { code: 'service-unavailable', message: fatal } });
      if (stopping)
        return Promise.resolve({
          ok: false,
          error: { code: 'service-stopped', message: 'The Configuration Tool service is stopping.' },
        });
      return new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, { resolve });
        const message: HostToService = { type: 'request', id, channel: requestChannel, payload };
        if (isReady) channel.send(message);
        else waiting.push(message);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      if (stopping) return exited;
      stopping = true;
      channel.send({ type: 'shutdown' } satisfies HostToService);
      const timer = setTimeout(() => channel.kill(), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
