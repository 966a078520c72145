import { UserError } from '../errors';
import type { SharedCacheMode, SharedCacheSettings } from './shared-cache-types';

/** The stored settings of the shared cache (spec §4d), by key. */
export type SharedCacheSettingKey = 'sharedCache.mode' | 'sharedCache.url' | 'sharedCache.team';

/** The variables that override each setting, for unattended use (spec §4d). */
export const SHARED_CACHE_VARIABLES: Record<SharedCacheSettingKey, string> = {
  'sharedCache.mode': 'CONFIG_TOOL_CACHE_MODE',
  'sharedCache.url': 'CONFIG_TOOL_CACHE_URL',
  'sharedCache.team': 'CONFIG_TOOL_CACHE_TEAM',
};

const MODES: readonly SharedCacheMode[] = ['off', 'read-only', 'read-write'];

/** Why a mode is not one; null when it is. */
export function invalidSharedCacheMode(value: string): string | null {
  return (MODES as readonly string[]).includes(value) ? null : 'must be off, read-only or read-write';
}

/**
 * Why a value is not a cache server's base URL; null when it is. Credentials in the URL are refused:
 * the token is a secret (`cache login`), and a URL is shown in logs and settings.
 */
export function invalidSharedCacheUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL';
  if (url.username || url.password) return 'must not hold a user name or password (use cache login for the token)';
  if (url.search || url.hash) return 'must not have a query or a fragment';
  return null;
}

/**
 * Why a value is not a team name; null when it is. The server stores artifacts under a folder named after
 * the team, so only plain names are accepted.
 */
export function invalidSharedCacheTeam(value: string): string | null {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(value) && !value.includes('..')
    ? null
    : 'must be a name of letters, digits, dots, dashes and underscores (at most 100)';
}

const VALIDATORS: Record<SharedCacheSettingKey, (value: string) => string | null> = {
  'sharedCache.mode': invalidSharedCacheMode,
  'sharedCache.url': invalidSharedCacheUrl,
  'sharedCache.team': invalidSharedCacheTeam,
};

function valueOf(
  key: SharedCacheSettingKey,
  stored: Partial<Record<SharedCacheSettingKey, string>>,
  env: NodeJS.ProcessEnv,
): string | null {
  const variable = SHARED_CACHE_VARIABLES[key];
  const fromVariable = env[variable]?.trim();
  const value = fromVariable || stored[key]?.trim() || null;
  if (value === null) return null;
  const problem = VALIDATORS[key](value);
  if (problem) {
    const source = fromVariable ? `The variable ${variable}` : `The setting '${key}'`;
    throw new UserError('bad-usage', `${source} ${problem} (got '${value}').`);
  }
  return value;
}

/**
 * The shared cache's settings as a run uses them: the stored settings, each overridden by its variable
 * (CONFIG_TOOL_CACHE_MODE, _URL, _TEAM). Throws a UserError for a value that is not valid, or for a mode
 * other than off without a URL or a team. Secrets are not settings: see `readSharedCacheSecrets`.
 */
export function resolveSharedCacheSettings(
  stored: Partial<Record<SharedCacheSettingKey, string>>,
  env: NodeJS.ProcessEnv,
): SharedCacheSettings {
  const mode = (valueOf('sharedCache.mode', stored, env) ?? 'off') as SharedCacheMode;
  const url = valueOf('sharedCache.url', stored, env);
  const team = valueOf('sharedCache.team', stored, env);
  if (mode !== 'off') {
    for (const [key, value] of [['sharedCache.url', url] as const, ['sharedCache.team', team] as const]) {
      if (value === null) {
        throw new UserError(
          'bad-usage',
          `The shared cache is ${mode} but has no ${key.slice('sharedCache.'.length)}: set it with 'config-tool config set ${key} …' or ${SHARED_CACHE_VARIABLES[key]}.`,
        );
      }
    }
  }
  return { mode, url, team };
}
