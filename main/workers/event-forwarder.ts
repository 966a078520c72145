import type { EventName, EventPayloads } from '../../common/contract';
import type { LogLine, PreparationProgress } from '../../common/domain';
import { MAX_PROGRESS_EVENTS_PER_SECOND } from '../host/service-protocol';
import type { EngineEvent } from '../engine/preparation/preparation-events';

/** Sends one contract event to the host. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

const MIN_PROGRESS_GAP_MS = 1000 / MAX_PROGRESS_EVENTS_PER_SECOND;

/**
 * Turns the engine's event stream into contract events a window can keep up with:
 * progress at most ~20 a second (the latest one always goes out eventually), log
 * lines batched into arrays sent with the progress tick.
 */
export class EventForwarder {
  private latest: PreparationProgress | null = null;
  private pendingProgress = false;
  private pendingLines: LogLine[] = [];
  private lastSentAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly emit: EmitEvent) {}

  /** The latest progress seen, for `preparation.progress` requests made mid-run. */
  get latestProgress(): PreparationProgress | null {
    return this.latest;
  }

  /** Forgets the previous run's progress when a new piece of work starts. */
  reset(): void {
    this.flush();
    this.latest = null;
  }

  /** Engine listener: pass it as `onEvent`. */
  readonly onEvent = (event: EngineEvent): void => {
    if (event.type === 'progress') {
      this.latest = event.progress;
      this.pendingProgress = true;
    } else {
      this.pendingLines.push(event.line);
    }
    this.schedule();
  };

  /** Sends whatever is pending now: at the end of a run, so the final progress is never dropped. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pendingLines.length > 0) {
      const lines = this.pendingLines;
      this.pendingLines = [];
      this.emit('preparation.log', lines);
    }
    if (this.pendingProgress && this.latest) {
      this.pendingProgress = false;
      this.emit('preparation.progress', this.latest);
    }
    this.lastSentAt = Date.now();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastSentAt + MIN_PROGRESS_GAP_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }
}
