import { formatCount } from '../lib/format';
import { useShallow } from 'zustand/react/shallow';
import { usePreparationStore } from '../stores/preparation-store';

/** Prepared / failed / skipped / remaining of total, for the current run. */
export function RunCounts() {
  const { total, prepared, failed, skipped } = usePreparationStore(
    useShallow((s) => ({
      total: s.progress?.total ?? 0,
      prepared: s.progress?.counts.prepared ?? 0,
      failed: s.progress?.counts.failed ?? 0,
      skipped: s.progress?.counts.skipped ?? 0,
    })),
  );
  const remaining = Math.max(0, total - prepared - failed - skipped);
  return (
    <dl className="counts" data-testid="run-counts">
      <div className="counts__item counts__item--green">
        <dt>Prepared</dt>
        <dd data-testid="count-prepared">{formatCount(prepared)}</dd>
      </div>
      <div className="counts__item counts__item--red">
        <dt>Failed</dt>
        <dd data-testid="count-failed">{formatCount(failed)}</dd>
      </div>
      <div className="counts__item counts__item--orange">
        <dt>Skipped</dt>
        <dd data-testid="count-skipped">{formatCount(skipped)}</dd>
      </div>
      <div className="counts__item">
        <dt>Remaining</dt>
        <dd data-testid="count-remaining">{formatCount(remaining)}</dd>
      </div>
      <div className="counts__item">
        <dt>Total</dt>
        <dd data-testid="count-total">{formatCount(total)}</dd>
      </div>
    </dl>
  );
}
