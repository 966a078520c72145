import { useState } from 'react';
import { call } from '../../api/client';
import { loadModules, loadRuns, refreshStatus } from '../../api/loaders';
import { ConfirmActions, ModalDialog } from '../../components/modal-dialog';
import { useBlockedReason } from '../../lib/action-availability';
import { alertFailure, pushAlert } from '../../stores/alerts-store';
import { useEnvironmentStore } from '../../stores/environment-store';

function modulesWord(count: number): string {
  return count === 1 ? '1 prepared module' : `${count.toLocaleString()} prepared modules`;
}

/**
 * "Deploy N prepared modules", as the real product's Deploy All: after a preparation, deploys every
 * prepared module that does not run its prepared compilation yet, without compiling again. Asks first;
 * the lock refuses it like any other operation while a run holds it.
 */
export function DeployPreparedControl() {
  const count = useEnvironmentStore((s) => s.status?.preparedNotDeployed ?? 0);
  const version = useEnvironmentStore((s) => s.status?.platformVersion ?? '');
  const blocked = useBlockedReason('prepare-again');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (count === 0 && !busy) return null;

  const onConfirm = async () => {
    setBusy(true);
    try {
      const outcome = await call('preparation.deployPrepared', {});
      const left = outcome.notPrepared.length;
      pushAlert(
        'success',
        `Deployed ${modulesWord(outcome.deployed.length)}`,
        `They now run their compilations for ${outcome.platformVersion}; nothing was compiled again.` +
          (left > 0 ? ` ${left.toLocaleString()} not prepared keep running as before: publish them.` : '') +
          (outcome.damaged.length > 0
            ? ` Not deployed, their stored compilation was damaged: ${outcome.damaged.join(', ')}. Prepare again to prepare them.`
            : ''),
      );
    } catch (error) {
      alertFailure('Deploy prepared modules', error);
    } finally {
      setBusy(false);
      setConfirming(false);
      void refreshStatus();
      void loadModules();
      void loadRuns();
    }
  };

  return (
    <div className="deploy-prepared" data-testid="deploy-prepared">
      <button
        type="button"
        className="button button--primary"
        disabled={busy || blocked !== null}
        aria-describedby={blocked ? 'deploy-prepared-reason' : undefined}
        onClick={() => setConfirming(true)}
        data-testid="deploy-prepared-button"
      >
        {busy ? `Deploying ${modulesWord(count)}…` : `Deploy ${modulesWord(count)}`}
      </button>
      {blocked && (
        <p id="deploy-prepared-reason" className="action-reason">
          {blocked}
        </p>
      )}
      {confirming && (
        <ModalDialog
          title="Deploy prepared modules"
          onCancel={() => setConfirming(false)}
          testId="deploy-prepared-dialog"
          actions={
            <ConfirmActions
              confirm="Deploy"
              busyLabel="Deploying…"
              busy={busy}
              onConfirm={() => void onConfirm()}
              onCancel={() => setConfirming(false)}
              confirmTestId="deploy-prepared-ok"
            />
          }
        >
          <p>
            Deploys the {modulesWord(count)} that the latest preparation compiled for Platform Server{' '}
            <strong>{version}</strong> and that still run their previous compilation. Each runs its prepared compilation
            from now on; nothing is compiled again.
          </p>
          <p className="note">
            Modules that are not prepared keep running as they are. Publishing, deleting and applying configurations
            wait until the deployment finishes.
          </p>
        </ModalDialog>
      )}
    </div>
  );
}
