import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { findPackageRoot } from '../platform/platform-versions';

/** How a worker ended: exit code or signal, and a sentence for the log. */
export interface WorkerExitInfo {
  code: number | null;
  signal: string | null;
  reason: string;
}

/** Ends a subscription: the listener it was given is not called again. Calling it twice does nothing more. */
export type Disposer = () => void;

/** The parent's end of one worker process. Each `on…` returns the disposer that removes its listener. */
export interface WorkerChannel {
  readonly pid: number | undefined;
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): Disposer;
  /** Called once, when the process has ended (a listener added after that is never called). */
  onExit(listener: (info: WorkerExitInfo) => void): Disposer;
  kill(): void;
}

/** Adds `listener` to `listeners` and returns the disposer that removes it (a copy is iterated when they are called). */
export function addListener<L>(listeners: L[], listener: L): Disposer {
  listeners.push(listener);
  return () => {
    const index = listeners.indexOf(listener);
    if (index !== -1) listeners.splice(index, 1);
  };
}

/** Worker entry points built into out/node/<entry>.cjs. */
export type WorkerEntry = 'compiler-worker' | 'service';

/** How to start one worker. */
export interface WorkerSpawnOptions {
  serviceName: string;
  env?: Record<string, string>;
  /** Run V8 without its helper threads (`--single-threaded`): garbage collection and JIT happen on the worker's own thread. */
  singleThreadedV8?: boolean;
  /** Bound of the worker's JavaScript heap in MB (`--max-old-space-size`): passing it ends the worker instead of growing. */
  maxHeapMb?: number;
  /**
   * Start it in a session of its own (Node's `detached`: setsid; Linux), so that its priority
   * can be lowered against every program, not only its parent's session (background-priority.ts).
   * It still ends with its parent: a worker exits when its IPC channel closes.
   */
  ownSession?: boolean;
}

/** Starts worker processes: child_process.fork under Node, utilityProcess under Electron. */
export interface WorkerSpawner {
  spawn(entry: WorkerEntry, options: WorkerSpawnOptions): WorkerChannel;
}

/** Describes an exit for the log: "exit code 70", "signal SIGKILL". */
export function describeExit(code: number | null, signal: string | null): string {
  return signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
}

/**
 * Where a worker keeps V8's compiled code of its bundle (Node's own default folder). Given to Node
 * before it starts, so the bundle itself is read from the cache: enabling the cache from inside the
 * bundle reaches only what loads after it. Measured: 25 ms less CPU per worker start.
 */
function compileCacheDir(): string {
  return process.env.NODE_COMPILE_CACHE ?? path.join(os.tmpdir(), 'node-compile-cache');
}

/** A spawner that forks `${scriptsDir}/${entry}.cjs` with Node's child_process. */
export function createNodeWorkerSpawner(
  scriptsDir: string = path.join(findPackageRoot(), 'out', 'node'),
): WorkerSpawner {
  return {
    spawn(entry, options) {
      const child = fork(path.join(scriptsDir, `${entry}.cjs`), [], {
        env: {
          ...process.env,
          NODE_COMPILE_CACHE: compileCacheDir(),
          ...options.env,
          CONFIG_TOOL_SERVICE_NAME: options.serviceName,
        },
        serialization: 'advanced',
        execArgv: [
          ...process.execArgv,
          ...(options.singleThreadedV8 ? ['--single-threaded'] : []),
          ...(options.maxHeapMb ? [`--max-old-space-size=${options.maxHeapMb}`] : []),
        ],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        // Linux only: that is where a session is a scheduling group; on Windows a detached child gets a console window.
        detached: options.ownSession === true && process.platform === 'linux',
      });
      return new ChildProcessChannel(child);
    },
  };
}

class ChildProcessChannel implements WorkerChannel {
  private exited = false;
  private readonly exitListeners: ((info: WorkerExitInfo) => void)[] = [];

  constructor(private readonly child: ChildProcess) {
    child.on('exit', (code, signal) => this.finish({ code, signal, reason: describeExit(code, signal) }));
    child.on('error', (error) => {
      this.finish({ code: null, signal: null, reason: `the process failed: ${error.message}` });
      if (child.exitCode === null) child.kill('SIGKILL');
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(message: unknown): void {
    // A job can be sent to a worker that is dying (it has one waiting behind the one it
    // compiles); that write fails with EPIPE, but its 'exit' tells why it ended.
    if (!this.exited && this.child.connected) this.child.send(message as object, ignoreSendError);
  }

  onMessage(listener: (message: unknown) => void): Disposer {
    this.child.on('message', listener);
    return () => this.child.off('message', listener);
  }

  onExit(listener: (info: WorkerExitInfo) => void): Disposer {
    return addListener(this.exitListeners, listener);
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private finish(info: WorkerExitInfo): void {
    if (this.exited) return;
    this.exited = true;
    for (const listener of [...this.exitListeners]) listener(info);
  }
}

function ignoreSendError(): void {}
