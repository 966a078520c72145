import { groupBytes, type CompilePhases } from './compile-batch';
import type { CompileGroup, CompileResult, GroupOutcome } from './compile-types';
import type { CompilerWorkerReply, CompilerWorkerRequest } from './compiler-protocol';
import { moveToBackground } from '../process/background-priority';
import { childPids, processTreeRssBytes } from '../process/process-memory';
import type { WorkerChannel, WorkerExitInfo, WorkerSpawner } from '../process/worker-spawner';

export type { GroupOutcome } from './compile-types';

/** Something that happened to a worker process, for supervisors' logs. */
export type CompilerWorkerEvent =
  | { type: 'started'; serviceName: string; pid: number | undefined }
  | { type: 'crashed'; serviceName: string; pid: number | undefined; reason: string; moduleName?: string }
  | { type: 'timed-out'; serviceName: string; pid: number | undefined; moduleName: string; timeLimitMs: number }
  | { type: 'out-of-memory'; serviceName: string; pid: number | undefined; moduleName: string; rssBytes: number }
  | { type: 'replaced'; serviceName: string; pid: number | undefined; previousPid: number | undefined };

/** A request a worker answered: how many modules it held and its native server's time by phase (benchmarks). */
export interface CompiledRequest {
  serviceName: string;
  modules: number;
  phases: CompilePhases;
}

/** How many queued single modules one request may carry, to be compiled in one program (compile-batch.ts). */
export interface BatchLimits {
  /** Modules per request at most. */
  modules: number;
  /** Source and producer-declaration characters per request at most (one module over it goes alone). */
  bytes: number;
}

/** Settings of a CompilerPool. */
export interface CompilerPoolOptions {
  /** At most this many worker processes. */
  size: number;
  spawner: WorkerSpawner;
  /** A job running longer than this is killed (and retried once). */
  timeLimitMs: number;
  /**
   * A worker whose memory (its own and its native compiler server's) passes this while compiling
   * is killed and its group fails with "out of memory" (not retried). Default 512 MB; measured
   * where the OS tells (/proc on Linux).
   */
  memoryLimitBytes?: number;
  /** Extra environment of the workers. */
  env?: Record<string, string>;
  /** See WorkerSpawnOptions.singleThreadedV8. */
  singleThreadedWorkers?: boolean;
  /**
   * OS priority (nice) of the workers, given with their own session and scheduling group
   * (background-priority.ts); default: unchanged, in the parent's session.
   */
  priority?: number;
  onWorkerEvent?: (event: CompilerWorkerEvent) => void;
  /** Told of every answered request (the benchmark's split of where the time goes). */
  onCompiled?: (request: CompiledRequest) => void;
  /**
   * Send queued groups several to a request (absent: one group per request). A request that fails
   * (crash, time limit, memory) sends each of its groups again alone.
   */
  batch?: BatchLimits;
}

type Failure = { kind: 'crash'; detail: string } | { kind: 'timeout' };

interface Task {
  group: CompileGroup;
  onStarted?: () => void;
  started?: boolean;
  /** Its request failed while it shared it: it goes alone from now on. */
  alone?: boolean;
  failures: Failure[];
  resolve: (outcome: GroupOutcome) => void;
  reject: (error: Error) => void;
}

type WorkerReply = { type?: CompilerWorkerReply['type']; id?: number; results?: unknown; phases?: CompilePhases };

/** One request to a worker: one task, or a batch of them. */
interface SentTask {
  id: number;
  tasks: Task[];
  /** The time limit; set once the request is the one the worker is compiling. */
  timer?: NodeJS.Timeout;
}

interface Worker {
  channel: WorkerChannel;
  serviceName: string;
  /** Set when the worker said it is ready: the time limit counts compilation, not process start. */
  ready: boolean;
  /** Its OS priority was set (options.priority): at spawn, or once its pid is known. */
  prioritized?: boolean;
  startTimer?: NodeJS.Timeout;
  /** Sent and not answered yet, in the order the worker compiles them: the first is compiling, the rest wait in its pipe. */
  sent: SentTask[];
  /** The pool was made smaller: it gets no new task and leaves once the ones it has are answered. */
  retiring?: boolean;
}

const MAX_ATTEMPTS = 2;
/**
 * Tasks sent to a worker ahead of its answers: it starts the next module the moment
 * it sends a result, instead of idling through a round trip to a busy coordinator.
 */
