import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeResult, SharedCacheConnectionCheck, SharedCacheState } from '../../common/contract';
import { startCacheServer, type CacheServer } from '../../test-support/cache-server';
import { librarySource, writeTestFactory } from '../../test-support/factories';
import { importedEnvironment } from '../../test-support/imported-environment';
import { readJsonReport } from '../../test-support/json-report';
import { SETUP_TIMEOUT_MS } from '../../test-support/run-cli';
import { nodeServiceSpawn } from '../host/node-service';
import { createContractHandlers } from '../host/contract-handlers';
import { startServiceConnection, type ServiceConnection } from '../host/service-connection';

const TOKEN = 'tok-contract-4b1e-secret';
const SIGNING_KEY = 'key-contract-9d2c-secret';

const imported = importedEnvironment({
  prefix: 'config-tool-shared-cache-contract-',
  factory: (dir) =>
    writeTestFactory(dir, { modules: [{ name: 'CommonLib', state: 'published', files: librarySource('CommonLib') }] }),
});

/** The Configuration Tool's Shared compilation cache section, through the contract to a real service process. */
describe('the sharedCache channels', () => {
  let server: CacheServer;
  let service: ServiceConnection;
  let secretsFile: string;
  beforeAll(async () => {
    server = await startCacheServer({ token: TOKEN });
    secretsFile = path.join(imported.workDir, 'user-config', 'shared-cache-secrets.json');
    service = startServiceConnection({
      spawn: nodeServiceSpawn({ environmentDir: imported.dir, env: { CONFIG_TOOL_CACHE_SECRETS_FILE: secretsFile } }),
    });
    await service.ready;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await service?.stop();
    await server?.dispose();
  });

  async function value<T>(result: Promise<InvokeResult<unknown>>): Promise<T> {
    const answered = await result;
    if (!answered.ok) throw new Error(answered.error.message);
    return answered.value as T;
  }

  it('start off, with no secrets', async () => {
    const state = await value<SharedCacheState>(service.request('sharedCache.state', {}));
    expect(state).toMatchObject({
      mode: 'off',
      url: '',
      team: '',
      tokenSet: false,
      signingKeySet: false,
      lastRun: null,
    });
    expect(state.secretsKeptIn).toBe(secretsFile);
  });

  it('save the settings in the environment and the secrets in the user file (0600), never sending them back', async () => {
    const saved = await value<SharedCacheState>(
      service.request('sharedCache.save', {
        mode: 'read-write',
        url: server.url,
        team: 'acme',
        token: TOKEN,
        signingKey: SIGNING_KEY,
      }),
    );
    expect(saved).toMatchObject({
      mode: 'read-write',
      url: server.url,
      team: 'acme',
      tokenSet: true,
      signingKeySet: true,
    });
    expect(JSON.stringify(saved)).not.toContain(TOKEN);
    expect(fs.statSync(secretsFile).mode & 0o777).toBe(0o600);
    for (const entry of fs.readdirSync(imported.dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const content = fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1');
      expect(content).not.toContain(TOKEN);
      expect(content).not.toContain(SIGNING_KEY);
    }
  });

  it('Test connection checks the settings given with the stored secrets', async () => {
    const check = await value<SharedCacheConnectionCheck>(
      service.request('sharedCache.test', { mode: 'read-only', url: server.url, team: 'acme' }),
    );
    expect(check.problem).toBeNull();
    expect(check.lines).toContain('Token accepted for team acme.');
    const unreachable = await value<SharedCacheConnectionCheck>(
      service.request('sharedCache.test', { mode: 'read-only', url: 'http://127.0.0.1:9', team: 'acme' }),
    );
    expect(unreachable.problem).toContain('could not be reached');
  });

  it('refuses a mode without a URL, saving nothing', async () => {
    const refused = await service.request('sharedCache.save', { mode: 'read-only', url: '', team: 'acme' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-usage' } });
    const state = await value<SharedCacheState>(service.request('sharedCache.state', {}));
    expect(state).toMatchObject({ mode: 'read-write', url: server.url });
  });
});

/** The desktop app's way: main keeps the secrets (safeStorage) and gives them to the service; none reach a file. */
describe('the sharedCache channels where the host keeps the secrets', () => {
  let service: ServiceConnection;
  let secretsFile: string;
  const kept: { token: string | null; signingKey: string | null }[] = [];
  const keeper = {
    load: () => kept.at(-1) ?? { token: null, signingKey: null },
    save: (change: Partial<{ token: string | null; signingKey: string | null }>) => {
      kept.push({ ...keeper.load(), ...change });
      return keeper.load();
    },
  };
  beforeAll(async () => {
    secretsFile = path.join(imported.workDir, 'host-user-config', 'shared-cache-secrets.json');
    service = startServiceConnection({
      spawn: nodeServiceSpawn({
        environmentDir: imported.fresh(),
        env: { CONFIG_TOOL_CACHE_SECRETS_FILE: secretsFile },
      }),
    });
    service.setSharedCacheSecrets(keeper.load());
    await service.ready;
  }, SETUP_TIMEOUT_MS);
  afterAll(() => service?.stop());

  it('hands the secrets to the host keeper, and the service only learns they are set', async () => {
    const handlers = createContractHandlers(service, {
      openWindow: () => ({ opened: false }),
      exit: () => ({ exiting: false }),
      sharedCacheSecrets: keeper,
    });
    const before = await handlers.handle('sharedCache.state', {});
    expect(before).toMatchObject({
      ok: true,
      value: { tokenSet: false, secretsKeptIn: "the desktop app's safe storage" },
    });
    const saved = await handlers.handle('sharedCache.save', {
      mode: 'read-only',
      url: 'http://127.0.0.1:9',
      team: 'acme',
      token: TOKEN,
    });
    expect(saved).toMatchObject({ ok: true, value: { mode: 'read-only', tokenSet: true, signingKeySet: false } });
    expect(kept.at(-1)).toEqual({ token: TOKEN, signingKey: null });
    expect(fs.existsSync(secretsFile)).toBe(false);
  });
});

/**
 * The desktop app's runs: Apply/Exit in the service uses the secrets main gave it (safeStorage), the same the
 * section saved, with no variable and no secrets file of the user's.
 */
describe('runs in the service where the host keeps the secrets', () => {
  let server: CacheServer;
  let service: ServiceConnection;
  let env: string;
  beforeAll(async () => {
    server = await startCacheServer({ token: TOKEN });
    env = imported.fresh();
    service = startServiceConnection({
      spawn: nodeServiceSpawn({
        environmentDir: env,
        env: { CONFIG_TOOL_CACHE_SECRETS_FILE: path.join(imported.workDir, 'no-secrets-file.json') },
      }),
    });
    service.setSharedCacheSecrets({ token: TOKEN, signingKey: SIGNING_KEY });
    await service.ready;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await service?.stop();
    await server?.dispose();
  });

  it(
    'upload what Apply/Exit compiled with the token the host gave',
    async () => {
      const saved = await service.request('sharedCache.save', { mode: 'read-write', url: server.url, team: 'acme' });
      expect(saved).toMatchObject({ ok: true, value: { tokenSet: true, signingKeySet: true } });
      expect(await service.request('upgrade.start', { toVersion: '11.13.0' })).toMatchObject({ ok: true });
      for (;;) {
        const status = await service.request('environment.status', {});
        if (!status.ok) throw new Error(status.error.message);
        const { lock, activeRun } = status.value as { lock: unknown; activeRun: unknown };
        if (!lock && !activeRun) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const report = await readJsonReport(env);
      expect(report.run.sharedCache).toMatchObject({ uploaded: 1, errors: 0 });
      const state = await service.request('sharedCache.state', {});
      expect(state).toMatchObject({
        ok: true,
        value: { lastRun: { runId: report.run.id, kind: 'upgrade', counts: report.run.sharedCache } },
      });
      expect(Object.keys(server.snapshot()).some((file) => file.startsWith('acme'))).toBe(true);
    },
    SETUP_TIMEOUT_MS,
  );
});
