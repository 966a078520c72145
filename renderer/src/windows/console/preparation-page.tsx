import { useState } from 'react';
import { ExportReportControl } from '../../components/export-report-control';
import { ProgressiveGroup } from '../../components/progressive-group';
import { RunCounts } from '../../components/run-counts';
import { RunProgressBar } from '../../components/run-progress-bar';
import { RunTiming } from '../../components/run-timing';
import { usePreparationStore } from '../../stores/preparation-store';
import { prepareAgain } from './prepare-again';
import { StepList } from './step-list';

const STATUS_TEXT: Record<string, string> = {
  upgrading: 'Upgrading the environment',
  running: 'Running',
  finished: 'Finished',
  interrupted: 'Interrupted: resumes when the service starts again',
  failed: 'Could not run',
};

/** Preparation details: "Preparing N modules", progress, counts, timing, steps with expandable lines. */
export function PreparationPage() {
  const hasProgress = usePreparationStore((s) => s.progress !== null);
  const total = usePreparationStore((s) => s.progress?.total ?? 0);
  const status = usePreparationStore((s) => s.progress?.status ?? '');
  const versions = usePreparationStore((s) =>
    s.progress ? `${s.progress.fromVersion} → ${s.progress.toVersion}` : '',
  );
  const runId = usePreparationStore((s) => s.progress?.runId ?? null);
  const canRetry = usePreparationStore(
    (s) =>
      s.progress !== null &&
      (s.progress.status === 'interrupted' ||
        (s.progress.status === 'finished' && s.progress.counts.failed + s.progress.counts.skipped > 0)),
  );
  const [retrying, setRetrying] = useState(false);

  if (!hasProgress) {
    return (
      <section className="page" aria-labelledby="prep-title">
        <h1 id="prep-title" className="page__title">
          Preparation
        </h1>
        <p className="muted">No modules preparation has run in this environment yet.</p>
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="prep-title" data-testid="preparation-page">
      <div className="page__head">
        <div>
          <h1 id="prep-title" className="page__title" data-testid="preparation-title">
            Preparing {total.toLocaleString()} modules
          </h1>
          <p className="muted">
            {runId !== null && `Run #${runId} · `}Platform Server {versions} ·{' '}
            <span data-testid="preparation-status">{STATUS_TEXT[status] ?? status}</span>
          </p>
        </div>
        <div className="page__actions">
          {canRetry && (
            <button
              type="button"
              className="button button--primary"
              disabled={retrying}
              onClick={async () => {
                setRetrying(true);
                await prepareAgain();
                setRetrying(false);
              }}
              data-testid="preparation-retry"
            >
              Prepare failed and skipped again
            </button>
          )}
          <ExportReportControl {...(runId !== null ? { runId } : {})} />
        </div>
      </div>
      <div className="card">
        <RunProgressBar testId="preparation-progress" />
        <ProgressiveGroup />
        <div className="setup-window__facts">
          <RunCounts />
          <RunTiming />
        </div>
      </div>
      <StepList />
    </section>
  );
}
