import type { Channel, EventName, EventPayloads, InvokeResult } from '../../common/contract';
import type { WorkerChannel, WorkerExitInfo } from '../engine/process/worker-spawner';
import type { SharedCacheSecrets } from '../engine/shared-cache/shared-cache-types';
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
  /** Gives the service the desktop app's shared cache secrets, now and again at each restart. */
  setSharedCacheSecrets(secrets: SharedCacheSecrets): void;
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

/** Requests sent to the service and not answered yet, and those waiting (in order) for it to be ready. */
class PendingRequests {
  private readonly pending = new Map<number, (result: InvokeResult<unknown>) => void>();
  private readonly waiting: HostToService[] = [];
  private nextId = 1;

  /** A request sent with `send`, or queued until `flush` when the service is not ready (send: null). */
  add(
    channel: Channel,
    payload: unknown,
    send: ((message: HostToService) => void) | null,
  ): Promise<InvokeResult<unknown>> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      const message: HostToService = { type: 'request', id, channel, payload };
      if (send) send(message);
      else this.waiting.push(message);
    });
  }

  /** The service answered a request. */
  answer(id: number, result: InvokeResult<unknown>): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(result);
  }

  /** Sends what waited for the service to be ready. */
  flush(send: (message: HostToService) => void): void {
    for (const queued of this.waiting.splice(0)) send(queued);
  }

  /** Answers every pending request with an error (the service died or stopped). */
  failAll(code: string, message: string): void {
    for (const [id, resolve] of this.pending) {
      this.pending.delete(id);
      resolve({ ok: false, error: { code, message } });
    }
    this.waiting.length = 0;
  }
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
  const requests = new PendingRequests();
  const restarts: number[] = [];
  let channel: WorkerChannel;
  let isReady = false;
  let fatal: string | null = null;
  let stopping = false;
  let exited: Promise<void> = Promise.resolve();
  let hostSecrets: SharedCacheSecrets | null = null;

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

  const failPending = (code: string, message: string): void => requests.failAll(code, message);

  const onMessage = (raw: unknown): void => {
    const message = raw as ServiceToHost;
    switch (message?.type) {
      case 'ready':
        isReady = true;
        markReady();
        requests.flush((queued) => channel.send(queued));
        break;
      case 'fatal':
        fatal = message.message;
        markFailed(new Error(message.message));
        emit('service.notice', { level: 'error', message: message.message });
        failPending('service-unavailable', message.message);
        break;
      case 'response':
        requests.answer(message.id, message.result);
        break;
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
    const current = options.spawn();
    channel = current;
    let markExited!: () => void;
    exited = new Promise((resolve) => (markExited = resolve));
    const subscriptions = [current.onMessage(onMessage), current.onExit(onExit)];
    // A service's listeners end with it: a restarted one gets its own.
    subscriptions.push(
      current.onExit(() => {
        for (const dispose of subscriptions) dispose();
        markExited();
      }),
    );
    // First of all: the service keeps messages that come before it is ready, in order.
    if (hostSecrets) current.send({ type: 'shared-cache-secrets', secrets: hostSecrets } satisfies HostToService);
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
      return requests.add(requestChannel, payload, isReady ? (message) => channel.send(message) : null);
    },
    setSharedCacheSecrets(secrets) {
      hostSecrets = secrets;
      if (!stopping && fatal === null) channel.send({ type: 'shared-cache-secrets', secrets } satisfies HostToService);
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
