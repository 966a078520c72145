import { RemoteSharedCompilationCache, type SharedCacheClientOptions } from './shared-cache-client';
import type { SharedCacheSecrets, SharedCacheSettings, SharedCompilationCache } from './shared-cache-types';

/** Each request's time limit unless told otherwise: a slow server costs a run little, a busy one still answers. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/**
 * The shared cache a run uses (spec §4d), or null when its mode is off. Never throws and never fails a
 * run: a cache whose settings lack a URL or a team is one whose every lookup is an error, with the reason.
 */
export function openSharedCache(
  settings: SharedCacheSettings,
  secrets: SharedCacheSecrets,
  options: SharedCacheClientOptions,
): SharedCompilationCache | null {
  if (settings.mode === 'off') return null;
  if (!settings.url || !settings.team) {
    const missing = !settings.url ? 'url' : 'team';
    return RemoteSharedCompilationCache.unusable(
      settings.mode,
      `The shared cache is ${settings.mode} but has no ${missing}: set sharedCache.${missing}.`,
    );
  }
  const endpoint = {
    url: settings.url,
    team: settings.team,
    token: secrets.token,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
  return new RemoteSharedCompilationCache({ endpoint, mode: settings.mode, signingKey: secrets.signingKey }, options);
}
