import { useState } from 'react';
import { ExportReportControl } from '../../components/export-report-control';
import { ProgressiveGroup } from '../../components/progressive-group';
import { RunCounts } from '../../components/run-counts';
import { RunProgressBar } from '../../components/run-progress-bar';
import { RunTiming } from '../../components/run-timing';
import { usePreparationStore } from '../../stores/preparation-store';
import { DeployPreparedControl } from './deploy-prepared-control';
import { prepareAgain } from './prepare-again';
import { StepList } from './step-list';
import { useBlockedReason } from '../../lib/action-availability';
import { formatCount, plural } from '../../lib/format';
import { runStatusWords, runVersions } from '../../lib/run-words';

/** The page's heading: what the run does while it runs, what it did once over. */
function title(status: string, total: number, prepared: number): string {
  const modules = plural(total, 'module');
  if (status === 'finished') return `Prepared ${formatCount(prepared)} of ${modules}`;
  if (status === 'interrupted') return `Preparation of ${modules} interrupted`;
  if (status === 'failed') return 'The modules preparation could not run';
  if (status === 'upgrading') return 'Upgrading the environment';
  return `Preparing ${modules}`;
}

/** Preparation details: "Preparing N modules", progress, counts, timing, steps with expandable lines. */
export function PreparationPage() {
  const hasProgress = usePreparationStore((s) => s.progress !== null);
  const total = usePreparationStore((s) => s.progress?.total ?? 0);
  const prepared = usePreparationStore((s) => s.progress?.counts.prepared ?? 0);
  const status = usePreparationStore((s) => s.progress?.status ?? 'running');
  const statusText = usePreparationStore((s) =>
    s.progress ? runStatusWords(s.progress.status, s.progress.counts).text : '',
  );
  const versions = usePreparationStore((s) =>
    s.progress
      ? runVersions({
          upgrade: s.progress.upgrading,
          fromVersion: s.progress.fromVersion,
          toVersion: s.progress.toVersion,
        })
      : '',
  );
  const retryBlocked = useBlockedReason('prepare-again');
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
            {title(status, total, prepared)}
          </h1>
          <p className="muted">
            {runId !== null && `Run #${runId} · `}Platform Server {versions} ·{' '}
            <span data-testid="preparation-status">
              {statusText}
              {status === 'interrupted' ? ': resumes when the service starts again' : ''}
            </span>
          </p>
        </div>
        <div className="page__actions">
          {canRetry && (
            <button
              type="button"
              className="button button--primary"
              disabled={retrying || retryBlocked !== null}
              title={retryBlocked ?? undefined}
              onClick={async () => {
                setRetrying(true);
                await prepareAgain();
                setRetrying(false);
              }}
              data-testid="preparation-retry"
            >
              Prepare again
            </button>
          )}
          <DeployPreparedControl />
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
