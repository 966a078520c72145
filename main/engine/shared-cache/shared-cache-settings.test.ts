import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { resolveSharedCacheSettings } from './shared-cache-settings';
import { readSharedCacheSecrets, writeSharedCacheSecrets } from './shared-cache-secrets';

describe('the shared cache settings a run uses', () => {
  it('are off, without a URL or team, when nothing is set', () => {
    expect(resolveSharedCacheSettings({}, {})).toEqual({ mode: 'off', url: null, team: null });
    expect(resolveSharedCacheSettings({ 'sharedCache.url': '', 'sharedCache.team': '' }, {})).toEqual({
      mode: 'off',
      url: null,
      team: null,
    });
  });

  it('take each variable over the stored setting', () => {
    const stored = {
      'sharedCache.mode': 'read-write',
      'sharedCache.url': 'http://qa:3000',
      'sharedCache.team': 'acme',
    };
    expect(resolveSharedCacheSettings(stored, { CONFIG_TOOL_CACHE_MODE: 'read-only' })).toEqual({
      mode: 'read-only',
      url: 'http://qa:3000',
      team: 'acme',
    });
    expect(
      resolveSharedCacheSettings(stored, {
        CONFIG_TOOL_CACHE_URL: 'https://cache:443/turbo',
        CONFIG_TOOL_CACHE_TEAM: 'beta',
      }),
    ).toEqual({ mode: 'read-write', url: 'https://cache:443/turbo', team: 'beta' });
  });

  it.each([
    [{ CONFIG_TOOL_CACHE_MODE: 'sometimes' }, 'CONFIG_TOOL_CACHE_MODE must be off, read-only or read-write'],
    [{ CONFIG_TOOL_CACHE_URL: 'ftp://cache' }, 'must be an http:// or https:// URL'],
    [{ CONFIG_TOOL_CACHE_URL: 'https://user:secret@cache' }, 'must not hold a user name or password'],
    [{ CONFIG_TOOL_CACHE_TEAM: '../other' }, 'must be a name of letters'],
  ])('refuses %o as bad usage', (env, message) => {
    expect(() => resolveSharedCacheSettings({ 'sharedCache.mode': 'read-only' }, env)).toThrow(message);
  });

  it('refuses a mode other than off without a URL or a team', () => {
    const resolve = () =>
      resolveSharedCacheSettings({ 'sharedCache.mode': 'read-only', 'sharedCache.team': 'acme' }, {});
    expect(resolve).toThrow(UserError);
    expect(resolve).toThrow(
      "has no url: set it with 'config-tool config set sharedCache.url …' or CONFIG_TOOL_CACHE_URL",
    );
  });
});

describe('the shared cache secrets', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const secretsFile = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-secrets-'));
    dirs.push(dir);
    return path.join(dir, 'nested', 'secrets.json');
  };

  it('come from the variables first, then from the file cache login wrote', () => {
    const file = secretsFile();
    const env = { CONFIG_TOOL_CACHE_SECRETS_FILE: file };
    writeSharedCacheSecrets({ token: 'file-token', signingKey: 'file-key' }, env);
    expect(readSharedCacheSecrets(env)).toEqual({
      secrets: { token: 'file-token', signingKey: 'file-key' },
      from: { token: file, signingKey: file },
    });
    expect(readSharedCacheSecrets({ ...env, CONFIG_TOOL_CACHE_TOKEN: 'variable-token' })).toEqual({
      secrets: { token: 'variable-token', signingKey: 'file-key' },
      from: { token: 'CONFIG_TOOL_CACHE_TOKEN', signingKey: file },
    });
  });

  it('are none when neither a variable nor the file holds them', () => {
    expect(readSharedCacheSecrets({ CONFIG_TOOL_CACHE_SECRETS_FILE: secretsFile() }).secrets).toEqual({
      token: null,
      signingKey: null,
    });
  });

  it.runIf(process.platform !== 'win32')('are refused from a file other users can read, or a damaged one', () => {
    const file = secretsFile();
    const env = { CONFIG_TOOL_CACHE_SECRETS_FILE: file };
    writeSharedCacheSecrets({ token: 't', signingKey: null }, env);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o640);
    expect(() => readSharedCacheSecrets(env)).toThrow('can be read by other users (mode 640)');
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, '{"token":');
    expect(() => readSharedCacheSecrets(env)).toThrow('is damaged');
  });
});
