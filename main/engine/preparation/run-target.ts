import type { EngineContext } from '../engine-context';
import { UserError } from '../errors';
import { compareVersions, installedPlatformVersion, isKnownVersion } from '../platform/platform-versions';
import { findEnvironment } from '../store/environment-repository';
import { PREPARATION_FROM_VERSION } from './run-steps';

/**
 * The versions an upgrade goes between, checked before anything starts: the environment's, and a shipped
 * target (default: the installed Platform Server). An upgrade's target is not older than the environment
 * (the same version resumes what an upgrade left undone); a readiness check looks at an upgrade to a newer
 * version that prepares modules.
 */
export function resolveTarget(
  context: EngineContext,
  purpose: 'upgrade' | 'check',
  toVersion?: string,
): { fromVersion: string; toVersion: string } {
  const fromVersion = findEnvironment(context.db)!.platformVersion;
  const target = toVersion ?? installedPlatformVersion();
  if (!isKnownVersion(target))
    throw new UserError(
      'bad-usage',
      `Unknown platform version '${target}'. Shipped versions: see 'config-tool status'.`,
    );
  if (purpose === 'upgrade' && compareVersions(target, fromVersion) < 0)
    throw new UserError(
      'refused',
      `Can't upgrade to ${target}: the environment is already at ${fromVersion}, a newer version. Downgrades are not supported.`,
    );
  if (purpose === 'check' && compareVersions(target, fromVersion) <= 0)
    throw new UserError(
      'refused',
      `Nothing to check: the environment is already at ${fromVersion}, and a readiness check looks at an upgrade to a newer version.`,
    );
  if (purpose === 'check' && compareVersions(target, PREPARATION_FROM_VERSION) < 0)
    throw new UserError(
      'refused',
      `Nothing to check: an upgrade to ${target} has no modules preparation (only ${PREPARATION_FROM_VERSION} and later do).`,
    );
  return { fromVersion, toVersion: target };
}
