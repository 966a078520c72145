import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompileGroup } from './compile-types';
import { CompilerPool, type CompilerWorkerEvent } from './compiler-pool';
import { createNodeWorkerSpawner } from '../process/worker-spawner';

const small = (moduleName: string): CompileGroup => [
  {
    moduleName,
    kind: 'service',
    platformVersion: '11.13.0',
    sources: {
      'src/index.ts': `import { log } from '@platform/runtime';\nexport function hello(): void { log('${moduleName}'); }\n`,
    },
    references: [],
    producers: {},
  },
];

let pool: CompilerPool | undefined;
afterEach(() => pool?.close());

describe('CompilerPool', () => {
  it('compiles through real worker processes, starting at most `size` of them lazily', async () => {
    const events: CompilerWorkerEvent[] = [];
    pool = new CompilerPool({
      size: 2,
      spawner: createNodeWorkerSpawner(),
      timeLimitMs: 30_000,
      onWorkerEvent: (e) => events.push(e),
    });
    expect(pool.workerCount).toBe(0);
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => pool!.compile(small(`M${i}`))));
    expect(outcomes.map((o) => (o.kind === 'compiled' ? o.results[0]!.success : o.reason))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(outcomes[3]).toMatchObject({
      kind: 'compiled',
      results: [{ moduleName: 'M3', js: { 'src/index.js': expect.stringContaining("log('M3')") } }],
    });
    expect(pool.workerCount).toBe(2);
    expect(events.map((e) => e.type)).toEqual(['started', 'started']);
    expect(new Set(events.map((e) => e.pid)).size).toBe(2);
  });

  it.runIf(process.platform === 'linux' && fs.existsSync(`/proc/${process.pid}/autogroup`))(
    'runs workers given a priority in the background with their native servers, apart from the parent',
    async () => {
      const events: CompilerWorkerEvent[] = [];
      pool = new CompilerPool({
        size: 1,
        priority: 19,
        spawner: createNodeWorkerSpawner(),
        timeLimitMs: 30_000,
        onWorkerEvent: (e) => events.push(e),
      });
      const outcome = await pool.compile(small('Background'));
      expect(outcome.kind === 'compiled' && outcome.results[0]!.success).toBe(true);
      const worker = events.find((e) => e.type === 'started')!.pid!;
      // The worker's native compiler server: its child process, started after the priority was set.
      const server = Number(fs.readFileSync(`/proc/${worker}/task/${worker}/children`, 'utf8').trim().split(' ')[0]);
      const group = (pid: number) => fs.readFileSync(`/proc/${pid}/autogroup`, 'utf8').trim();
      for (const pid of [worker, server]) {
        expect(os.getPriority(pid)).toBe(19);
        expect(group(pid)).toMatch(/ nice 19$/);
      }
      expect(group(worker)).not.toBe(group(process.pid));
    },
  );

  it('resize starts more worker processes that take queued jobs, and lets the extra ones stop when lowered', async () => {
    const events: CompilerWorkerEvent[] = [];
    pool = new CompilerPool({
      size: 1,
      spawner: createNodeWorkerSpawner(),
      timeLimitMs: 30_000,
      onWorkerEvent: (e) => events.push(e),
    });
    pool.startWorkers();
    expect(pool.workerCount).toBe(1);
    pool.resize(3);
    expect(pool.size).toBe(3);
    expect(pool.workerCount).toBe(3);
    const pids = () => new Set(events.filter((e) => e.type === 'started').map((e) => e.pid));
    expect(pids().size).toBe(3);
    const outcomes = await Promise.all(Array.from({ length: 9 }, (_, i) => pool!.compile(small(`R${i}`))));
    expect(outcomes.every((o) => o.kind === 'compiled' && o.results[0]!.success)).toBe(true);
    expect(pool.workerCount).toBe(3);

    // Lowered while jobs are in flight: nothing is lost or compiled twice, and only one process is left after.
    const lowered = Promise.all(Array.from({ length: 6 }, (_, i) => pool!.compile(small(`L${i}`))));
    pool.resize(1);
    const after = await lowered;
    expect(after.map((o) => (o.kind === 'compiled' ? o.results[0]!.moduleName : o.reason))).toEqual(
      Array.from({ length: 6 }, (_, i) => `L${i}`),
    );
    expect(pool.workerCount).toBe(1);
    expect(events.filter((e) => e.type === 'crashed')).toEqual([]);
    expect(pids().size).toBe(3);
  });

  it('sends a worker its next job ahead, but reports a job started only when the one before it is done', async () => {
    pool = new CompilerPool({ size: 1, spawner: createNodeWorkerSpawner(), timeLimitMs: 30_000 });
    const order: string[] = [];
    // Queued as a microtask, like the outcome's `then`: a job reported started when it is
    // sent (ahead of the previous result) would show up before that result.
    const compile = (name: string) =>
      pool!
        .compile(small(name), () => queueMicrotask(() => order.push(`started ${name}`)))
        .then((outcome) => order.push(`${outcome.kind} ${name}`));
    await Promise.all([compile('First'), compile('Second'), compile('Third')]);
    expect(order).toEqual([
      'started First',
      'compiled First',
      'started Second',
      'compiled Second',
      'started Third',
      'compiled Third',
    ]);
  });

  it('gives the jobs waiting behind a crashed job to the replacement worker, without counting an attempt', async () => {
    pool = new CompilerPool({
      size: 1,
      spawner: createNodeWorkerSpawner(),
      timeLimitMs: 30_000,
      env: { CONFIG_TOOL_TEST_FAULTS: 'crash:Broken' },
    });
    const outcomes = await Promise.all(['Fine1', 'Broken', 'Fine2', 'Fine3'].map((name) => pool!.compile(small(name))));
    expect(outcomes.map((o) => (o.kind === 'compiled' ? `${o.results[0]!.moduleName} ok` : o.reason))).toEqual([
      'Fine1 ok',
      "The compiler process crashed (exit code 70) twice while compiling 'Broken'",
      'Fine2 ok',
      'Fine3 ok',
    ]);
  });

  it('reports a worker that crashes twice on a job as process-failed and keeps compiling other jobs', async () => {
    const events: CompilerWorkerEvent[] = [];
    pool = new CompilerPool({
      size: 2,
      spawner: createNodeWorkerSpawner(),
      timeLimitMs: 30_000,
      env: { CONFIG_TOOL_TEST_FAULTS: 'crash:Broken' },
      onWorkerEvent: (e) => events.push(e),
    });
    const [broken, ok1, ok2] = await Promise.all([
      pool.compile(small('Broken')),
      pool.compile(small('Fine1')),
      pool.compile(small('Fine2')),
    ]);
    expect(broken).toEqual({
      kind: 'process-failed',
      reason: "The compiler process crashed (exit code 70) twice while compiling 'Broken'",
      attempts: 2,
    });
    expect(ok1).toMatchObject({ kind: 'compiled', results: [{ success: true }] });
    expect(ok2).toMatchObject({ kind: 'compiled', results: [{ success: true }] });
    expect(events.filter((e) => e.type === 'crashed')).toHaveLength(2);
    expect(events.some((e) => e.type === 'replaced')).toBe(true);
    expect(await pool.compile(small('After'))).toMatchObject({ kind: 'compiled', results: [{ success: true }] });
  });

  it('kills a worker that exceeds the time limit, retries once, then reports process-failed', async () => {
    pool = new CompilerPool({
      size: 1,
      spawner: createNodeWorkerSpawner(),
      timeLimitMs: 4_000,
      env: { CONFIG_TOOL_TEST_FAULTS: 'hang:Stuck' },
    });
    const stuck = pool.compile(small('Stuck'));
    const after = pool.compile(small('Next'));
    expect(await stuck).toEqual({
      kind: 'process-failed',
      reason: "Compilation of 'Stuck' exceeded the 4 s time limit twice",
      attempts: 2,
    });
    expect(await after).toMatchObject({ kind: 'compiled', results: [{ moduleName: 'Next', success: true }] });
    expect(pool.workerCount).toBe(1);
  });

  it('fails queued jobs instead of respawning forever when the worker script cannot start', async () => {
    pool = new CompilerPool({
      size: 2,
      spawner: createNodeWorkerSpawner(path.join(os.tmpdir(), 'no-such-scripts-dir')),
      timeLimitMs: 30_000,
    });
    const outcome = await pool.compile(small('Orphan'));
    expect(outcome).toMatchObject({
      kind: 'process-failed',
      attempts: 0,
      reason: expect.stringMatching(/^The compiler process could not start \(exit code 1\)$/),
    });
  });

  it('restarts a native server that dies during a compilation and compiles the group again', async () => {
    pool = new CompilerPool({
      size: 1,
      spawner: createNodeWorkerSpawner(),
      timeLimitMs: 30_000,
      env: { CONFIG_TOOL_TEST_FAULTS: 'server-dies-once:Shaky,server-dies:Doomed' },
    });
    const [shaky, doomed, after] = await Promise.all([
      pool.compile(small('Shaky')),
      pool.compile(small('Doomed')),
      pool.compile(small('After')),
    ]);
    expect(shaky).toMatchObject({ kind: 'compiled', results: [{ moduleName: 'Shaky', success: true }] });
    expect(doomed).toMatchObject({ kind: 'compiled', results: [{ moduleName: 'Doomed', success: false }] });
    expect(doomed.kind === 'compiled' && doomed.results[0]!.diagnostics).toEqual([
      {
        message: expect.stringMatching(
          /^The TypeScript compiler server stopped twice while compiling 'Doomed' \(.+\)$/,
        ),
      },
    ]);
    expect(after).toMatchObject({ kind: 'compiled', results: [{ moduleName: 'After', success: true }] });
    expect(pool.workerCount).toBe(1);
  });

  it.runIf(process.platform === 'linux')(
    'fails a compilation whose process passes the memory bound with "out of memory" and goes on',
    async () => {
      const events: CompilerWorkerEvent[] = [];
      pool = new CompilerPool({
        size: 1,
        spawner: createNodeWorkerSpawner(),
        timeLimitMs: 30_000,
        memoryLimitBytes: 1024 * 1024, // any compiler process passes 1 MB
        env: { CONFIG_TOOL_TEST_FAULTS: 'hang:Greedy' },
        onWorkerEvent: (e) => events.push(e),
      });
      const outcome = await pool.compile(small('Greedy'));
      expect(outcome).toEqual({
        kind: 'process-failed',
        reason: "Compilation of 'Greedy' ran out of memory: its compiler process passed 1 MB",
        attempts: 1,
      });
      expect(events.some((e) => e.type === 'out-of-memory' && e.moduleName === 'Greedy')).toBe(true);
    },
  );

  it('rejects jobs after close', async () => {
    pool = new CompilerPool({ size: 1, spawner: createNodeWorkerSpawner(), timeLimitMs: 30_000 });
    pool.close();
    await expect(pool.compile(small('Late'))).rejects.toThrow('The compiler pool is closed');
  });
});
