import { formatClock, formatDateTime } from '../../lib/format';
import { hrefs } from '../../routing/route';
import { useEnvironmentStore } from '../../stores/environment-store';
import { usePreparationStore } from '../../stores/preparation-store';
import { deriveRunView } from './run-view';

interface BannerProps {
  tone: 'green' | 'blue' | 'orange' | 'red';
  testId: string;
  icon: string;
  children: React.ReactNode;
}

/** What the preparation lock refuses (spec §4), in the glossary's words. */
const LOCKED_OPERATIONS = 'Publishing, applying configurations and deleting modules are blocked';

function Banner({ tone, testId, icon, children }: BannerProps) {
  return (
    <div className={`banner banner--${tone}`} data-testid={testId} role={tone === 'red' ? 'alert' : 'status'}>
      <span className="banner__icon" aria-hidden="true">
        {icon}
      </span>
      <div className="banner__text">{children}</div>
    </div>
  );
}

/** The console's state banners: finished (green), preparing (blue), with errors (orange), could not run (red). */
export function ConsoleBanners() {
  const { status, progress } = useEnvironmentAndProgress();
  const failure = status?.lastUpgradeFailure ?? null;
  const run = deriveRunView(status, progress);
  const banners: React.ReactNode[] = [];

  if (failure) {
    banners.push(
      <Banner key="upgrade-failed" tone="red" testId="banner-upgrade-failed" icon="✗">
        <strong>The upgrade to {failure.toVersion} failed and was rolled back.</strong> It stopped at “{failure.step}”
        on {formatDateTime(failure.at)}: {failure.message} The environment still runs Platform Server{' '}
        {status?.platformVersion}.
      </Banner>,
    );
  }
  if (run?.status === 'failed' && !failure) {
    banners.push(
      <Banner key="preparation-failed" tone="red" testId="banner-preparation-failed" icon="✗">
        <strong>The modules preparation could not run.</strong> {run.stepDetail ?? 'See the preparation details.'}{' '}
        <a className="link" href={hrefs.preparation}>
          More details
        </a>
      </Banner>,
    );
  }
  if (run && (run.status === 'running' || run.status === 'upgrading')) {
    banners.push(
      <Banner key="preparing" tone="blue" testId="banner-preparing" icon="⟳">
        {run.status === 'upgrading' ? (
          <>
            <strong>Upgrading the environment to {run.toVersion}</strong>
            {run.stepTitle ? `: ${run.stepTitle}…` : '…'} {LOCKED_OPERATIONS} until the modules are prepared.{' '}
          </>
        ) : (
          <>
            <strong>
              Preparing modules for {run.toVersion}:{' '}
              <span data-testid="banner-percent">{Math.round(run.percent)}%</span>
            </strong>
            {run.estimatedFinishAt
              ? ` — expected to finish at ${formatClock(run.estimatedFinishAt)}.`
              : ' — estimating the finish time…'}{' '}
            {LOCKED_OPERATIONS} meanwhile.{' '}
          </>
        )}
        <a className="link" href={hrefs.preparation} data-testid="banner-more-details">
          More details
        </a>
      </Banner>,
    );
  }
  if (run?.status === 'finished') {
    const { prepared, failed, skipped } = run.counts;
    if (failed + skipped > 0) {
      banners.push(
        <Banner key="errors" tone="orange" testId="banner-errors" icon="⚠">
          <strong>Modules preparation for {run.toVersion} finished with errors:</strong>{' '}
          <span data-testid="banner-counts">
            {prepared.toLocaleString()} prepared, {failed.toLocaleString()} failed, {skipped.toLocaleString()} skipped
          </span>
          .{' '}
          <a className="link" href={hrefs.preparation}>
            More details
          </a>{' '}
          ·{' '}
          <a className="link" href={hrefs.history}>
            Prepare again
          </a>
        </Banner>,
      );
    } else {
      banners.push(
        <Banner key="finished" tone="green" testId="banner-finished" icon="✓">
          <strong>The upgrade to {run.toVersion} finished.</strong> All {prepared.toLocaleString()} modules are
          prepared; publish them when you are ready.
        </Banner>,
      );
    }
  }
  if (run?.status === 'interrupted') {
    banners.push(
      <Banner key="interrupted" tone="orange" testId="banner-interrupted" icon="⏸">
        <strong>The modules preparation was interrupted.</strong> It resumes when the service starts again, or choose{' '}
        <strong>Prepare again</strong> in the{' '}
        <a className="link" href={hrefs.history}>
          Upgrades history
        </a>
        .
      </Banner>,
    );
  }
  if (banners.length === 0) return null;
  return (
    <section className="banners" aria-label="Environment state">
      {banners}
    </section>
  );
}

function useEnvironmentAndProgress() {
  const status = useEnvironmentStore((s) => s.status);
  // Progress snapshots change at most ~20 times a second and the banner shows the percent; log lines do not re-render it.
  const progress = usePreparationStore((s) => s.progress);
  return { status, progress };
}
