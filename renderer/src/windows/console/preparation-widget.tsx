import { formatCount } from '../../lib/format';
import { ProgressBar } from '../../components/progress-bar';
import { hrefs } from '../../routing/route';
import { useEnvironmentStore } from '../../stores/environment-store';
import { usePreparationStore } from '../../stores/preparation-store';
import { deriveRunView } from './run-view';
import { runStatusWords } from '../../lib/run-words';

/** The side widget: the preparation percent and a link to the details. */
export function PreparationWidget() {
  const status = useEnvironmentStore((s) => s.status);
  const progress = usePreparationStore((s) => s.progress);
  const run = deriveRunView(status, progress);
  const troubled = run ? run.counts.failed + run.counts.skipped > 0 : false;
  const tone = !run
    ? 'blue'
    : run.status === 'failed'
      ? 'red'
      : run.status === 'finished'
        ? troubled
          ? 'orange'
          : 'green'
        : 'blue';
  return (
    <section className="widget" aria-labelledby="widget-title" data-testid="preparation-widget">
      <h2 id="widget-title" className="widget__title">
        Modules preparation
      </h2>
      {run ? (
        <>
          <p className="widget__percent">
            <span data-testid="widget-percent">{Math.round(run.percent)}%</span>
            <span className="widget__state">
              {run.status === 'running' ? 'Preparing modules' : runStatusWords(run.status, run.counts).text}
            </span>
          </p>
          <ProgressBar percent={run.percent} label="Modules preparation" tone={tone} size="small" />
          <p className="widget__meta">
            {formatCount(run.counts.prepared)} of {formatCount(run.total)} prepared
            {run.counts.failed + run.counts.skipped > 0
              ? `, ${formatCount(run.counts.failed + run.counts.skipped)} with errors`
              : ''}
          </p>
        </>
      ) : (
        <p className="widget__meta">No preparation has run yet.</p>
      )}
      <a className="link" href={hrefs.preparation} data-testid="widget-details">
        Preparation details
      </a>
    </section>
  );
}
