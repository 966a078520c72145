import { useEffect } from 'react';
import { dismissAlert, useAlertsStore, type Alert } from '../stores/alerts-store';

/** Successes fade on their own; errors and refusals stay until the admin dismisses them. */
const SUCCESS_MS = 8000;

function AlertItem({ alert }: { alert: Alert }) {
  const sticky = alert.kind === 'error' || alert.kind === 'refused';
  useEffect(() => {
    if (sticky) return;
    const timer = setTimeout(() => dismissAlert(alert.id), SUCCESS_MS);
    return () => clearTimeout(timer);
  }, [alert.id, sticky]);
  return (
    <div
      className={`alert alert--${alert.kind}`}
      role={sticky ? 'alert' : 'status'}
      data-testid={`alert-${alert.kind}`}
    >
      <div className="alert__content">
        <strong className="alert__title">{alert.title}</strong>
        <p className="alert__message">{alert.message}</p>
      </div>
      <button
        type="button"
        className="button button--quiet alert__close"
        onClick={() => dismissAlert(alert.id)}
        aria-label={`Dismiss: ${alert.title}`}
      >
        Dismiss
      </button>
    </div>
  );
}

/** The window's alerts, newest last. */
export function AlertStack() {
  const alerts = useAlertsStore((state) => state.alerts);
  if (alerts.length === 0) return null;
  return (
    <div className="alert-stack" data-testid="alerts">
      {alerts.map((alert) => (
        <AlertItem key={alert.id} alert={alert} />
      ))}
    </div>
  );
}
