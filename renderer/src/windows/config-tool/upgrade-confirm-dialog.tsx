import type { RefObject } from 'react';
import { UPGRADE_STEP_TITLES, type UpgradeStepId } from '../../../../common/domain';
import { ConfirmActions, ModalDialog } from '../../components/modal-dialog';
import { plural } from '../../lib/format';
import type { ReadinessCheck } from '../../../../common/domain';
import { ageText } from '../../../../common/age-text';
import { readinessCountsText } from './upgrade-readiness-section';

/** Props of the Platform Upgrade confirmation. */
export interface UpgradeConfirmDialogProps {
  fromVersion: string;
  toVersion: string;
  /** Modules published with success: the ones the preparation compiles. */
  preparableCount: number;
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
  /** Where focus goes back when the dialog closes (Apply/Exit). */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

const STEPS: UpgradeStepId[] = ['backup', 'migrate', 'system-components', 'switch-version', 'prepare-modules'];

/** The Platform Upgrade confirmation shown by Apply/Exit when an upgrade is pending. */
export function UpgradeConfirmDialog({
  fromVersion,
  toVersion,
  preparableCount,
  moduleCount,
  lock,
  warning,
  readiness = null,
  busy,
  onConfirm,
  onCancel,
  returnFocusTo,
}: UpgradeConfirmDialogProps) {
  const excluded = moduleCount - preparableCount;
  return (
    <ModalDialog
      title="Platform Upgrade"
      onCancel={onCancel}
      testId="upgrade-dialog"
      returnFocusTo={returnFocusTo}
      actions={
        <ConfirmActions
          confirm="OK"
          busyLabel="Starting…"
          busy={busy}
          onConfirm={onConfirm}
          onCancel={onCancel}
          confirmTestId="upgrade-ok"
          cancelTestId="upgrade-cancel"
        />
      }
    >
      <p>
        The environment will be upgraded from Platform Server <strong>{fromVersion}</strong> to{' '}
        <strong>{toVersion}</strong>. This runs {STEPS.length} steps:
      </p>
      <ol className="upgrade-steps" data-testid="upgrade-dialog-steps">
        {STEPS.map((id) => (
          <li key={id}>
            {UPGRADE_STEP_TITLES[id]}
            {id === 'prepare-modules' && (
              <span data-testid="upgrade-dialog-module-count">
                {' '}
                ({plural(preparableCount, 'published module')}
                {excluded > 0 ? `; ${plural(excluded, 'module')} excluded: never published with success` : ''})
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="note note--orange" data-testid="upgrade-lock">
        <span aria-hidden="true">⚠ </span>
        {lock === 'progressive'
          ? 'Each module can be published as soon as the modules it consumes are prepared: only the modules being prepared are locked.'
          : 'Publishing, applying configurations and deleting modules are blocked until the modules preparation finishes.'}
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
