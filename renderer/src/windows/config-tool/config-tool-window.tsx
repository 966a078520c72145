import { useEffect, useRef, useState } from 'react';
import type { EnvironmentStatus } from '../../../../common/domain';
import { call, hostKind } from '../../api/client';
import { useEnvironmentStore } from '../../stores/environment-store';
import { alertFailure, pushAlert } from '../../stores/alerts-store';
import { AlertStack } from '../../components/alert-stack';
import { PathText } from '../../components/path-text';
import { ConfirmActions, ModalDialog } from '../../components/modal-dialog';
import { useBlockedReason } from '../../lib/action-availability';
import { ConnectionBanner } from '../../components/connection-banner';
import { OpenConsoleLink, WindowLink } from '../../components/window-link';
import { openWindow } from '../../routing/open-window';
import { CompilationSettingsFields } from './compilation-settings-fields';
import { PARALLEL_LIMITS, TIME_LIMIT_LIMITS, validateWholeNumber } from './settings-validation';
import { UpgradeConfirmDialog } from './upgrade-confirm-dialog';
import { SharedCacheSection } from './shared-cache-section';
import { UpgradeReadinessSection } from './upgrade-readiness-section';
import { useReadinessStore } from '../../stores/readiness-store';
import { VersionSummary } from './version-summary';

/** The Configuration Tool window: environment, versions, compilation settings, Apply/Exit and Exit. */
export function ConfigToolWindow() {
  const status = useEnvironmentStore((s) => s.status);
  const loadError = useEnvironmentStore((s) => s.loadError);
  return (
    <div className="dialog-window" data-testid="config-tool-window">
      <header className="dialog-window__titlebar">
        <span className="app-mark" aria-hidden="true">
          ⚙
        </span>
        <h1>Platform Configuration Tool</h1>
      </header>
      <ConnectionBanner />
      <AlertStack />
      {status ? (
        <ConfigToolForm status={status} />
      ) : (
        <main className="dialog-window__body">
          <p role="status" className={loadError ? 'load-error' : 'loading'}>
            {loadError ? `Could not read the environment: ${loadError}` : 'Reading the environment…'}
          </p>
        </main>
      )}
    </div>
  );
}

