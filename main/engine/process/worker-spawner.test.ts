import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPackageRoot } from '../platform/platform-versions';
import { createNodeWorkerSpawner, type WorkerExitInfo } from './worker-spawner';

const workerScript = path.join(findPackageRoot(), 'out', 'node', 'compiler-worker.cjs');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Gave up waiting until ${what}`);
}

describe('createNodeWorkerSpawner', () => {
  it('starts a compiler worker that says it is ready, and reports its exit with the signal when killed', async () => {
    const channel = createNodeWorkerSpawner().spawn('compiler-worker', { serviceName: 'compiler-worker-test' });
    const ready = new Promise((resolve) => channel.onMessage(resolve));
    const exited = new Promise<WorkerExitInfo>((resolve) => channel.onExit(resolve));
    expect(await ready).toEqual({ type: 'ready' });
    channel.kill();
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL', reason: 'signal SIGKILL' });
  });

  it('stops calling a message or exit listener once its disposer has run', async () => {
    const channel = createNodeWorkerSpawner().spawn('compiler-worker', { serviceName: 'compiler-worker-test' });
    const disposedMessages: unknown[] = [];
    const disposedExits: WorkerExitInfo[] = [];
    channel.onMessage((message) => disposedMessages.push(message))();
    const disposeExit = channel.onExit((info) => disposedExits.push(info));
    disposeExit();
    disposeExit();
    const ready = new Promise((resolve) => channel.onMessage(resolve));
    const exited = new Promise<WorkerExitInfo>((resolve) => channel.onExit(resolve));
    expect(await ready).toEqual({ type: 'ready' });
    channel.kill();
    expect((await exited).signal).toBe('SIGKILL');
    expect(disposedMessages).toEqual([]);
    expect(disposedExits).toEqual([]);
  });

  it.runIf(process.platform === 'linux')(
    'starts a worker with V8 single-threaded only when asked (read from the process command line)',
    async () => {
      const commandLine = async (singleThreadedV8: boolean) => {
        const channel = createNodeWorkerSpawner().spawn('compiler-worker', {
          serviceName: 'compiler-worker-test',
          singleThreadedV8,
        });
        await new Promise((resolve) => channel.onMessage(resolve));
        const args = fs.readFileSync(`/proc/${channel.pid}/cmdline`, 'utf8').split('\0');
        channel.kill();
        return args;
      };
      expect(await commandLine(true)).toContain('--single-threaded');
      expect(await commandLine(false)).not.toContain('--single-threaded');
    },
  );

  // A worker in a session of its own (ownSession: detached) gets no signal from its parent's terminal either.
  it.each([false, true])('ends a worker whose parent process goes away (detached: %s)', async (detached) => {
    const parentScript = `
      const child = require('node:child_process').fork(${JSON.stringify(workerScript)}, [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], detached: ${detached} });
      child.on('message', () => { process.stdout.write(String(child.pid)); process.exit(0); });`;
    const workerPid = Number(execFileSync(process.execPath, ['-e', parentScript], { encoding: 'utf8' }));
    expect(workerPid).toBeGreaterThan(0);
    await waitUntil(() => !isAlive(workerPid), `worker ${workerPid} exited`);
  });
});
