import type { ReadinessProgress } from '../../common/domain';
import type { EngineEvent } from '../engine/preparation/preparation-events';
import type { EmitEvent } from './background-work';

/** At most this many `readiness.progress` events a second while a check compiles. */
const UPDATES_PER_SECOND = 4;

/**
 * The readiness check running in the service (at most one): its progress, sent to the
 * windows as `readiness.progress` a few times a second and once when it ends, and the
 * admin's Cancel. Its events never reach the preparation's progress stream: a check is
 * not a preparation, and the Setup window and console banners must not show it as one.
 */
export class ReadinessWork {
  private current: ReadinessProgress | null = null;
  private cancelRequested = false;
  private lastSentAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly emit: EmitEvent) {}

  /** The running check's latest progress, or null. */
  get running(): ReadinessProgress | null {
    return this.current;
  }

  /** A check starts: Cancel is off again. */
  begin(): void {
    this.cancelRequested = false;
  }

  /** Asks the running check to stop between modules; false when none runs. */
  cancel(): boolean {
    if (!this.current) return false;
    this.cancelRequested = true;
    return true;
  }

  /** True once Cancel was asked for (the check's shouldStop). */
  get cancelled(): boolean {
    return this.cancelRequested;
  }

  /** The check's engine events: only progress matters to the windows. */
  readonly onEvent = (event: EngineEvent): void => {
    if (event.type !== 'progress') return;
    const { progress } = event;
    if (progress.runId === null) return;
    const { prepared, failed, skipped } = progress.counts;
    const status = progress.status === 'finished' || progress.status === 'interrupted' ? progress.status : 'running';
    this.current = {
      runId: progress.runId,
      toVersion: progress.toVersion,
      status,
      done: prepared + failed + skipped,
      total: progress.total,
      counts: { ...progress.counts },
    };
    if (status !== 'running') this.send();
    else this.schedule();
  };

  /** The check ended (finished, interrupted, or refused/failed): the last word, then nothing runs. */
  end(): void {
    if (this.current && this.current.status === 'running') this.current = { ...this.current, status: 'interrupted' };
    this.send();
    this.current = null;
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastSentAt + 1000 / UPDATES_PER_SECOND - Date.now());
    this.timer = setTimeout(() => this.send(), wait);
  }

  private send(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.current) return;
    this.lastSentAt = Date.now();
    this.emit('readiness.progress', this.current);
  }
}
