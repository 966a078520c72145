import type { EngineContext } from '../engine/engine-context';
import { asAdminError } from '../engine/environment-conditions';
import { isUserError, UserError } from '../engine/errors';
import type { EngineEventListener } from '../engine/preparation/preparation-events';
import { getEnvironmentStatus } from '../engine/queries/environment-status';
import type { LogLine } from '../../common/domain';
import type { EventName, EventPayloads } from '../../common/contract';
import type { ProgressCoalescer } from './progress-coalescer';

/** Sends one contract event to the host. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** What a long piece of work (upgrade, preparation) receives from the runner. */
export interface WorkHooks {
  onEvent: EngineEventListener;
  shouldStop: () => boolean;
}

/** A long operation running in this service process: what the admin asked for, and when. */
interface RunningOperation {
  title: string;
  startedAt: string;
}

/**
 * Runs the service's one long piece of work (an upgrade or a preparation) in the
 * background, so requests keep being answered while it compiles; forwards its
 * events and says when the environment changed. Stopping asks the engine to stop
 * between modules (the run is left interrupted and resumes on the next start).
 *
 * The service's rule for long operations (Apply/Exit, Prepare again, Publish): one
 * at a time. Another one asked for meanwhile is refused ('operation-running') with a
 * message naming the running one; the windows show it like any refusal. One
 * exception: a publish during a preparation goes to the engine, whose environment
 * lock decides (refused for a whole-environment preparation, allowed outside the
 * current group of a progressive one, spec §4a).
 */
export class BackgroundWork {
  private running: Promise<void> | null = null;
  private stopping = false;
  private background: RunningOperation | null = null;
  private foreground: RunningOperation | null = null;

  constructor(
    private readonly context: EngineContext,
    private readonly progress: ProgressCoalescer,
    private readonly emit: EmitEvent,
  ) {}

  /** True while an upgrade or a preparation runs in this process. */
  get busy(): boolean {
    return this.running !== null;
  }

  /**
   * Starts `work` and resolves once its synchronous checks passed (the engine takes
   * the lock and creates the run before its first await); a refusal rejects here, so
   * the request that started it can answer with it. `earlierLog`: the log of the
   * interrupted run it resumes, so the windows show the whole run. `ownProgress`: the
   * work reports its progress itself (a readiness check), so the preparation's progress
   * stream is left as it is.
   */
  async start(
    label: string,
    work: (hooks: WorkHooks) => Promise<unknown>,
    earlierLog: readonly LogLine[] = [],
    options: { ownProgress?: boolean } = {},
  ): Promise<void> {
    if (this.stopping) throw new Error('The service is shutting down.');
    this.assertFree(label, this.background ?? this.foreground);
    const operation: RunningOperation = { title: label, startedAt: new Date().toISOString() };
    this.background = operation;
    try {
      await this.startTracked(label, work, earlierLog, options.ownProgress === true);
    } catch (error) {
      this.background = null;
      throw error;
    }
  }

  /**
   * Runs a long operation the request waits for (a publish): refused while another
   * publish runs, or while an upgrade or a preparation runs unless `besideRun` (the
   * engine's lock decides then).
   */
  async runForeground<T>(title: string, options: { besideRun: boolean }, operation: () => Promise<T>): Promise<T> {
    if (this.stopping) throw new Error('The service is shutting down.');
    this.assertFree(title, this.foreground ?? (options.besideRun ? null : this.background));
    const running: RunningOperation = { title, startedAt: new Date().toISOString() };
    this.foreground = running;
    try {
      return await operation();
    } finally {
      if (this.foreground === running) this.foreground = null;
    }
  }

  private assertFree(title: string, running: RunningOperation | null): void {
    if (!running) return;
    const since = running.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
    throw new UserError(
      'operation-running',
      `${title} can't start now: ${running.title.charAt(0).toLowerCase()}${running.title.slice(1)} is running (since ${since}). ` +
        `The Configuration Tool runs one such operation at a time: try again when it finishes.`,
    );
  }

  private async startTracked(
    label: string,
    work: (hooks: WorkHooks) => Promise<unknown>,
    earlierLog: readonly LogLine[],
    ownProgress: boolean,
  ): Promise<void> {
    if (!ownProgress) this.progress.reset(earlierLog);
    const promise = work({ onEvent: this.progress.onEvent, shouldStop: () => this.stopping });
    const early = await Promise.race([
      promise.then(
        () => null,
        (error: unknown) => ({ error }),
      ),
      new Promise<'started'>((resolve) => setImmediate(() => resolve('started'))),
    ]);
    if (early !== 'started' && early !== null) throw early.error;
    const tracked = promise.then(
      () => this.finished(),
      (error: unknown) => this.finished(label, error),
    );
    this.running = tracked;
    void tracked.finally(() => {
      if (this.running === tracked) {
        this.running = null;
        this.background = null;
      }
    });
    this.changed();
  }

  /** Asks the work to stop and waits until it has (the run is then interrupted). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Sends `environment.changed` with a fresh status. */
  changed(): void {
    try {
      this.emit('environment.changed', getEnvironmentStatus(this.context));
    } catch (error) {
      process.stderr.write(
        `service: could not read the environment status: ${(error as Error).stack ?? String(error)}\n`,
      );
    }
  }

  private finished(label?: string, caught?: unknown): void {
    const error = asAdminError(caught, this.context.environmentDir);
    this.progress.flush();
    if (label !== undefined) {
      if (isUserError(error)) {
        this.emit('service.notice', { level: 'error', message: error.message });
      } else {
        process.stderr.write(`service: ${label} failed: ${(error as Error)?.stack ?? String(error)}\n`);
        this.emit('service.notice', {
          level: 'error',
          message: `${label} failed: ${(error as Error)?.message ?? String(error)}`,
        });
      }
    }
    this.changed();
  }
}
