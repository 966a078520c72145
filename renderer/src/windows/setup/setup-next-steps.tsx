import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { hostKind } from '../../api/client';
import { exportReport } from '../../components/report-export';
import { useBlockedReason } from '../../lib/action-availability';
import { plural } from '../../lib/format';
import { openWindow } from '../../routing/open-window';
import { hrefs } from '../../routing/route';
import { navigate } from '../../routing/use-route';
import { useModuleFiltersStore } from '../../stores/module-filters-store';
import { usePreparationStore } from '../../stores/preparation-store';
import { prepareAgain } from '../console/prepare-again';

/** Opens the console's Modules list filtered to one status (in a browser; the desktop app opens the console). */
function showModules(status: 'failed' | 'skipped'): void {
  useModuleFiltersStore.setState({ query: '', status, application: 'all' });
  if (hostKind() === 'browser') navigate(hrefs.modules);
  else void openWindow('console');
}

/** What the admin can do once the run is over: the report, the failed and skipped modules, Prepare again. */
export function SetupNextSteps() {
  const { status, runId, failed, skipped } = usePreparationStore(
    useShallow((s) => ({
      status: s.progress?.status,
      runId: s.progress?.runId ?? null,
      failed: s.progress?.counts.failed ?? 0,
      skipped: s.progress?.counts.skipped ?? 0,
    })),
  );
  const [busy, setBusy] = useState(false);
  const prepareBlocked = useBlockedReason('prepare-again');
  const canPrepareAgain = status === 'interrupted' || (status === 'finished' && failed + skipped > 0);
  return (
    <section className="next-steps" aria-labelledby="next-steps-title" data-testid="setup-next-steps">
      <h3 id="next-steps-title" className="next-steps__title">
        Next steps
      </h3>
      <ul className="next-steps__list">
        {runId !== null && (
          <li>
            <button
              type="button"
              className="button"
              onClick={() => void exportReport('html', runId)}
              data-testid="setup-open-report"
            >
              Export report (HTML)
            </button>
          </li>
        )}
        {failed > 0 && (
          <li>
            <button
              type="button"
              className="button"
              onClick={() => showModules('failed')}
              data-testid="setup-show-failed"
            >
              Show the {plural(failed, 'failed module')}
            </button>
          </li>
        )}
        {skipped > 0 && (
          <li>
            <button
              type="button"
              className="button"
              onClick={() => showModules('skipped')}
              data-testid="setup-show-skipped"
            >
              Show the {plural(skipped, 'skipped module')}
            </button>
          </li>
        )}
        {canPrepareAgain && (
          <li>
            <button
              type="button"
              className="button button--primary"
              disabled={busy || prepareBlocked !== null}
              title={prepareBlocked ?? undefined}
              onClick={async () => {
                setBusy(true);
                await prepareAgain();
                setBusy(false);
              }}
              data-testid="setup-prepare-again"
            >
              Prepare again
            </button>
          </li>
        )}
        {status === 'finished' && failed + skipped === 0 && (
          <li className="muted">
            Publish the modules when you are ready: publishing deploys the prepared compilations.
          </li>
        )}
      </ul>
    </section>
  );
}