const TASKS_PER_WORKER = 2;
/** Workers in a row that die before being ready, after which queued jobs fail instead of respawning forever. */
const MAX_START_FAILURES = 2;
/** A worker not ready after this long (or the time limit, if longer) is stuck at start-up. */
const START_LIMIT_MS = 60_000;
/** Memory bound of one compiler process (Node side and native server together). */
export const DEFAULT_MEMORY_LIMIT_BYTES = 512 * 1024 * 1024;
/** Heap bound of a worker's JavaScript side: it holds one group's sources and results, the compiling is in its native server. */
const WORKER_HEAP_MB = 256;
/** How often busy workers' memory is read. */
const MEMORY_CHECK_MS = 250;

/** Runs compilations in up to `size` worker processes, started lazily; crashed or hung workers are replaced. */
export class CompilerPool {
  private readonly queue: Task[] = [];
  private readonly workers = new Set<Worker>();
  private nextId = 1;
  private nextWorker = 1;
  private closed = false;
  /** Set after a worker died: the next one started is its replacement. */
  private pendingReplacement: { previousPid: number | undefined } | null = null;
  private startFailures = 0;
  private memoryTimer: NodeJS.Timeout | undefined;
  private dispatchQueued = false;

  constructor(private readonly options: CompilerPoolOptions) {
    if (!(options.size >= 1)) throw new Error('CompilerPool size must be at least 1');
  }

  /**
   * Compiles a compile group (one module, or the members of one reference cycle) in a worker;
   * resolves to `process-failed` when its worker crashed or timed out twice, or ran out of memory.
   * `onStarted` runs when a worker takes the group (groups may wait in the queue before that).
   * A cycle gets the time limit once per member.
   */
  compile(group: CompileGroup, onStarted?: () => void): Promise<GroupOutcome> {
    if (this.closed) return Promise.reject(new Error('The compiler pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ group, onStarted, failures: [], resolve, reject });
      if (!this.options.batch) return this.dispatch();
      // Groups handed over together (a scheduler's dispatch of ready modules) go out together.
      if (this.dispatchQueued) return;
      this.dispatchQueued = true;
      queueMicrotask(() => {
        this.dispatchQueued = false;
        this.dispatch();
      });
    });
  }

  /** Groups worth keeping handed to the pool at once, so that each worker always has a full request waiting. */
  get capacity(): number {
    return this.options.size * TASKS_PER_WORKER * (this.options.batch?.modules ?? 1);
  }

  /** Sets a listener for worker events (started, crashed, timed-out, replaced). */
  onWorkerEvent(listener: (event: CompilerWorkerEvent) => void): void {
    this.options.onWorkerEvent = listener;
  }

  /** Starts every worker now instead of at the first jobs, so their start-up overlaps the caller's other work. */
  startWorkers(): void {
    while (!this.closed && this.workers.size < this.options.size) this.startWorker();
  }

  /** Number of live worker processes (workers leaving after a resize included until they are gone). */
  get workerCount(): number {
    return this.workers.size;
  }

  /** The most worker processes the pool keeps now. */
  get size(): number {
    return this.options.size;
  }

  /**
   * Changes the number of worker processes for the rest of the pool's life. Larger: once its workers are
   * started (startWorkers or work to do), the new ones start now and take queued jobs. Smaller: idle workers
   * beyond the size stop now; busy ones finish the jobs they hold (nothing is compiled twice) and then stop.
   */
  resize(size: number): void {
    if (!(size >= 1)) throw new Error('CompilerPool size must be at least 1');
    if (this.closed || size === this.options.size) return;
    this.options.size = size;
    const active = [...this.workers].filter((worker) => !worker.retiring);
    // Growing: workers that were on their way out are kept first, then new ones start.
    for (const worker of this.workers) {
      if (active.length >= size) break;
      if (worker.retiring) {
        worker.retiring = false;
        active.push(worker);
      }
    }
    if (active.length > size) {
      // Idle ones (or still starting) leave first, then the least busy.
      const leaving = [...active].sort((a, b) => a.sent.length - b.sent.length).slice(0, active.length - size);
      for (const worker of leaving) {
        worker.retiring = true;
        this.leaveIfIdle(worker);
      }
    } else if (active.length > 0) {
      while (this.activeWorkers() < size) this.startWorker();
    }
    this.dispatch();
  }

