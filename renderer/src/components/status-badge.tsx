import type { ModuleConsoleStatus, StepStatus } from '../../../common/domain';

const MODULE_STATUS: Record<ModuleConsoleStatus, { icon: string; text: string; tone: string }> = {
  'up-to-date': { icon: '✓', text: 'Up to date', tone: 'green' },
  prepared: { icon: '✓', text: 'Prepared', tone: 'green' },
  failed: { icon: '✗', text: 'Failed', tone: 'red' },
  skipped: { icon: '⤼', text: 'Skipped', tone: 'orange' },
  pending: { icon: '○', text: 'Pending', tone: 'grey' },
  compiling: { icon: '', text: 'Being prepared', tone: 'blue' },
  excluded: { icon: '–', text: 'Excluded', tone: 'grey' },
  'not-prepared': { icon: '!', text: 'Not prepared', tone: 'orange' },
};

/** The admin-facing word for a module status. */
export function moduleStatusText(status: ModuleConsoleStatus): string {
  return MODULE_STATUS[status]?.text ?? status;
}

/** A module's preparation status: icon + text (never colour alone). */
export function ModuleStatusBadge({ status }: { status: ModuleConsoleStatus }) {
  const meta = MODULE_STATUS[status] ?? { icon: '?', text: status, tone: 'grey' };
  return (
    <span className={`status status--${meta.tone}`} data-status={status}>
      {status === 'compiling' ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <span className="status__icon" aria-hidden="true">
          {meta.icon}
        </span>
      )}
      <span className="status__text">{meta.text}</span>
    </span>
  );
}

const STEP_STATUS: Record<StepStatus, { icon: string; text: string; tone: string }> = {
  done: { icon: '✓', text: 'Done', tone: 'green' },
  warning: { icon: '⚠', text: 'Finished with errors', tone: 'orange' },
  running: { icon: '', text: 'Running', tone: 'blue' },
  pending: { icon: '○', text: 'Pending', tone: 'grey' },
  failed: { icon: '✗', text: 'Failed', tone: 'red' },
};

/** An upgrade step's status icon, with its meaning for screen readers. */
export function StepStatusIcon({ status }: { status: StepStatus }) {
  const meta = STEP_STATUS[status];
  return (
    <span className={`step-icon status--${meta.tone}`} data-step-status={status} title={meta.text}>
      {status === 'running' ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <span aria-hidden="true">{meta.icon}</span>
      )}
      <span className="visually-hidden">{meta.text}</span>
    </span>
  );
}
