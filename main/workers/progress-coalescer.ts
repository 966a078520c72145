import type { ProgressUpdate } from '../../common/contract';
import type { LogLine, ModulePreparationStatus, PreparationProgress } from '../../common/domain';
import type { EngineEvent } from '../engine/preparation/preparation-events';

/** The timers the coalescer uses; tests pass a fake one. */
export interface CoalescerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: CoalescerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * At most this many updates a second reach a window (design brief: "a few a second").
 * Each costs a window a render, a layout and a paint whatever it carries (the Setup log
 * renders only the lines in view), so the rate sets what watching costs: at 10,000
 * modules 4 a second kept the renderers just above 10 % of the compilers' CPU.
 */
export const MAX_UPDATES_PER_SECOND = 2;

export interface ProgressCoalescerOptions {
  /** Sends one delta update to every window. */
  send: (update: ProgressUpdate) => void;
  /** Least time between two deltas (default 1000 / MAX_UPDATES_PER_SECOND). */
  minGapMs?: number;
  clock?: CoalescerClock;
}

/**
 * Turns the engine's event stream (one event per module step) into coalesced state
 * for the windows: at most a few delta updates a second, each with the latest
 * progress and only what changed (the log lines appended, the latest status of each
 * module that moved). It keeps the current work's whole log, so a window that
 * reloads or reconnects mid-run gets everything at once (`fullState`). Its work per
 * engine event is constant, whatever the environment's size.
 */
export class ProgressCoalescer {
  private readonly send: (update: ProgressUpdate) => void;
  private readonly minGapMs: number;
  private readonly clock: CoalescerClock;
  /** Starts from the clock so a restarted service never reuses an earlier service's ids. */
  private workId: number;
  private seq = 0;
  private active = false;
  private progress: PreparationProgress | null = null;
  private progressChanged = false;
  private readonly log: LogLine[] = [];
  private sentLines = 0;
  private readonly changedModules = new Map<string, ModulePreparationStatus>();
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;

  constructor(options: ProgressCoalescerOptions) {
    this.send = options.send;
    this.minGapMs = options.minGapMs ?? 1000 / MAX_UPDATES_PER_SECOND;
    this.clock = options.clock ?? realClock;
    this.workId = this.clock.now();
  }

  /** True once a piece of work started in this process: its state is then the live one. */
  get hasWork(): boolean {
    return this.active;
  }

  /** The latest progress seen. */
  get latestProgress(): PreparationProgress | null {
    return this.progress;
  }

  /**
   * Starts the state of a new piece of work (what is pending of the previous one goes
   * out first). `earlierLog`: the lines of an interrupted run that this work resumes.
   */
  reset(earlierLog: readonly LogLine[] = []): void {
    this.flush();
    this.workId = Math.max(this.workId + 1, this.clock.now());
    this.seq = 0;
    this.active = true;
    this.progress = null;
    this.progressChanged = false;
    this.log.length = 0;
    this.log.push(...earlierLog);
    this.sentLines = 0;
    this.changedModules.clear();
    // The seeded lines go out with the first delta, so open windows switch to this work's log at once.
    if (earlierLog.length > 0) this.schedule();
  }

  /** Engine listener: pass it as `onEvent`. Constant work per event. */
  readonly onEvent = (event: EngineEvent): void => {
    if (event.type === 'progress') {
      this.progress = event.progress;
      this.progressChanged = true;
    } else if (event.type === 'log') {
      this.log.push(event.line);
    } else {
      this.changedModules.set(event.name, event.status);
    }
    this.schedule();
  };

  /** Sends what is pending now (the end of a run: the final progress is never held back). */
  flush(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    if (!this.progressChanged && this.sentLines === this.log.length && this.changedModules.size === 0) return;
    const update: ProgressUpdate = {
      full: false,
      workId: this.workId,
      seq: ++this.seq,
      progress: this.progressChanged ? this.progress : null,
      log: { from: this.sentLines, lines: this.log.slice(this.sentLines) },
      modules: [...this.changedModules].map(([name, status]) => ({ name, status })),
    };
    this.progressChanged = false;
    this.sentLines = this.log.length;
    this.changedModules.clear();
    this.lastSentAt = this.clock.now();
    this.send(update);
  }

  /** Everything a window needs at once: the latest progress and the whole log, pending lines included. */
  fullState(): ProgressUpdate {
    return {
      full: true,
      workId: this.workId,
      seq: this.seq,
      progress: this.progress,
      log: { from: 0, lines: this.log.slice() },
      modules: [],
    };
  }

  /** A full update made from stored state (nothing ran in this process yet), numbered as this coalescer's. */
  storedState(progress: PreparationProgress | null, log: LogLine[]): ProgressUpdate {
    return { full: true, workId: this.workId, seq: this.seq, progress, log: { from: 0, lines: log }, modules: [] };
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastSentAt + this.minGapMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }
}