function ConfigToolForm({ status }: { status: EnvironmentStatus }) {
  const [parallel, setParallel] = useState(String(status.settings.parallelCompilations));
  const [timeLimit, setTimeLimit] = useState(String(status.settings.moduleTimeLimitSeconds));
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [confirmingExit, setConfirmingExit] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const applyRef = useRef<HTMLButtonElement>(null);

  const saved = status.settings;
  const parallelChanged = parallel.trim() !== String(saved.parallelCompilations);
  const timeLimitChanged = timeLimit.trim() !== String(saved.moduleTimeLimitSeconds);
  const dirty = parallelChanged || timeLimitChanged;
  // Checked while typing: a changed field shows its error at once, an untouched one after Apply/Exit.
  const parallelError = validateWholeNumber(parallel, 'Parallel compilations', PARALLEL_LIMITS);
  const timeLimitError = validateWholeNumber(timeLimit, 'Module time limit', TIME_LIMIT_LIMITS);
  const runActive = status.activeRun !== null || status.lock !== null;
  const readiness = useReadinessStore((s) =>
    s.state?.targetVersion === status.installedVersion ? s.state.latest : null,
  );

  const applyBlocked = useBlockedReason('upgrade');

  // A browser tab closed or reloaded with unsaved settings asks first, like Exit does.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const onExit = () => {
    if (dirty) setConfirmingExit(true);
    else void exitApp();
  };

  const onApply = async () => {
    setShowErrors(true);
    setNotice(null);
    if (parallelError || timeLimitError) {
      document.getElementById(parallelError ? 'parallel-compilations' : 'module-time-limit')?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await call('settings.save', {
        parallelCompilations: Number(parallel),
        moduleTimeLimitSeconds: Number(timeLimit),
      });
      useEnvironmentStore.setState({ status: saved });
      if (saved.upgradePending) {
        setConfirming(true);
      } else {
        setNotice('Settings saved.');
        await exitApp();
      }
    } catch (error) {
      alertFailure('Apply/Exit', error);
    } finally {
      setBusy(false);
    }
  };

  const onConfirmUpgrade = async () => {
    setBusy(true);
    try {
      await call('upgrade.start', {});
      setConfirming(false);
      await openWindow('setup');
    } catch (error) {
      setConfirming(false);
      alertFailure('Platform upgrade', error);
    } finally {
      setBusy(false);
    }
  };

  const exitApp = async () => {
    try {
      await call('app.exit', {});
      if (hostKind() === 'browser') {
        pushAlert(
          'info',
          'Nothing to close in a browser',
          'The desktop app would close now. You can close this tab, or keep using the environment console.',
        );
      }
    } catch (error) {
      alertFailure('Exit', error);
    }
  };

  return (
    <>
      <main className="dialog-window__body">
        <fieldset className="group-box" data-testid="environment-group">
          <legend>Environment</legend>
          <dl className="field-list">
            <dt>Name</dt>
            <dd data-testid="config-env-name">{status.name}</dd>
            <dt>Location</dt>
            <dd>
              <PathText path={status.location} testId="config-env-location" />
            </dd>
            <dt>Modules</dt>
            <dd>
              {status.moduleCount.toLocaleString()} modules in {status.applicationCount.toLocaleString()} applications
            </dd>
          </dl>
        </fieldset>

        <VersionSummary status={status} />

        {status.upgradePending && (
          <UpgradeReadinessSection
            disabledReason={runActive ? 'An upgrade or a preparation is running: there is nothing to check now.' : null}
          />
        )}

        <CompilationSettingsFields
          parallel={parallel}
          timeLimit={timeLimit}
          defaultParallel={status.settings.defaultParallelCompilations}
          parallelError={showErrors || parallelChanged ? parallelError : null}
          timeLimitError={showErrors || timeLimitChanged ? timeLimitError : null}
          parallelChanged={parallelChanged}
          timeLimitChanged={timeLimitChanged}
          onParallelChange={setParallel}
          onTimeLimitChange={setTimeLimit}
        />

        <SharedCacheSection />

        {notice && (
          <p className="note note--green" role="status" data-testid="config-saved">
            {notice}
          </p>
        )}
      </main>
      <footer className="dialog-window__footer">
        <OpenConsoleLink />
        {runActive && <WindowLink target="setup">Show Environment Setup</WindowLink>}
        <span className="spacer" />
        {dirty && (
          <span className="footer-note" data-testid="config-unsaved">
            Unsaved changes
          </span>
        )}
        <button
          ref={applyRef}
          type="button"
          className="button button--primary"
          onClick={onApply}
          disabled={busy || applyBlocked !== null}
          aria-describedby={applyBlocked ? 'config-apply-reason' : undefined}
          data-testid="config-apply-exit"
        >
          Apply/Exit
        </button>
        <button type="button" className="button" onClick={onExit} disabled={busy} data-testid="config-exit">
          Exit
        </button>
        {applyBlocked && (
          <p id="config-apply-reason" className="action-reason footer-reason" data-testid="config-apply-reason">
            {applyBlocked}
          </p>
        )}
      </footer>
      {confirmingExit && (
        <ModalDialog
          title="Discard your changes?"
          onCancel={() => setConfirmingExit(false)}
          testId="exit-dialog"
          actions={
            <ConfirmActions
              confirm="Discard and exit"
              cancel="Keep editing"
              tone="danger"
              autofocus="cancel"
              onConfirm={() => {
                setConfirmingExit(false);
                setParallel(String(saved.parallelCompilations));
                setTimeLimit(String(saved.moduleTimeLimitSeconds));
                void exitApp();
              }}
              onCancel={() => setConfirmingExit(false)}
              confirmTestId="exit-discard"
              cancelTestId="exit-keep"
            />
          }
        >
          <p>
            You changed{' '}
            {[parallelChanged && 'Parallel compilations', timeLimitChanged && 'Time limit per module']
              .filter(Boolean)
              .join(' and ')}{' '}
            without applying. Exit discards the change; Apply/Exit saves it.
          </p>
        </ModalDialog>
      )}
      {confirming && (
        <UpgradeConfirmDialog
          fromVersion={status.platformVersion}
          toVersion={status.installedVersion}
          moduleCount={status.moduleCount}
          preparableCount={status.preparableModuleCount}
          returnFocusTo={applyRef}
          lock={status.installedVersionLock}
          warning={status.upgradeWarning}
          readiness={readiness}
          busy={busy}
          onConfirm={() => void onConfirmUpgrade()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
