import type { EnvironmentStatus } from '../../../../common/domain';
import { formatDateTime } from '../../lib/format';

/** Installed Platform Server vs the environment's version, with the upgrade-pending notice. */
export function VersionSummary({ status }: { status: EnvironmentStatus }) {
  const failure = status.lastUpgradeFailure;
  return (
    <fieldset className="group-box" data-testid="platform-group">
      <legend>Platform Server</legend>
      <dl className="field-list">
        <dt>Installed Platform Server</dt>
        <dd data-testid="config-installed-version">{status.installedVersion}</dd>
        <dt>Environment version</dt>
        <dd data-testid="config-platform-version">{status.platformVersion}</dd>
      </dl>
      {status.upgradePending && (
        <p className="note note--blue" data-testid="upgrade-pending-notice">
          <span aria-hidden="true">⬆ </span>
          <strong>Upgrade pending.</strong> Platform Server {status.installedVersion} is installed but the environment
          runs {status.platformVersion}. Apply/Exit upgrades the environment and prepares its modules for{' '}
          {status.installedVersion}.
        </p>
      )}
      {status.activeRun && (
        <p className="note note--blue" data-testid="config-run-active">
          An upgrade to {status.activeRun.toVersion} is running (started {formatDateTime(status.activeRun.startedAt)}).
        </p>
      )}
      {failure && (
        <p className="note note--red" data-testid="config-upgrade-failure">
          <strong>The upgrade to {failure.toVersion} failed and was rolled back</strong> ({formatDateTime(failure.at)},
          step “{failure.step}”): {failure.message}
        </p>
      )}
    </fieldset>
  );
}
