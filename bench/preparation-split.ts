/**
 * Where a preparation's time goes, from process CPU accounting (/proc of the coordinator, its
 * compiler workers and their native servers), the native servers' own phases (reported by the
 * workers with each result) and the time the coordinator spends in database transactions.
 */
import os from 'node:os';
import type { CompilePhases } from '../main/engine/compiler/compile-batch';
import type { CompiledRequest } from '../main/engine/compiler/compiler-pool';
import { findNativeBinary } from '../main/engine/compiler/native-binary';
import type { Db } from '../main/engine/store/database';
import { CpuWatch } from './proc-stat';

/** The figures of one measured stretch, in ms. */
export interface PreparationSplit {
  wallMs: number;
  cores: number;
  serverCpuMs: number;
  workerCpuMs: number;
  coordinatorCpuMs: number;
  transactionMs: number;
  phases: CompilePhases & { requests: number; modules: number };
  idleMs: number;
}

/** Times every transaction of `db` (its work and its commit) until the returned function is called. */
function timeTransactions(db: Db): { stop(): number } {
  let ms = 0;
  const original = db.transaction.bind(db);
  const timed = <F extends (...args: never[]) => unknown>(fn: F): F =>
    ((...args: never[]) => {
      const started = performance.now();
      try {
        return fn(...args);
      } finally {
        ms += performance.now() - started;
      }
    }) as F;
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const tx = original(fn);
    return Object.assign(timed(tx), {
      default: timed(tx.default),
      deferred: timed(tx.deferred),
      immediate: timed(tx.immediate),
      exclusive: timed(tx.exclusive),
    });
  }) as typeof db.transaction;
  return {
    stop() {
      db.transaction = original as typeof db.transaction;
      return ms;
    },
  };
}

/**
 * Starts watching: call it before the preparation with the context's database and a way to listen
 * to its worker events; `stop` after it gives the split.
 */
export function watchPreparation(
  db: Db,
  listen: (listener: (request: CompiledRequest) => void) => void,
): { stop(wallMs: number): PreparationSplit } {
  const phases = { setupMs: 0, checkMs: 0, emitMs: 0, programs: 0, requests: 0, modules: 0 };
  listen((event) => {
    phases.setupMs += event.phases.setupMs;
    phases.checkMs += event.phases.checkMs;
    phases.emitMs += event.phases.emitMs;
    phases.programs += event.phases.programs;
    phases.requests++;
    phases.modules += event.modules;
  });
  const transactions = timeTransactions(db);
  const cpu = new CpuWatch(process.pid);
  cpu.start(100);
  const server = findNativeBinary().exe;
  return {
    stop(wallMs) {
      cpu.stop();
      const split = { serverCpuMs: 0, workerCpuMs: 0, coordinatorCpuMs: 0 };
      for (const { sample, cpuMs } of cpu.used()) {
        if (sample.pid === process.pid) split.coordinatorCpuMs += cpuMs;
        else if (sample.command.startsWith(server)) split.serverCpuMs += cpuMs;
        else if (sample.command.includes('compiler-worker')) split.workerCpuMs += cpuMs;
      }
      const cores = os.availableParallelism();
      const used = split.serverCpuMs + split.workerCpuMs + split.coordinatorCpuMs;
      const transactionMs = transactions.stop();
      return { wallMs, cores, ...split, transactionMs, phases, idleMs: Math.max(0, cores * wallMs - used) };
    },
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The split as the benchmark prints it. */
export function printSplit(title: string, split: PreparationSplit): void {
  const { phases } = split;
  const coreMs = split.cores * split.wallMs;
  const share = (ms: number) => `${((100 * ms) / coreMs).toFixed(0)} %`;
  const otherServer = Math.max(0, split.serverCpuMs - phases.setupMs - phases.checkMs - phases.emitMs);
  console.log(`${title.padEnd(25)}${s(coreMs)} of core time (${split.cores} cores x ${s(split.wallMs)})`);
  console.log(
    `  compiler CPU           ${s(split.serverCpuMs)}  ${share(split.serverCpuMs)}  (native servers; wall time in the workers, which a loaded machine stretches: checking ${s(phases.checkMs)}, emit ${s(phases.emitMs)}, rest ${s(otherServer)})`,
  );
  console.log(
    `    per-program set-up   ${s(phases.setupMs)}  ${share(phases.setupMs)}  (part of the compiler CPU: snapshot, parse, bind, resolve; ${phases.programs} programs for ${phases.modules} modules in ${phases.requests} requests)`,
  );
  console.log(
    `  IPC and queueing       ${s(split.workerCpuMs)}  ${share(split.workerCpuMs)}  (compiler workers' own CPU: messages in and out, requests to their server, hashing, import rules)`,
  );
  console.log(
    `  coordinator            ${s(split.coordinatorCpuMs)}  ${share(split.coordinatorCpuMs)}  (of it ${s(split.transactionMs)} in database transactions: results, items, log lines, dispatch)`,
  );
  console.log(
    `  idle cores             ${s(split.idleMs)}  ${share(split.idleMs)}  (core time no process of the run used)`,
  );
}
