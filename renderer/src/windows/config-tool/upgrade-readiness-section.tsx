import { useEffect, useState } from 'react';
import { ageText } from '../../../../common/age-text';
import type { ReadinessCheck, ReadinessProgress } from '../../../../common/domain';
import { cancelReadinessCheck, loadReadiness, startReadinessCheck } from '../../api/readiness';
import { ProgressBar } from '../../components/progress-bar';
import { exportReport } from '../../components/report-export';
import { formatDateTime, plural } from '../../lib/format';
import { useReadinessStore } from '../../stores/readiness-store';

/** "98 modules ready, 5 would fail, 7 would be skipped": a check's counts in the admin's words. */
export function readinessCountsText(counts: { prepared: number; failed: number; skipped: number }): string {
  return `${plural(counts.prepared, 'module')} ready, ${counts.failed.toLocaleString()} would fail, ${counts.skipped.toLocaleString()} would be skipped`;
}

/** Re-renders once a minute, so an age stays true while the window is open. */
function useMinuteTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The Configuration Tool window's Upgrade readiness section (spec §4c), shown while an
 * upgrade is pending: not checked yet with Check now, the running check with its
 * progress and Cancel, or the latest check's counts, age, details and what changed since.
 */
export function UpgradeReadinessSection({ disabledReason }: { disabledReason: string | null }) {
  const state = useReadinessStore((s) => s.state);
  const running = useReadinessStore((s) => s.running);
  const error = useReadinessStore((s) => s.error);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    void loadReadiness();
  }, []);

  if (!state?.targetVersion) return null;
  const latest = state.latest;
  const onCheck = async () => {
    setStarting(true);
    await startReadinessCheck();
    setStarting(false);
  };
  const checkButton = (label: string) => (
    <button
      type="button"
      className="button"
      onClick={() => void onCheck()}
      disabled={starting || disabledReason !== null}
      title={disabledReason ?? `Compile the modules for ${state.targetVersion} now, without upgrading anything`}
      data-testid="readiness-check-now"
    >
      {starting ? 'Starting…' : label}
    </button>
  );

  return (
    <fieldset className="group-box" data-testid="readiness-group">
      <legend>Upgrade readiness</legend>
      {error && (
        <p className="note note--red" role="alert">
          Could not read the readiness check: {error}
        </p>
      )}
      {running ? (
        <RunningCheck progress={running} />
      ) : latest ? (
        <LatestCheck check={latest} checkButton={checkButton} />
      ) : (
        <div className="readiness-row">
          <p data-testid="readiness-not-checked">
            Not checked yet for {state.targetVersion}. A check compiles the modules for the new version now, while
            everything stays live, and tells you which would fail.
          </p>
          {checkButton('Check now')}
        </div>
      )}
    </fieldset>
  );
}

function RunningCheck({ progress }: { progress: ReadinessProgress }) {
  const cancelling = useReadinessStore((s) => s.cancelling === progress.runId);
  const percent = progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  return (
    <div data-testid="readiness-running">
      <p role="status">
        Checking the modules against {progress.toVersion}: {progress.done.toLocaleString()} of{' '}
        {progress.total.toLocaleString()} ({readinessCountsText(progress.counts)}).
        {cancelling && ' Cancelling: the modules being compiled finish first.'}
      </p>
      <div className="readiness-row">
        <ProgressBar percent={percent} label="Readiness check progress" size="small" testId="readiness-progress" />
        <button
          type="button"
          className="button"
          onClick={() => void cancelReadinessCheck()}
          disabled={cancelling}
          data-testid="readiness-cancel"
        >
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}

function LatestCheck({
  check,
  checkButton,
}: {
  check: ReadinessCheck;
  checkButton: (label: string) => React.ReactNode;
}) {
  const now = useMinuteTick();
  const cancelled = useReadinessStore((s) => s.cancelled === check.runId);
  const interrupted = check.status !== 'finished';
  const done = check.counts.prepared + check.counts.failed + check.counts.skipped;
  const tone = check.counts.failed + check.counts.skipped > 0 ? 'orange' : 'green';
  return (
    <div data-testid="readiness-latest" data-run-id={check.runId}>
      <div className="readiness-row">
        {interrupted ? (
          <p className="note note--orange" data-testid="readiness-interrupted">
            {cancelled && 'Cancelled. '}The check for {check.toVersion} stopped at {done.toLocaleString()} of{' '}
            {check.total.toLocaleString()} modules ({readinessCountsText(check.counts)} so far). Check now resumes it.
          </p>
        ) : (
          <p className={`note note--${tone}`}>
            <strong data-testid="readiness-counts">{readinessCountsText(check.counts)}</strong> on {check.toVersion}
            {check.counts.excluded > 0 && (
              <> ({check.counts.excluded.toLocaleString()} excluded: never published with success)</>
            )}
            .{' '}
            <span className="muted" data-testid="readiness-age" title={formatDateTime(check.finishedAt)}>
              Checked {ageText(check.finishedAt ?? check.startedAt, now)}.
            </span>
          </p>
        )}
        {checkButton(interrupted ? 'Check now' : 'Check again')}
      </div>
      {check.changedSince.length > 0 && (
        <p className="note note--blue" data-testid="readiness-changed">
          {plural(check.changedSince.length, 'module')} changed since the check (
          {check.changedSince.slice(0, 5).join(', ')}
          {check.changedSince.length > 5 ? ', …' : ''}): the preparation compiles{' '}
          {check.changedSince.length === 1 ? 'it' : 'them'} again. Check again to know how they fare.
        </p>
      )}
      {check.problems.length > 0 && (
        <details className="readiness-details" data-testid="readiness-details">
          <summary>Which modules, and why</summary>
          <ul className="readiness-problems">
            {check.problems.map((problem) => (
              <li key={problem.name} data-testid="readiness-problem" data-module={problem.name}>
                <strong>{problem.name}</strong> <span className="muted">({problem.application})</span>{' '}
                {problem.status === 'failed' ? 'would fail' : 'would be skipped'}:{' '}
                {problem.errors
                  .map((e) => (e.file ? `${e.file}${e.line ? `:${e.line}` : ''} ${e.message}` : e.message))
                  .join(' · ')}
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              className="link-button"
              onClick={() => void exportReport('html', check.runId)}
              data-testid="readiness-report"
            >
              The check's full report (HTML)
            </button>
          </p>
        </details>
      )}
    </div>
  );
}
