import type { RequestOf, SharedCacheState } from '../../common/contract';
import { applyConfiguration, setConfiguration } from '../engine/operations/configuration';
import { checkSharedCache } from '../engine/shared-cache/check-shared-cache';
import { SIGNING_KEY_VARIABLE, TOKEN_VARIABLE } from '../engine/shared-cache/shared-cache-secrets';
import {
  resolveSharedCacheSettings,
  SHARED_CACHE_VARIABLES,
  type SharedCacheSettingKey,
} from '../engine/shared-cache/shared-cache-settings';
import { getSetting } from '../engine/store/settings-repository';
import { latestSharedCounts } from '../engine/store/shared-cache-repository';
import type { ServiceState } from './service-handlers';

const KEYS = Object.keys(SHARED_CACHE_VARIABLES) as SharedCacheSettingKey[];

/** The section's state: stored settings, the variables in force, which secrets are set (never their values). */
function sharedCacheState(state: ServiceState): SharedCacheState {
  const { db } = state.context;
  const { secrets } = state.sharedCacheSecrets.read();
  const variables = [...Object.values(SHARED_CACHE_VARIABLES), TOKEN_VARIABLE, SIGNING_KEY_VARIABLE];
  return {
    mode: getSetting(db, 'sharedCache.mode') as SharedCacheState['mode'],
    url: getSetting(db, 'sharedCache.url'),
    team: getSetting(db, 'sharedCache.team'),
    overriddenBy: variables.filter((variable) => process.env[variable]),
    tokenSet: secrets.token !== null,
    signingKeySet: secrets.signingKey !== null,
    secretsKeptIn: state.sharedCacheSecrets.keptIn(),
    lastRun: latestSharedCounts(db),
  };
}

/** The service's handlers of the Shared compilation cache section (spec §4d). */
export const sharedCacheHandlers = {
  'sharedCache.state': (state: ServiceState) => sharedCacheState(state),

  'sharedCache.save': (state: ServiceState, request: RequestOf<'sharedCache.save'>) => {
    const { context } = state;
    const values = {
      'sharedCache.mode': request.mode,
      'sharedCache.url': request.url,
      'sharedCache.team': request.team,
    };
    // Checked together first (a mode without a URL is refused), so nothing is half saved.
    resolveSharedCacheSettings(values, {});
    for (const key of KEYS) setConfiguration(context, key, values[key].trim());
    applyConfiguration(context);
    state.sharedCacheSecrets.save({
      ...(request.token ? { token: request.token } : {}),
      ...(request.signingKey
        ? { signingKey: request.signingKey }
        : request.forgetSigningKey
          ? { signingKey: null }
          : {}),
    });
    state.work.changed();
    return sharedCacheState(state);
  },

  'sharedCache.test': async (state: ServiceState, request: RequestOf<'sharedCache.test'>) => {
    const settings = resolveSharedCacheSettings(
      { 'sharedCache.mode': request.mode, 'sharedCache.url': request.url, 'sharedCache.team': request.team },
      {},
    );
    return checkSharedCache(settings, state.sharedCacheSecrets.read().secrets);
  },
};
