import type { ReadinessCheck } from '../../../../common/domain';
import { ModalDialog } from '../../components/modal-dialog';
import { ageText, readinessCountsText } from './upgrade-readiness-section';

/** Props of the Platform Upgrade confirmation. */
export interface UpgradeConfirmDialogProps {
  fromVersion: string;
  toVersion: string;
  moduleCount: number;
  /** How the target version's preparation locks the environment. */
  lock: 'environment' | 'progressive';
  /** The platform's known-issue warning for this upgrade, or null. */
  warning: string | null;
  /** The latest readiness check for this target, repeated here; null when none ran. */
  readiness?: ReadinessCheck | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The Platform Upgrade confirmation shown by Apply/Exit when an upgrade is pending. */
export function UpgradeConfirmDialog({
  fromVersion,
  toVersion,
  moduleCount,
  lock,
  warning,
  readiness = null,
  busy,
  onConfirm,
  onCancel,
}: UpgradeConfirmDialogProps) {
  return (
    <ModalDialog
      title="Platform Upgrade"
      onCancel={onCancel}
      testId="upgrade-dialog"
      actions={
        <>
          <button
            type="button"
            className="button button--primary"
            onClick={onConfirm}
            disabled={busy}
            data-testid="upgrade-ok"
            data-autofocus
          >
            {busy ? 'Starting…' : 'OK'}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={busy} data-testid="upgrade-cancel">
            Cancel
          </button>
        </>
      }
    >
      <p>
        The environment will be upgraded from Platform Server <strong>{fromVersion}</strong> to{' '}
        <strong>{toVersion}</strong>. This runs the following steps:
      </p>
      <ol className="upgrade-steps">
        <li>Upgrade the platform database.</li>
        <li>Publish the new system components.</li>
        <li>Prepare the modules for the new version ({moduleCount.toLocaleString()} modules in this environment).</li>
      </ol>
      <p className="note note--orange" data-testid="upgrade-lock">
        <span aria-hidden="true">⚠ </span>
        {lock === 'progressive'
          ? 'Each module can be published as soon as the modules it consumes are prepared.'
          : 'Publishing is blocked until the modules preparation finishes.'}
      </p>
      <p className="note" data-testid="upgrade-readiness">
        {readiness && readiness.status === 'finished'
          ? `Upgrade readiness check (${ageText(readiness.finishedAt ?? readiness.startedAt)}): ${readinessCountsText(readiness.counts)}.` +
            (readiness.changedSince.length > 0
              ? ` ${readiness.changedSince.length.toLocaleString()} changed since.`
              : ' The preparation reuses its compilations.')
          : 'The modules have not been checked against this version yet (Upgrade readiness, Check now).'}
      </p>
      {warning && (
        <p className="note note--orange" data-testid="upgrade-warning">
          <span aria-hidden="true">⚠ </span>
          {warning}
        </p>
      )}
      <p className="note">
        Published applications keep running on the previous version until their modules are published again.
      </p>
    </ModalDialog>
  );
}
