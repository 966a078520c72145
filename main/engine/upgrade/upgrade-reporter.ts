import type { LogLine, UpgradeStep, UpgradeStepId } from '../../../common/domain';
import type { EngineContext } from '../engine-context';
import type { EngineEventListener } from '../preparation/preparation-events';
import { buildProgress, emptyCounts } from '../preparation/progress-snapshot';
import { appendLog } from '../preparation/run-repository';
import { nowIso } from '../store/database';
import type { Lease } from '../store/lock-repository';
import { setUpgradeStep } from './upgrade-history';

/** What an upgrade says as it goes: its log lines (written, then told) and its steps' progress. */
export class UpgradeReporter {
  constructor(
    private readonly context: EngineContext,
    private readonly lease: Lease,
    private readonly upgrade: {
      upgradeId: number;
      fromVersion: string;
      toVersion: string;
      startedAt: string;
      steps: UpgradeStep[];
      onEvent: EngineEventListener;
    },
  ) {}

  /** Writes a line of the upgrade's log, then tells it. */
  log(level: LogLine['level'], text: string): void {
    const line: LogLine = { at: nowIso(), level, text };
    this.lease.write(() => appendLog(this.context.db, { runId: null, upgradeId: this.upgrade.upgradeId }, line));
    this.upgrade.onEvent({ type: 'log', line });
  }

  /** A step's new status (a running one is stored as the upgrade's current step), then the progress. */
  setStep(id: UpgradeStepId, status: UpgradeStep['status'], detail: string | null = null): void {
    Object.assign(
      this.upgrade.steps.find((step) => step.id === id)!,
      { status, detail },
    );
    if (status === 'running') this.lease.write(() => setUpgradeStep(this.context, this.upgrade.upgradeId, id));
    this.emitProgress();
  }

  private emitProgress(): void {
    const { fromVersion, toVersion, steps, startedAt } = this.upgrade;
    this.upgrade.onEvent({
      type: 'progress',
      progress: buildProgress({
        runId: null,
        upgrading: true,
        fromVersion,
        toVersion,
        status: 'upgrading',
        steps,
        total: 0,
        counts: emptyCounts(),
        compilingNow: [],
        startedAt,
      }),
    });
  }
}
