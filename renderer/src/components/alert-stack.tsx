import { useEffect, useState } from 'react';
import { dismissAlert, dismissAllAlerts, useAlertsStore, type Alert } from '../stores/alerts-store';

/** Successes fade on their own; errors and refusals stay until the admin dismisses them. */
const SUCCESS_MS = 8000;
/** Beyond this many, older messages fold into one line so alerts never cover the page. */
const SHOWN_AT_ONCE = 2;

function AlertItem({ alert }: { alert: Alert }) {
  const sticky = alert.kind === 'error' || alert.kind === 'refused';
  useEffect(() => {
    if (sticky) return;
    const timer = setTimeout(() => dismissAlert(alert.id), SUCCESS_MS);
    return () => clearTimeout(timer);
  }, [alert.id, sticky, alert.repeats]);
  return (
    <div
      className={`alert alert--${alert.kind}`}
      role={sticky ? 'alert' : 'status'}
      data-testid={`alert-${alert.kind}`}
    >
      <div className="alert__content">
        <strong className="alert__title">
          {alert.title}
          {alert.repeats > 1 && (
            <span className="tag" data-testid="alert-repeats">
              ×{alert.repeats}
            </span>
          )}
        </strong>
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

/** The window's alerts, newest last; older ones fold behind "Show N earlier messages". */
export function AlertStack() {
  const alerts = useAlertsStore((state) => state.alerts);
  const [expanded, setExpanded] = useState(false);
  if (alerts.length === 0) return null;
  const hidden = expanded ? 0 : Math.max(0, alerts.length - SHOWN_AT_ONCE);
  return (
    <div className="alert-stack" data-testid="alerts">
      {alerts.length > SHOWN_AT_ONCE && (
        <div className="alert-stack__fold">
          <button
            type="button"
            className="link-button"
            onClick={() => setExpanded(!expanded)}
            aria-expanded={expanded}
            data-testid="alerts-fold"
          >
            {expanded ? 'Show only the latest messages' : `Show ${hidden} earlier message${hidden === 1 ? '' : 's'}`}
          </button>
          <button type="button" className="link-button" onClick={dismissAllAlerts} data-testid="alerts-dismiss-all">
            Dismiss all
          </button>
        </div>
      )}
      {alerts.slice(hidden).map((alert) => (
        <AlertItem key={alert.id} alert={alert} />
      ))}
    </div>
  );
}