  /** Kills every worker; queued and running jobs are rejected. */
  close(): void {
    this.closed = true;
    clearInterval(this.memoryTimer);
    this.memoryTimer = undefined;
    const error = new Error('The compiler pool was closed');
    for (const task of this.queue.splice(0)) task.reject(error);
    for (const worker of [...this.workers]) {
      this.workers.delete(worker);
      for (const sent of worker.sent.splice(0)) {
        clearTimeout(sent.timer);
        for (const task of sent.tasks) task.reject(error);
      }
      worker.channel.kill();
    }
  }

  private dispatch(): void {
    while (!this.closed && this.queue.length > 0) {
      const leastBusy = this.leastBusyReadyWorker();
      const active = this.activeWorkers();
      if (leastBusy && (leastBusy.sent.length === 0 || active >= this.options.size)) {
        this.send(leastBusy, this.takeRequest());
        continue;
      }
      const starting = [...this.workers].filter((w) => !w.ready && !w.retiring).length;
      if (active >= this.options.size || starting >= this.queue.length) return;
      this.startWorker();
    }
  }

  /** Workers that take jobs: the live ones, less those leaving after the pool was made smaller. */
  private activeWorkers(): number {
    let count = 0;
    for (const worker of this.workers) if (!worker.retiring) count++;
    return count;
  }

  /** A worker leaving after a resize stops once it holds no job. */
  private leaveIfIdle(worker: Worker): void {
    if (!worker.retiring || worker.sent.length > 0 || !this.workers.has(worker)) return;
    this.workers.delete(worker);
    clearTimeout(worker.startTimer);
    worker.channel.kill();
  }

  private startWorker(): Worker {
    const serviceName = `compiler-worker-${this.nextWorker++}`;
    const channel = this.options.spawner.spawn('compiler-worker', {
      serviceName,
      env: this.options.env,
      singleThreadedV8: this.options.singleThreadedWorkers,
      maxHeapMb: WORKER_HEAP_MB,
      ownSession: this.options.priority !== undefined,
    });
    const worker: Worker = { channel, serviceName, ready: false, sent: [] };
    this.workers.add(worker);
    this.applyPriority(worker);
    channel.onMessage((message) => this.onReply(worker, message));
    channel.onExit((info) => this.onExit(worker, info));
    // A worker that never says it is ready (stuck at start-up) is killed and counts as a start failure.
    worker.startTimer = setTimeout(
      () => worker.ready || channel.kill(),
      Math.max(this.options.timeLimitMs, START_LIMIT_MS),
    );
    if (this.pendingReplacement) {
      this.emit({ type: 'replaced', serviceName, pid: channel.pid, previousPid: this.pendingReplacement.previousPid });
      this.pendingReplacement = null;
    } else {
      this.emit({ type: 'started', serviceName, pid: channel.pid });
    }
    return worker;
  }

  /** Lowers a worker's OS priority when asked to; a platform that refuses leaves it as it is. */
  private applyPriority(worker: Worker): void {
    const { priority } = this.options;
    if (priority === undefined || worker.prioritized || worker.channel.pid === undefined) return;
    worker.prioritized = true;
    moveToBackground(worker.channel.pid, priority);
  }

  /** A ready worker with room in its pipe, the one with the fewest tasks first. */
  private leastBusyReadyWorker(): Worker | undefined {
    let best: Worker | undefined;
    for (const worker of this.workers) {
      if (!worker.ready || worker.retiring || worker.sent.length >= TASKS_PER_WORKER) continue;
      if (!best || worker.sent.length < best.sent.length) best = worker;
    }
    return best;
  }

  /**
   * The queue's first task, with (when batching) the ones behind it, up to the limits and an even share
   * of the queue per request the workers can hold, so that every worker gets work.
   */
  private takeRequest(): Task[] {
    const first = this.queue.shift()!;
    const limits = this.options.batch;
    if (!limits || first.alone || first.group.length !== 1) return [first];
    const share = Math.ceil((this.queue.length + 1) / (this.activeWorkers() * TASKS_PER_WORKER));
    const most = Math.min(limits.modules, share);
    const tasks = [first];
    let bytes = groupBytes(first.group);
    while (tasks.length < most && this.queue.length > 0) {
      const next = this.queue[0]!;
      if (next.alone || next.group.length !== 1) break;
      const size = groupBytes(next.group);
      if (bytes + size > limits.bytes) break;
      bytes += size;
      tasks.push(this.queue.shift()!);
    }
    return tasks;
  }

