import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { moveToBackground } from './background-priority';
import { createNodeWorkerSpawner, type WorkerChannel } from './worker-spawner';

async function startWorker(ownSession: boolean): Promise<WorkerChannel> {
  const channel = createNodeWorkerSpawner().spawn('compiler-worker', { serviceName: 'background-test', ownSession });
  await new Promise((resolve) => channel.onMessage(resolve));
  return channel;
}

const autogroupOf = (pid: number) => fs.readFileSync(`/proc/${pid}/autogroup`, 'utf8').trim();
const hasAutogroups = process.platform === 'linux' && fs.existsSync(`/proc/${process.pid}/autogroup`);

describe('moveToBackground', () => {
  it.runIf(hasAutogroups)(
    'lowers a worker in a session of its own and its scheduling group, apart from the parent',
    async () => {
      const parentGroup = autogroupOf(process.pid);
      const worker = await startWorker(true);
      try {
        const pid = worker.pid!;
        expect(autogroupOf(pid)).not.toBe(parentGroup);
        expect(moveToBackground(pid, 19)).toEqual({ nice: true, group: true });
        expect(os.getPriority(pid)).toBe(19);
        expect(autogroupOf(pid)).toMatch(/ nice 19$/);
        expect(autogroupOf(process.pid)).toBe(parentGroup);
      } finally {
        worker.kill();
      }
    },
  );

  it.runIf(hasAutogroups)("never lowers the group of a worker that shares its parent's session", async () => {
    const parentGroup = autogroupOf(process.pid);
    const worker = await startWorker(false);
    try {
      expect(autogroupOf(worker.pid!)).toBe(parentGroup);
      expect(moveToBackground(worker.pid!, 19)).toEqual({ nice: true, group: false });
      expect(os.getPriority(worker.pid!)).toBe(19);
      expect(autogroupOf(process.pid)).toBe(parentGroup);
    } finally {
      worker.kill();
    }
  });
});
