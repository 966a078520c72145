import { formatDateTime } from '../../lib/format';
import { PathText } from '../../components/path-text';
import { hrefs } from '../../routing/route';
import { useEnvironmentStore } from '../../stores/environment-store';
import { runKindWords, runStatusWords, runVersions } from '../../lib/run-words';

/** The console's landing page: what this environment is and where to go next. */
export function OverviewPage() {
  const status = useEnvironmentStore((s) => s.status);
  if (!status) return <p className="loading">Reading the environment…</p>;
  const latest = status.latestRun;
  return (
    <section aria-labelledby="overview-title" className="page">
      <h1 id="overview-title" className="page__title">
        Overview
      </h1>
      <div className="cards">
        <div className="card">
          <h2 className="card__title">Environment</h2>
          <dl className="field-list">
            <dt>Name</dt>
            <dd>{status.name}</dd>
            <dt>Location</dt>
            <dd>
              <PathText path={status.location} testId="overview-env-location" />
            </dd>
            <dt>Platform Server</dt>
            <dd>
              {status.platformVersion}
              {status.upgradePending && (
                <span className="tag tag--blue">{status.installedVersion} installed, upgrade pending</span>
              )}
            </dd>
          </dl>
        </div>
        <div className="card">
          <h2 className="card__title">Modules</h2>
          <p className="card__big">{status.moduleCount.toLocaleString()}</p>
          <p className="muted">in {status.applicationCount.toLocaleString()} applications</p>
          <a className="link" href={hrefs.modules}>
            Browse modules
          </a>
        </div>
        <div className="card">
          <h2 className="card__title">Latest preparation</h2>
          {latest ? (
            <>
              <p data-testid="overview-latest-run">
                Run #{latest.id} ({runKindWords(latest)}): Platform Server{' '}
                {runVersions({ ...latest, upgrade: latest.kind === 'upgrade' })},{' '}
                {runStatusWords(latest.status, latest.counts).text.toLowerCase()}
              </p>
              <p className="muted">Started {formatDateTime(latest.startedAt)}</p>
              {status.preparedNotDeployed > 0 && (
                <p data-testid="overview-prepared-not-deployed">
                  {status.preparedNotDeployed === 1
                    ? '1 prepared module is not yet deployed.'
                    : `${status.preparedNotDeployed.toLocaleString()} prepared modules are not yet deployed.`}
                </p>
              )}
              <a className="link" href={hrefs.history}>
                Upgrades history
              </a>
            </>
          ) : (
            <p className="muted" data-testid="overview-no-run">
              No preparation has run in this environment yet.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