  private send(worker: Worker, tasks: Task[]): void {
    const id = this.nextId++;
    worker.sent.push({ id, tasks });
    const groups = tasks.map((task) => task.group);
    worker.channel.send({ type: 'compile', id, groups } satisfies CompilerWorkerRequest);
    if (worker.sent.length === 1) this.startCompiling(worker);
    this.watchMemory();
  }

  /** The worker's first sent task is the one it compiles now: its time limit starts. */
  private startCompiling(worker: Worker): void {
    const current = worker.sent[0];
    if (!current) return;
    current.timer = setTimeout(() => this.onTimeout(worker), this.requestTimeLimit(current.tasks));
    for (const task of current.tasks) {
      if (task.started) continue;
      task.started = true;
      task.onStarted?.();
    }
  }

  private onReply(worker: Worker, raw: unknown): void {
    const message = raw as WorkerReply | undefined;
    if (message?.type === 'ready') {
      worker.ready = true;
      this.applyPriority(worker);
      clearTimeout(worker.startTimer);
      this.startFailures = 0;
      this.dispatch();
      return;
    }
    const current = worker.sent[0];
    if (!message || !current || message.type !== 'result' || message.id !== current.id) return;
    if (!Array.isArray(message.results)) return;
    const results = message.results as CompileResult[][];
    current.tasks.forEach((task, index) => task.resolve({ kind: 'compiled', results: results[index] ?? [] }));
    if (message.phases && this.options.onCompiled) {
      const modules = current.tasks.reduce((sum, task) => sum + task.group.length, 0);
      this.options.onCompiled({ serviceName: worker.serviceName, modules, phases: message.phases });
    }
    clearTimeout(current.timer);
    worker.sent.shift();
    this.startCompiling(worker);
    this.leaveIfIdle(worker);
    this.dispatch();
  }

  /** Reads busy workers' memory while any compiles; stops when none does. */
  private watchMemory(): void {
    if (this.memoryTimer || this.closed) return;
    this.memoryTimer = setInterval(() => {
      const busy = [...this.workers].filter((worker) => worker.sent.length > 0 && worker.channel.pid !== undefined);
      if (busy.length === 0) {
        clearInterval(this.memoryTimer);
        this.memoryTimer = undefined;
        return;
      }
      const limit = this.options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES;
      for (const worker of busy) {
        const rss = processTreeRssBytes(worker.channel.pid!);
        if (rss > limit) this.onOutOfMemory(worker, rss, limit);
      }
    }, MEMORY_CHECK_MS);
    this.memoryTimer.unref();
  }

