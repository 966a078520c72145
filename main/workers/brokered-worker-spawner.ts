/**
 * The WorkerSpawner of the service process under Electron: a utility process cannot fork
 * utility processes itself, so it asks Electron main (the broker) over parentPort. Main forks
 * the compiler worker and hands back a MessagePort wired straight to it, so compile jobs and
 * results never hop through main. No electron import: the shapes are declared here.
 */
import {
  addListener,
  type Disposer,
  type WorkerChannel,
  type WorkerExitInfo,
  type WorkerSpawner,
} from '../engine/process/worker-spawner';

/** Service → main broker requests. They share parentPort with ServiceToHost and are told apart by `type`. */
export type BrokerRequest =
  | { type: 'spawn-worker'; workerId: number; serviceName: string; env: Record<string, string> }
  | { type: 'kill-worker'; workerId: number };

/** Main broker → service notices: the port to a new worker (in the message's `ports`), and its end. */
export type BrokerNotice =
  | { type: 'worker-port'; workerId: number; pid: number | null }
  | { type: 'worker-exit'; workerId: number; code: number | null; reason: string };

/** The `type`s of BrokerRequest, for main to split them from the service protocol. */
export const BROKER_REQUEST_TYPES = ['spawn-worker', 'kill-worker'] as const satisfies readonly BrokerRequest['type'][];

/** Tells a broker request from a ServiceToHost message. */
export function isBrokerRequest(message: unknown): message is BrokerRequest {
  const type = (message as { type?: unknown } | null)?.type;
  return (BROKER_REQUEST_TYPES as readonly unknown[]).includes(type);
}

interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports?: PortLike[] }) => void): void;
}

/** Creates the spawner; throws when this process is not an Electron utility process. */
export function createBrokeredWorkerSpawner(): WorkerSpawner {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (!parentPort) throw new Error('The brokered worker spawner only runs in an Electron utility process');
  const channels = new Map<number, BrokeredChannel>();
  let nextWorkerId = 1;

  parentPort.on('message', (event) => {
    const notice = event.data as BrokerNotice | null;
    if (notice?.type === 'worker-port') {
      const port = event.ports?.[0];
      const channel = channels.get(notice.workerId);
      if (!port) return;
      if (channel) channel.attach(port, notice.pid);
      else port.close(); // killed before its port arrived
    } else if (notice?.type === 'worker-exit') {
      const channel = channels.get(notice.workerId);
      channels.delete(notice.workerId);
      channel?.finish({ code: notice.code, signal: null, reason: notice.reason });
    }
  });

  return {
    spawn(entry, options) {
      if (entry !== 'compiler-worker')
        throw new Error(`The worker broker only starts compiler workers, not '${entry}'`);
      const workerId = nextWorkerId++;
      const channel = new BrokeredChannel(() => post({ type: 'kill-worker', workerId }));
      channels.set(workerId, channel);
      // options.singleThreadedV8 is not passed on: whether a utility process honours V8 flags
      // in execArgv is unverified (no Electron binary where this was written), and a worker
      // that cannot start would fail every compilation.
      post({ type: 'spawn-worker', workerId, serviceName: options.serviceName, env: options.env ?? {} });
      return channel;
    },
  };

  function post(request: BrokerRequest): void {
    parentPort!.postMessage(request);
  }
}

/** The service's end of one brokered worker: buffers sends until main delivers the worker's port. */
class BrokeredChannel implements WorkerChannel {
  private port: PortLike | undefined;
  private workerPid: number | undefined;
  private exited = false;
  private readonly pending: unknown[] = [];
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly exitListeners: ((info: WorkerExitInfo) => void)[] = [];

  constructor(private readonly requestKill: () => void) {}

  get pid(): number | undefined {
    return this.workerPid;
  }

  attach(port: PortLike, pid: number | null): void {
    if (this.exited) {
      port.close();
      return;
    }
    this.port = port;
    this.workerPid = pid ?? undefined;
    port.on('message', (event) => {
      for (const listener of [...this.messageListeners]) listener(event.data);
    });
    port.start();
    for (const message of this.pending.splice(0)) port.postMessage(message);
  }

  send(message: unknown): void {
    if (this.exited) return;
    if (this.port) this.port.postMessage(message);
    else this.pending.push(message);
  }

  onMessage(listener: (message: unknown) => void): Disposer {
    return addListener(this.messageListeners, listener);
  }

  onExit(listener: (info: WorkerExitInfo) => void): Disposer {
    return addListener(this.exitListeners, listener);
  }

  /** Asks main to kill the worker; the exit arrives later as a worker-exit notice, like under fork. */
  kill(): void {
    if (!this.exited) this.requestKill();
  }

  finish(info: WorkerExitInfo): void {
    if (this.exited) return;
    this.exited = true;
    this.pending.length = 0;
    this.port?.close();
    for (const listener of [...this.exitListeners]) listener(info);
  }
}
