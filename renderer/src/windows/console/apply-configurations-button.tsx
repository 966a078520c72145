import { useState } from 'react';
import { call } from '../../api/client';
import { useBlockedReason } from '../../lib/action-availability';
import { alertFailure, pushAlert } from '../../stores/alerts-store';

/** Apply configurations: disabled, with the reason, while the preparation lock or a lost connection blocks it. */
export function ApplyConfigurationsButton() {
  const [busy, setBusy] = useState(false);
  const blocked = useBlockedReason('apply-configurations');
  const onApply = async () => {
    setBusy(true);
    try {
      const { applied } = await call('configuration.apply', {});
      pushAlert(
        'success',
        applied.length > 0 ? 'Configurations applied' : 'Configurations already applied',
        applied.length > 0
          ? `Applied ${applied.length} configuration${applied.length === 1 ? '' : 's'}: ${applied.join(', ')}.`
          : 'Every configuration was already applied: nothing changed.',
      );
    } catch (error) {
      alertFailure('Apply configurations', error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="button"
      onClick={onApply}
      disabled={busy || blocked !== null}
      title={blocked ?? undefined}
      aria-describedby={blocked ? 'console-lock-notice' : undefined}
      data-testid="apply-configurations"
    >
      {busy ? 'Applying…' : 'Apply configurations'}
    </button>
  );
}
