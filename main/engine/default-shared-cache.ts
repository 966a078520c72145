import type { EngineContext } from './engine-context';
import { openSharedCache } from './shared-cache/open-shared-cache';
import { SharedCacheSecretSource } from './shared-cache/shared-cache-secret-source';

/** Opens the shared cache for a run with the secrets a process reads from one place. */
export type SharedCacheOpener = NonNullable<EngineContext['openSharedCache']>;

/**
 * How a process opens the shared cache for a run: the client with the secrets `source` gives when the run
 * starts (never from the environment's database). The service passes the source its sharedCache channels use,
 * so the desktop app's secrets (safeStorage) serve its runs too.
 */
export function sharedCacheOpener(source: Pick<SharedCacheSecretSource, 'read'>): SharedCacheOpener {
  return (settings, environmentName) => openSharedCache(settings, source.read().secrets, { environmentName });
}

/**
 * The default for a process that keeps no secrets of its own (the CLI): CONFIG_TOOL_CACHE_TOKEN and
 * _SIGNING_KEY, else the user's secrets file.
 */
export const openSharedCacheFromEnvironment: SharedCacheOpener = sharedCacheOpener(
  new SharedCacheSecretSource(process.env),
);
