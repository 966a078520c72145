import { formatClock, formatElapsed } from '../lib/format';
import { isRunActive, usePreparationStore } from '../stores/preparation-store';
import { useElapsedMs } from './use-elapsed';

/** Elapsed time and the estimated finish time of the current run. */
export function RunTiming() {
  const elapsed = useElapsedMs();
  const estimate = usePreparationStore((s) => s.progress?.estimatedFinishAt ?? null);
  const active = usePreparationStore((s) => isRunActive(s.progress));
  return (
    <dl className="timing">
      <div>
        <dt>Elapsed</dt>
        <dd data-testid="elapsed">{formatElapsed(elapsed)}</dd>
      </div>
      {active && (
        <div>
          <dt>Estimated finish</dt>
          <dd data-testid="estimated-finish">{estimate ? formatClock(estimate) : 'Estimating…'}</dd>
        </div>
      )}
    </dl>
  );
}
