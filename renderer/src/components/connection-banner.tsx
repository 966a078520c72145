import { useConnectionStore } from '../stores/connection-store';

/** Tells the admin when the browser lost the service; the transport reconnects by itself. */
export function ConnectionBanner() {
  const state = useConnectionStore((s) => s.state);
  if (state !== 'closed') return null;
  return (
    <div className="banner banner--red" role="status" data-testid="connection-lost">
      <span className="banner__icon" aria-hidden="true">
        ⚡
      </span>
      <span className="banner__text">Lost the connection to the Configuration Tool service. Reconnecting…</span>
    </div>
  );
}
