import { hostKind } from '../api/client';
import { useConnectionStore } from '../stores/connection-store';

/**
 * Tells the admin when the browser lost the service, and what to do: the transport
 * keeps trying, but a restarted `config-tool serve` has a new port and token, so
 * this page can't reach it: the new address it prints must be opened.
 */
export function ConnectionBanner() {
  const state = useConnectionStore((s) => s.state);
  if (state !== 'closed') return null;
  return (
    <div className="banner banner--red" role="alert" data-testid="connection-lost">
      <span className="banner__icon" aria-hidden="true">
        ⚡
      </span>
      <div className="banner__text">
        <strong>Lost the connection to the Configuration Tool service.</strong> Actions are disabled until it is back;
        nothing you did was lost. This page keeps trying to reconnect.{' '}
        {hostKind() === 'browser' && (
          <span data-testid="connection-lost-advice">
            If <code>config-tool serve</code> was stopped, start it again and open the new address it prints: each start
            uses a new port and access token, so this address will not work again.
          </span>
        )}
      </div>
    </div>
  );
}
