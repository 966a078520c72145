import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors';
import type { SharedCacheSecrets } from './shared-cache-types';

/** The variables that give the secrets to an unattended run (they win over the secrets file). */
export const TOKEN_VARIABLE = 'CONFIG_TOOL_CACHE_TOKEN';
export const SIGNING_KEY_VARIABLE = 'CONFIG_TOOL_CACHE_SIGNING_KEY';
/** Where the secrets file is, instead of the per-user default (tests, or a service account's own folder). */
export const SECRETS_FILE_VARIABLE = 'CONFIG_TOOL_CACHE_SECRETS_FILE';

/** The secrets a run uses, and where each came from (`cache status` says so; never the values). */
export interface LoadedSharedCacheSecrets {
  secrets: SharedCacheSecrets;
  from: { token: string | null; signingKey: string | null };
}

/** What the secrets file holds. */
interface SecretsFile {
  token?: string;
  signingKey?: string;
}

/**
 * The file's content when it holds an optional non-empty token and signing key, else null. Checked by hand, not
 * with a schema library: every command opens an environment and so this module, and loading zod cost it 50 ms.
 */
function asSecretsFile(value: unknown): SecretsFile | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { token, signingKey } = value as Record<string, unknown>;
  const valid = (field: unknown) => field === undefined || (typeof field === 'string' && field.length > 0);
  if (!valid(token) || !valid(signingKey)) return null;
  return { token: token as string | undefined, signingKey: signingKey as string | undefined };
}

/** The user's secrets file: `$CONFIG_TOOL_CACHE_SECRETS_FILE`, else in the user's configuration folder. */
export function sharedCacheSecretsFile(env: NodeJS.ProcessEnv): string {
  if (env[SECRETS_FILE_VARIABLE]) return path.resolve(env[SECRETS_FILE_VARIABLE]);
  const configDir =
    process.platform === 'win32'
      ? (env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'))
      : env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(configDir, 'platform-config-tool', 'shared-cache-secrets.json');
}

function readSecretsFile(file: string): SecretsFile {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return {};
  }
  // Windows has no mode bits; the file lies in the user's own profile there.
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new UserError(
      'refused',
      `The shared cache's secrets file ${file} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}), so it is not used: run 'chmod 600 ${file}', or 'config-tool cache login' again.`,
    );
  }
  let parsed: SecretsFile | null;
  try {
    parsed = asSecretsFile(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed) {
    throw new UserError(
      'refused',
      `The shared cache's secrets file ${file} is damaged: run 'config-tool cache login' again.`,
    );
  }
  return parsed;
}

/**
 * The token and signing key: each from its variable (CONFIG_TOOL_CACHE_TOKEN, CONFIG_TOOL_CACHE_SIGNING_KEY),
 * else from the user's secrets file. Throws a UserError for a secrets file others can read, or a damaged one.
 */
export function readSharedCacheSecrets(env: NodeJS.ProcessEnv): LoadedSharedCacheSecrets {
  const file = sharedCacheSecretsFile(env);
  const fromVariable = { token: env[TOKEN_VARIABLE] || null, signingKey: env[SIGNING_KEY_VARIABLE] || null };
  const stored = fromVariable.token && fromVariable.signingKey ? {} : readSecretsFile(file);
  const pick = (key: 'token' | 'signingKey', variable: string) =>
    fromVariable[key]
      ? { value: fromVariable[key], from: variable }
      : stored[key]
        ? { value: stored[key], from: file }
        : { value: null, from: null };
  const token = pick('token', TOKEN_VARIABLE);
  const signingKey = pick('signingKey', SIGNING_KEY_VARIABLE);
  return {
    secrets: { token: token.value, signingKey: signingKey.value },
    from: { token: token.from, signingKey: signingKey.from },
  };
}

/**
 * Writes the user's secrets file, readable by the user only (0600, in a 0700 folder), replacing it whole:
 * written aside and renamed, so a crash leaves the old file or the new one. Returns its path.
 */
export function writeSharedCacheSecrets(secrets: SharedCacheSecrets, env: NodeJS.ProcessEnv): string {
  const file = sharedCacheSecretsFile(env);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const content = JSON.stringify({
    ...(secrets.token ? { token: secrets.token } : {}),
    ...(secrets.signingKey ? { signingKey: secrets.signingKey } : {}),
  });
  const aside = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(aside, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(aside, 0o600);
  fs.renameSync(aside, file);
  return file;
}
