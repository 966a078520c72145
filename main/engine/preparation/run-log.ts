import type { LogLine } from '../../../common/domain';
import type { Db } from '../store/database';
import type { EngineEvent } from './preparation-events';
import { appendLog, type StoredRun } from './run-repository';

/** A run's log: lines are written at once (in the caller's fenced write) but reported only after it commits. */
export class RunLog {
  private readonly unreported: LogLine[] = [];

  constructor(
    private readonly db: Db,
    private readonly run: Pick<StoredRun, 'id' | 'upgradeId'>,
    private readonly onEvent: (event: EngineEvent) => void,
  ) {}

  /** Writes a line; call it inside a fenced write. */
  write(level: LogLine['level'], text: string): void {
    const line: LogLine = { at: new Date().toISOString(), level, text };
    appendLog(this.db, { runId: this.run.id, upgradeId: this.run.upgradeId }, line);
    this.unreported.push(line);
  }

  /** Reports the lines written since the last report (their write has committed, or joins the batch's events). */
  report(): void {
    for (const line of this.unreported.splice(0)) this.onEvent({ type: 'log', line });
  }
}