  /** A compilation that blows the memory bound fails at once (compiling it again would blow it again); the run goes on. */
  private onOutOfMemory(worker: Worker, rssBytes: number, limit: number): void {
    const running = worker.sent[0];
    if (!running || !this.workers.has(worker)) return;
    this.emit({
      type: 'out-of-memory',
      serviceName: worker.serviceName,
      pid: worker.channel.pid,
      moduleName: requestNames(running.tasks),
      rssBytes,
    });
    const servers = childPids(worker.channel.pid!);
    const alone = running.tasks.length === 1 ? running.tasks[0]!.group : undefined;
    // A batch that blows the bound is no module's fault: each of its groups goes again alone (retire).
    this.retire(
      worker,
      { kind: 'crash', detail: 'out of memory' },
      alone && {
        reason: `Compilation of ${groupLabel(alone)} ran out of memory: its compiler process passed ${Math.round(limit / 1024 / 1024)} MB`,
      },
    );
    worker.channel.kill();
    for (const pid of servers) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone with its worker
      }
    }
  }

  private onTimeout(worker: Worker): void {
    const tasks = worker.sent[0]?.tasks;
    if (!tasks || !this.workers.has(worker)) return;
    this.emit({
      type: 'timed-out',
      serviceName: worker.serviceName,
      pid: worker.channel.pid,
      moduleName: requestNames(tasks),
      timeLimitMs: this.requestTimeLimit(tasks),
    });
    this.retire(worker, { kind: 'timeout' });
    worker.channel.kill();
  }

  private onExit(worker: Worker, info: WorkerExitInfo): void {
    clearTimeout(worker.startTimer);
    if (!this.workers.has(worker)) return; // already retired (timeout or close)
    this.emit({
      type: 'crashed',
      serviceName: worker.serviceName,
      pid: worker.channel.pid,
      reason: info.reason,
      moduleName: worker.sent[0] && requestNames(worker.sent[0].tasks),
    });
    if (!worker.ready && ++this.startFailures >= MAX_START_FAILURES) {
      this.workers.delete(worker);
      const reason = `The compiler process could not start (${info.reason})`;
      for (const task of this.queue.splice(0)) task.resolve({ kind: 'process-failed', reason, attempts: 0 });
      this.startFailures = 0;
      return;
    }
    this.retire(worker, { kind: 'crash', detail: info.reason });
  }

  /**
   * Forgets a dead or killed worker. The jobs it was compiling are retried once (alone: a batch's
   * groups each in a request of their own), then reported as process-failed; the ones waiting behind
   * them go back to the queue's front. A batch that ran out of memory counts no attempt.
   */
  private retire(worker: Worker, failure: Failure, final?: { reason: string }): void {
    this.workers.delete(worker);
    const [running, ...waiting] = worker.sent.splice(0);
    this.queue.unshift(...waiting.flatMap((sent) => sent.tasks));
    if (running) clearTimeout(running.timer);
    if (running && final) {
      for (const task of running.tasks) task.resolve({ kind: 'process-failed', reason: final.reason, attempts: 1 });
    } else if (running) {
      const batched = running.tasks.length > 1;
      const again: Task[] = [];
      for (const task of running.tasks) {
        task.alone ||= batched;
        if (batched && failure.kind === 'crash' && failure.detail === 'out of memory') {
          again.push(task);
          continue;
        }
        task.failures.push(failure);
        if (task.failures.length < MAX_ATTEMPTS) again.push(task);
        else
          task.resolve({ kind: 'process-failed', reason: this.describeFailures(task), attempts: task.failures.length });
      }
      this.queue.unshift(...again);
    }
    if (this.closed) return;
    this.pendingReplacement = { previousPid: worker.channel.pid };
    this.dispatch();
  }

  /** A cycle gets the time of compiling its members one by one. */
  private timeLimit(task: Task): number {
    return this.options.timeLimitMs * Math.max(task.group.length, 1);
  }

  /** A request gets the time of its groups one by one. */
  private requestTimeLimit(tasks: readonly Task[]): number {
    return tasks.reduce((sum, task) => sum + this.timeLimit(task), 0);
  }

  private describeFailures(task: Task): string {
    // "'A'" for a module, "the cycle 'A', 'B'" for a cycle.
    const name = groupLabel(task.group);
    const limit = formatDuration(this.timeLimit(task));
    const [first, second] = task.failures as [Failure, Failure];
    if (first.kind === 'timeout' && second.kind === 'timeout') {
      return `Compilation of ${name} exceeded the ${limit} time limit twice`;
    }
    if (first.kind === 'crash' && second.kind === 'crash') {
      return first.detail === second.detail
        ? `The compiler process crashed (${first.detail}) twice while compiling ${name}`
        : `The compiler process crashed twice while compiling ${name} (${first.detail}, then ${second.detail})`;
    }
    const what = (f: Failure): string =>
      f.kind === 'crash' ? `crashed (${f.detail})` : `exceeded the ${limit} time limit`;
    return `The compiler process failed twice while compiling ${name}: it ${what(first)}, then ${what(second)}`;
  }

  private emit(event: CompilerWorkerEvent): void {
    this.options.onWorkerEvent?.(event);
  }
}

/** The modules of a request as 'A, B' (for worker events). */
function requestNames(tasks: readonly Task[]): string {
  return tasks.flatMap((task) => task.group.map((job) => job.moduleName)).join(', ');
}

/** "'A'" for a module, "the cycle 'A', 'B'" for a cycle. */
function groupLabel(group: CompileGroup): string {
  return group.length === 1
    ? `'${group[0]!.moduleName}'`
    : `the cycle ${group.map((job) => `'${job.moduleName}'`).join(', ')}`;
}

/** "30 s", "1.5 s", "200 ms". */
function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}
