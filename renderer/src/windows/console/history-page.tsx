import { useEffect, useState } from 'react';
import { REPORT_FORMATS, type RunSummary } from '../../../../common/domain';
import { loadRuns } from '../../api/loaders';
import { exportReport, REPORT_FORMAT_LABELS, REPORT_FORMAT_SHORT_LABELS } from '../../components/report-export';
import { formatDateTime } from '../../lib/format';
import { useEnvironmentStore } from '../../stores/environment-store';
import { useRunsStore } from '../../stores/runs-store';
import { DeployPreparedControl } from './deploy-prepared-control';
import { prepareAgain } from './prepare-again';
import { useBlockedReason } from '../../lib/action-availability';
import { runKindWords, runStatusWords, runVersions } from '../../lib/run-words';

/** Upgrades history: every run with its status, counts, times, its report, and Prepare again for the latest. */
/** A date and time that wraps only between the date and the time ("2026-12-05" / "10:20 UTC"), never inside the date. */
function DateTime({ iso }: { iso: string | null }) {
  const text = formatDateTime(iso);
  const space = text.indexOf(' ');
  if (space < 0) return <>{text}</>;
  return (
    <>
      <span className="nowrap">{text.slice(0, space)}</span> <span className="nowrap">{text.slice(space + 1)}</span>
    </>
  );
}

export function HistoryPage() {
  const runs = useRunsStore((s) => s.runs);
  const loaded = useRunsStore((s) => s.loaded);
  const error = useRunsStore((s) => s.error);
  const runActive = useEnvironmentStore((s) => s.status?.activeRun != null);
  const [retrying, setRetrying] = useState(false);
  const prepareBlocked = useBlockedReason('prepare-again');

  useEffect(() => {
    void loadRuns();
  }, []);

  // Prepare retries the latest preparation; a readiness check prepares nothing, so it has no Prepare.
  const latestId = runs.reduce((max, run) => (run.kind === 'check' ? max : Math.max(max, run.id)), 0);

  return (
    <section className="page" aria-labelledby="history-title" data-testid="history-page">
      <div className="page__head">
        <h1 id="history-title" className="page__title">
          Upgrades history
        </h1>
        <div className="page__actions">
          <DeployPreparedControl />
        </div>
      </div>
      {error && (
        <p className="note note--red" role="alert">
          Could not load the history: {error}
        </p>
      )}
      {loaded && runs.length === 0 && (
        <p className="muted">No upgrade or preparation has run in this environment yet.</p>
      )}
      {runs.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Upgrades history table">
          <table className="table table--stack" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Platform Server</th>
                <th scope="col">Status</th>
                <th scope="col">Modules</th>
                <th scope="col">Started</th>
                <th scope="col">Finished</th>
                <th scope="col">Report</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => {
                const st = runStatusWords(run.status, run.counts);
                return (
                  <tr key={run.id} data-testid="run-row" data-run-id={run.id}>
                    <th scope="row" className="run-title">
                      #{run.id} <span className="muted">{runKindWords(run)}</span>
                    </th>
                    <td className="nowrap" data-label="Platform Server">
                      {runVersions({ ...run, upgrade: run.kind === 'upgrade' })}
                    </td>
                    <td data-label="Status">
                      <span className={`status status--${st.tone}`} data-testid="run-status">
                        {st.text}
                      </span>
                    </td>
                    <td data-label="Modules">
                      <RunCountsCell run={run} />
                    </td>
                    <td data-label="Started">
                      <DateTime iso={run.startedAt} />
                      <div className="muted">by {run.startedBy}</div>
                    </td>
                    <td data-label="Finished">
                      <DateTime iso={run.finishedAt} />
                    </td>
                    <td data-label="Report">
                      <ul className="inline-list">
                        {REPORT_FORMATS.map((format) => (
                          <li key={format}>
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => void exportReport(format, run.id)}
                              aria-label={`Export the report of run ${run.id} as ${REPORT_FORMAT_LABELS[format]}`}
                              data-testid={`run-export-${format}`}
                            >
                              {REPORT_FORMAT_SHORT_LABELS[format]}
                            </button>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td data-label="Actions">
                      {run.id === latestId && run.status !== 'running' && (
                        <button
                          type="button"
                          className="button"
                          disabled={retrying || runActive || prepareBlocked !== null}
                          onClick={async () => {
                            setRetrying(true);
                            await prepareAgain();
                            setRetrying(false);
                          }}
                          title={prepareBlocked ?? 'Prepare the failed and skipped modules of this run again'}
                          data-testid="run-prepare"
                        >
                          Prepare again
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RunCountsCell({ run }: { run: RunSummary }) {
  const { prepared, failed, skipped, excluded } = run.counts;
  // A readiness check says what would happen; a preparation what did.
  const words =
    run.kind === 'check'
      ? { prepared: 'ready', failed: 'would fail', skipped: 'would be skipped' }
      : { prepared: 'prepared', failed: 'failed', skipped: 'skipped' };
  return (
    <ul className="run-counts" data-testid="run-counts">
      <li className="status--green">
        {prepared.toLocaleString()} {words.prepared}
      </li>
      <li className={failed ? 'status--red' : 'muted'}>
        {failed.toLocaleString()} {words.failed}
      </li>
      <li className={skipped ? 'status--orange' : 'muted'}>
        {skipped.toLocaleString()} {words.skipped}
      </li>
      {excluded > 0 && <li className="muted">{excluded.toLocaleString()} excluded</li>}
    </ul>
  );
}
