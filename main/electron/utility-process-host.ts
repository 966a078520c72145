/**
 * Forks utility processes (the service, compiler workers) with a serviceName, their
 * stdout/stderr piped into the log with a prefix, and their death detected through both
 * the process 'exit' event and `app`'s 'child-process-gone' (whose reason says *why*: the
 * exit code alone is unreliable on crashes).
 */
import readline from 'node:readline';
import { app, utilityProcess, type Details, type MessagePortMain, type UtilityProcess } from 'electron';
import { addListener, type Disposer, type WorkerChannel, type WorkerExitInfo } from '../engine/process/worker-spawner';
import { log } from './log';

/** How long an 'exit' waits for the matching 'child-process-gone' that explains it. */
const GONE_GRACE_MS = 250;

/** A forked utility process seen as a WorkerChannel, plus the port-transfer Electron adds. */
export interface UtilityProcessChannel extends WorkerChannel {
  readonly serviceName: string;
  /** Posts a message with transferred ports (MessageChannelMain ends). */
  postWithPorts(message: unknown, ports: MessagePortMain[]): void;
  /** Called once the process is running (never when it fails to launch). */
  onSpawn(listener: () => void): Disposer;
}

const live = new Set<ElectronUtilityChannel>();
let goneListenerInstalled = false;

/** Forks `modulePath` as a utility process; `env` is added to main's environment. */
export function forkUtilityProcess(
  modulePath: string,
  options: { serviceName: string; env?: Record<string, string> },
): UtilityProcessChannel {
  installGoneListener();
  const child = utilityProcess.fork(modulePath, [], {
    serviceName: options.serviceName,
    stdio: 'pipe',
    env: { ...stringEnv(process.env), ...options.env },
  });
  const channel = new ElectronUtilityChannel(child, options.serviceName);
  live.add(channel);
  return channel;
}

function installGoneListener(): void {
  if (goneListenerInstalled) return;
  goneListenerInstalled = true;
  app.on('child-process-gone', (_event, details) => {
    if (details.type !== 'Utility') return;
    // Names can repeat across service restarts: the oldest live one with that name is the one that died.
    const channel = [...live].find((c) => c.serviceName === details.serviceName && !c.hasExited);
    channel?.gone(details);
  });
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) result[key] = value;
  return result;
}

class ElectronUtilityChannel implements UtilityProcessChannel {
  hasExited = false;
  private goneDetails: Details | undefined;
  private exitCode: number | null = null;
  private exitTimer: NodeJS.Timeout | undefined;
  private readonly exitListeners: ((info: WorkerExitInfo) => void)[] = [];

  constructor(
    private readonly child: UtilityProcess,
    readonly serviceName: string,
  ) {
    pipeLines(child.stdout, `[${serviceName}]`, 'info');
    pipeLines(child.stderr, `[${serviceName}]`, 'warn');
    child.on('spawn', () => log('info', `${serviceName} started (pid ${child.pid ?? '?'})`));
    child.on('error', (type, location) => log('error', `${serviceName}: ${type} at ${location}`));
    child.on('exit', (code) => {
      this.exitCode = code;
      if (this.goneDetails || code === 0) this.finish();
      else this.exitTimer = setTimeout(() => this.finish(), GONE_GRACE_MS);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(message: unknown): void {
    if (!this.hasExited) this.child.postMessage(message);
  }

  postWithPorts(message: unknown, ports: MessagePortMain[]): void {
    if (!this.hasExited) this.child.postMessage(message, ports);
  }

  onMessage(listener: (message: unknown) => void): Disposer {
    this.child.on('message', listener);
    return () => this.child.off('message', listener);
  }

  onSpawn(listener: () => void): Disposer {
    this.child.once('spawn', listener);
    return () => this.child.off('spawn', listener);
  }

  onExit(listener: (info: WorkerExitInfo) => void): Disposer {
    return addListener(this.exitListeners, listener);
  }

  kill(): void {
    if (!this.hasExited) this.child.kill();
  }

  gone(details: Details): void {
    this.goneDetails = details;
    if (this.exitTimer) {
      clearTimeout(this.exitTimer);
      this.finish();
    }
  }

  private finish(): void {
    if (this.hasExited) return;
    this.hasExited = true;
    live.delete(this);
    const details = this.goneDetails;
    const code = details?.exitCode ?? this.exitCode;
    const reason = details
      ? `${details.reason.replace('-', ' ')} (exit code ${code ?? 'unknown'})`
      : `exit code ${code ?? 'unknown'}`;
    log(code === 0 ? 'info' : 'warn', `${this.serviceName} ended: ${reason}`);
    for (const listener of [...this.exitListeners]) listener({ code, signal: null, reason });
  }
}

function pipeLines(stream: NodeJS.ReadableStream | null, prefix: string, level: 'info' | 'warn'): void {
  if (!stream) return;
  readline
    .createInterface({ input: stream, crlfDelay: Infinity })
    .on('line', (line) => log(level, `${prefix} ${line}`));
}
