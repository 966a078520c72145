import { useState } from 'react';
import { call } from '../../api/client';
import { alertFailure, pushAlert } from '../../stores/alerts-store';

/** Apply configurations: refused by the preparation lock while a preparation runs. */
export function ApplyConfigurationsButton() {
  const [busy, setBusy] = useState(false);
  const onApply = async () => {
    setBusy(true);
    try {
      const { applied } = await call('configuration.apply', {});
      pushAlert(
        'success',
        'Configurations applied',
        applied.length > 0
          ? `Applied ${applied.length} configuration${applied.length === 1 ? '' : 's'}: ${applied.join(', ')}.`
          : 'Nothing to apply.',
      );
    } catch (error) {
      alertFailure('Apply configurations', error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button" onClick={onApply} disabled={busy} data-testid="apply-configurations">
      {busy ? 'Applying…' : 'Apply configurations'}
    </button>
  );
}
