import { useEffect } from 'react';
import { hostKind } from '../../api/client';
import { AlertStack } from '../../components/alert-stack';
import { ConnectionBanner } from '../../components/connection-banner';
import { ProgressiveGroup } from '../../components/progressive-group';
import { RunCounts } from '../../components/run-counts';
import { RunProgressBar } from '../../components/run-progress-bar';
import { RunTiming } from '../../components/run-timing';
import { OpenConsoleLink } from '../../components/window-link';
import { hrefs } from '../../routing/route';
import { navigate } from '../../routing/use-route';
import { useEnvironmentStore } from '../../stores/environment-store';
import { usePreparationStore } from '../../stores/preparation-store';
import { SetupLog } from './setup-log';
import { SetupNextSteps } from './setup-next-steps';

function headline(status: string | undefined, failed: number, skipped: number): string {
  switch (status) {
    case 'upgrading':
      return 'Upgrading the environment…';
    case 'running':
      return 'Preparing the modules for the new version…';
    case 'finished':
      return failed + skipped > 0 ? 'Finished with errors' : 'The environment is ready';
    case 'interrupted':
      return 'The preparation was interrupted';
    case 'failed':
      return 'The upgrade failed';
    default:
      return 'No upgrade is running';
  }
}

/** The Environment Setup window: log, progress, counts, timing and Close (which never stops the work). */
export function SetupWindow() {
  const envName = useEnvironmentStore((s) => s.status?.name ?? '');
  const status = usePreparationStore((s) => s.progress?.status);
  const fromVersion = usePreparationStore((s) => s.progress?.fromVersion ?? '');
  const toVersion = usePreparationStore((s) => s.progress?.toVersion ?? '');
  const failed = usePreparationStore((s) => s.progress?.counts.failed ?? 0);
  const skipped = usePreparationStore((s) => s.progress?.counts.skipped ?? 0);
  // While the upgrade steps run there are no module counts yet: say which step it is instead.
  const currentStep = usePreparationStore((s) => {
    const steps = s.progress?.steps ?? [];
    const index = steps.findIndex((step) => step.status === 'running');
    return index < 0 ? null : `Step ${index + 1} of ${steps.length}: ${steps[index].title}`;
  });

  useEffect(() => {
    document.title = 'Environment Setup';
  }, []);

  const onClose = () => {
    if (hostKind() === 'browser') navigate(hrefs.console);
    else window.close();
  };

  return (
    <div className="dialog-window dialog-window--wide setup-window" data-testid="setup-window">
      <header className="dialog-window__titlebar">
        <span className="app-mark" aria-hidden="true">
          ⚙
        </span>
        <h1>Environment Setup</h1>
      </header>
      <ConnectionBanner />
      <AlertStack />
      <main className="dialog-window__body setup-window__body">
        <div className="setup-window__summary">
          <h2 className="setup-window__headline" data-testid="setup-headline">
            {headline(status, failed, skipped)}
          </h2>
          {fromVersion && (
            <p className="muted">
              {envName ? `${envName}: ` : ''}Platform Server {fromVersion} → {toVersion}
            </p>
          )}
          {currentStep && (
            <p className="setup-window__step" data-testid="setup-step">
              {currentStep}
            </p>
          )}
        </div>
        <RunProgressBar testId="setup-progress" />
        <ProgressiveGroup />
        <div className="setup-window__facts">
          {status !== 'upgrading' && <RunCounts />}
          <RunTiming />
        </div>
        {(status === 'finished' || status === 'interrupted' || status === 'failed') && <SetupNextSteps />}
        <SetupLog />
        {(status === 'upgrading' || status === 'running') && (
          <p className="hint" data-testid="setup-close-hint">
            Closing this window does not stop the upgrade: it continues in the background.
          </p>
        )}
      </main>
      <footer className="dialog-window__footer">
        <OpenConsoleLink />
        <span className="spacer" />
        <button type="button" className="button button--primary" onClick={onClose} data-testid="setup-close">
          Close
        </button>
      </footer>
    </div>
  );
}
