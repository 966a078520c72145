import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerExitInfo } from '../engine/process/worker-spawner';
import { createBrokeredWorkerSpawner, isBrokerRequest } from './brokered-worker-spawner';
import { connectToParent, PARENT_TRANSPORT_VARIABLE } from './parent-port';

/** Stands in for Electron's process.parentPort: what the process posts, and a way to deliver main's messages. */
class FakeParentPort extends EventEmitter {
  readonly sent: unknown[] = [];
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  deliver(data: unknown, ports: MessagePort[] = []): void {
    this.emit('message', { data, ports: ports.map(asElectronPort) });
  }
}

/** Node's MessagePort in the shape of Electron's MessagePortMain (events carry `{ data }`). */
function asElectronPort(port: MessagePort) {
  port.unref();
  return {
    postMessage: (message: unknown) => port.postMessage(message),
    on: (event: string, listener: (arg?: unknown) => void) =>
      event === 'message' ? port.on('message', (data) => listener({ data })) : port.on(event, listener),
    start: () => port.start(),
    close: () => port.close(),
  };
}

function nextMessage(port: MessagePort): Promise<unknown> {
  return new Promise((resolve) => port.once('message', resolve));
}

const processWithPort = process as unknown as { parentPort?: FakeParentPort };

afterEach(() => {
  delete processWithPort.parentPort;
  delete process.env[PARENT_TRANSPORT_VARIABLE];
});

describe('createBrokeredWorkerSpawner', () => {
  it('asks main for a worker, holds jobs until its port arrives, then talks to the worker over that port', async () => {
    const parentPort = (processWithPort.parentPort = new FakeParentPort());
    const channel = createBrokeredWorkerSpawner().spawn('compiler-worker', {
      serviceName: 'compiler-worker-1',
      env: { A: '1' },
    });
    expect(parentPort.sent).toEqual([
      { type: 'spawn-worker', workerId: 1, serviceName: 'compiler-worker-1', env: { A: '1' } },
    ]);
    expect(isBrokerRequest(parentPort.sent[0])).toBe(true);

    const replies: unknown[] = [];
    channel.onMessage((message) => replies.push(message));
    channel.send({ type: 'compile', id: 1 });

    const { port1: workerEnd, port2: serviceEnd } = new MessageChannel();
    workerEnd.unref();
    const job = nextMessage(workerEnd);
    parentPort.deliver({ type: 'worker-port', workerId: 1, pid: 4242 }, [serviceEnd]);
    expect(await job).toEqual({ type: 'compile', id: 1 });
    expect(channel.pid).toBe(4242);

    const replied = new Promise((resolve) => channel.onMessage(resolve));
    workerEnd.postMessage({ type: 'ready' });
    await replied;
    expect(replies).toEqual([{ type: 'ready' }]);
    workerEnd.close();
  });

  it('sends kill requests to main and reports the exit main announces', () => {
    const parentPort = (processWithPort.parentPort = new FakeParentPort());
    const channel = createBrokeredWorkerSpawner().spawn('compiler-worker', { serviceName: 'compiler-worker-1' });
    const exits: WorkerExitInfo[] = [];
    channel.onExit((info) => exits.push(info));

    channel.kill();
    expect(parentPort.sent.at(-1)).toEqual({ type: 'kill-worker', workerId: 1 });
    parentPort.deliver({ type: 'worker-exit', workerId: 1, code: 15, reason: 'killed (exit code 15)' });
    parentPort.deliver({ type: 'worker-exit', workerId: 1, code: 15, reason: 'killed (exit code 15)' });

    expect(exits).toEqual([{ code: 15, signal: null, reason: 'killed (exit code 15)' }]);
  });

  it('does not treat the service protocol as broker requests', () => {
    expect(isBrokerRequest({ type: 'ready', environmentDir: '/env' })).toBe(false);
    expect(isBrokerRequest({ type: 'response', id: 1, result: { ok: true, value: null } })).toBe(false);
    expect(isBrokerRequest(null)).toBe(false);
  });
});

describe('connectToParent through a transferred port', () => {
  it("holds the worker's first messages until main transfers the pool's port, then uses only that port", async () => {
    const parentPort = (processWithPort.parentPort = new FakeParentPort());
    process.env[PARENT_TRANSPORT_VARIABLE] = 'port';
    const connection = connectToParent();
    const received: unknown[] = [];
    connection.onMessage((message) => received.push(message));
    connection.send({ type: 'ready' });

    const { port1: workerEnd, port2: poolEnd } = new MessageChannel();
    poolEnd.unref();
    const ready = nextMessage(poolEnd);
    parentPort.deliver({ type: 'worker-port', workerId: 1 }, [workerEnd]);
    expect(await ready).toEqual({ type: 'ready' });

    const job = new Promise((resolve) => connection.onMessage(resolve));
    poolEnd.postMessage({ type: 'compile', id: 7 });
    await job;
    expect(received).toEqual([{ type: 'compile', id: 7 }]);
    expect(parentPort.sent).toEqual([]);
  });
});
