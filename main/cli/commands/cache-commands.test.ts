import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type CacheServer } from '../../../test-support/cache-server';
import { librarySource, writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { PACKAGE_ROOT, runCli } from '../../../test-support/run-cli';

const TOKEN = 'tok-7f3a9c-secret-token';
const SIGNING_KEY = 'key-51d0e2-secret-signing-key';

const imported = importedEnvironment({
  prefix: 'config-tool-cache-commands-',
  factory: (dir) =>
    writeTestFactory(dir, { modules: [{ name: 'CommonLib', state: 'published', files: librarySource('CommonLib') }] }),
  settings: { 'sharedCache.mode': 'read-write', 'sharedCache.team': 'acme' },
});

describe('config-tool cache login and cache status', () => {
  let server: CacheServer;
  let plainServer: CacheServer;
  beforeAll(async () => {
    [server, plainServer] = await Promise.all([
      startCacheServer({ token: TOKEN }),
      startCacheServer({ token: TOKEN, keepsSignatures: false }),
    ]);
  });
  afterAll(() => Promise.all([server?.dispose(), plainServer?.dispose()]));

  const secretsFile = (name: string) => path.join(imported.workDir, name, 'config', 'shared-cache-secrets.json');

  /** `config-tool cache …` on the imported environment, the secrets file and settings given by variables. */
  const cache = (args: string[], vars: Record<string, string | undefined> = {}, input?: string) =>
    runCli(['cache', ...args, '--env', imported.dir], {
      env: {
        CONFIG_TOOL_CACHE_SECRETS_FILE: secretsFile('default'),
        CONFIG_TOOL_CACHE_URL: server.url,
        CONFIG_TOOL_CACHE_TOKEN: undefined,
        CONFIG_TOOL_CACHE_SIGNING_KEY: undefined,
        CONFIG_TOOL_CACHE_MODE: undefined,
        ...vars,
      },
      input,
    });

  const expectNoSecrets = (text: string) => {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SIGNING_KEY);
  };

  it('cache login stores the token and signing key from standard input in a file only the user can read', async () => {
    const login = await cache(['login'], {}, `${TOKEN}\n${SIGNING_KEY}\n`);
    expect(login.status, login.stderr).toBe(0);
    expect(login.stdout).toContain(`Stored the token and the signing key in ${secretsFile('default')}`);
    expectNoSecrets(login.stdout + login.stderr);
    expect(fs.statSync(secretsFile('default')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(secretsFile('default'))).mode & 0o777).toBe(0o700);
  });

  it('cache status checks reach, token, signatures and uploads, and exits 0', async () => {
    const status = await cache(['status']);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain(`Shared cache: read-write, ${server.url}, team acme`);
    expect(status.stdout).toContain(
      `Token: from ${secretsFile('default')}; signing key: from ${secretsFile('default')}`,
    );
    expect(status.stdout).toContain('Token accepted for team acme.');
    expect(status.stdout).toContain('Signing key set');
    expect(status.stdout).toContain('Mode read-write: uploads are accepted.');
    expectNoSecrets(status.stdout + status.stderr);
  });

  it('cache status in read-only mode (CONFIG_TOOL_CACHE_MODE) never writes to the server', async () => {
    const before = server.snapshot();
    const status = await cache(['status'], { CONFIG_TOOL_CACHE_MODE: 'read-only' });
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain('Mode read-only: this environment never uploads.');
    expect(server.snapshot()).toEqual(before);
  });

  it('exits 1 with the reason for a wrong token, never showing it', async () => {
    const status = await cache(['status'], { CONFIG_TOOL_CACHE_TOKEN: 'wrong-token-from-the-variable' });
    expect(status.status).toBe(1);
    expect(status.stdout).toContain('Token: from CONFIG_TOOL_CACHE_TOKEN');
    expect(status.stderr).toContain('refused the token (HTTP 401)');
    expect(status.stdout + status.stderr).not.toContain('wrong-token-from-the-variable');
  });

  it('exits 1 with the reason when the server cannot be reached', async () => {
    const stopped = await startCacheServer();
    await stopped.dispose();
    const status = await cache(['status'], { CONFIG_TOOL_CACHE_URL: stopped.url });
    expect(status.status).toBe(1);
    expect(status.stderr).toContain(`The shared cache at ${stopped.url} could not be reached (ECONNREFUSED).`);
  });

  it('exits 1 when the cache is off, or the server drops the signatures the environment checks', async () => {
    const off = await cache(['status'], { CONFIG_TOOL_CACHE_MODE: 'off' });
    expect(off.status).toBe(1);
    expect(off.stderr).toContain('The shared cache is off');

    const dropping = await cache(['status'], { CONFIG_TOOL_CACHE_URL: plainServer.url });
    expect(dropping.status).toBe(1);
    expect(dropping.stderr).toContain('TURBO_REMOTE_CACHE_SIGNATURE_KEY');
  });

  it('exits 2 for a mode that is not one', async () => {
    const status = await cache(['status'], { CONFIG_TOOL_CACHE_MODE: 'sometimes' });
    expect(status.status).toBe(2);
    expect(status.stderr).toContain('CONFIG_TOOL_CACHE_MODE must be off, read-only or read-write');
  });

  it('refuses a secrets file other users can read', async () => {
    const file = secretsFile('loose');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ token: TOKEN }), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const status = await cache(['status'], { CONFIG_TOOL_CACHE_SECRETS_FILE: file });
    expect(status.status).toBe(1);
    expect(status.stderr).toContain('can be read by other users (mode 644)');
    expectNoSecrets(status.stdout + status.stderr);
  });

  it.runIf(process.platform === 'linux')(
    'keeps the secrets off the command line (ps) while cache login runs',
    async () => {
      const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'config-tool.cjs'), 'cache', 'login'], {
        env: { ...process.env, CONFIG_TOOL_CACHE_SECRETS_FILE: secretsFile('ps') },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.stdin.write(`${TOKEN}\n`);
      const commandLine = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
      child.stdin.end(`${SIGNING_KEY}\n`);
      expect(await exited).toBe(0);
      expect(commandLine).toContain('cache');
      expectNoSecrets(commandLine);
    },
  );

  it('keeps the secrets out of the environment database and its logs', () => {
    const files = fs
      .readdirSync(imported.dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const entry of files) expectNoSecrets(fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1'));
  });
});
