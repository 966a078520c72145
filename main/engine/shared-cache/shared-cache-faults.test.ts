import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharedCache } from './open-shared-cache';
import type { SharedCacheClientOptions } from './shared-cache-client';
import type { SharedCacheSecrets } from './shared-cache-types';
import { startCacheServer, type CacheServer } from '../../../test-support/cache-server';
import {
  startCountingProxy,
  startResettingServer,
  startSilentServer,
  startStatusServer,
  type LocalServer,
} from '../../../test-support/fault-servers';
import { randomInputHash, sampleCompilation } from '../../../test-support/sample-compilation';

const hashes = (count: number) => Array.from({ length: count }, randomInputHash);

/** Faults never fail a run: every lookup ends, counted as an error, and the first reason is said (spec §4d). */
describe('a shared cache that cannot be used', () => {
  let server: CacheServer;
  const locals: LocalServer[] = [];
  beforeAll(async () => {
    server = await startCacheServer({ token: 'the-real-token-1234' });
  });
  afterAll(async () => {
    await Promise.all(locals.map((local) => local.close()));
    await server?.dispose();
  });

  const open = (
    url: string,
    secrets: Partial<SharedCacheSecrets> = {},
    options: Partial<SharedCacheClientOptions> = {},
    mode: 'read-only' | 'read-write' = 'read-only',
  ) =>
    openSharedCache(
      { mode, url, team: 'acme' },
      { token: server.token, signingKey: 'the-signing-key-5678', ...secrets },
      { environmentName: 'Acme Production', ...options },
    )!;

  async function local<T extends LocalServer>(started: Promise<T>): Promise<T> {
    const it = await started;
    locals.push(it);
    return it;
  }

  function expectNoSecret(reason: string | null): void {
    expect(reason).not.toBeNull();
    expect(reason).not.toContain('the-real-token-1234');
    expect(reason).not.toContain('wrong-token');
    expect(reason).not.toContain('the-signing-key-5678');
  }

  it('counts every lookup as an error when the server is down', async () => {
    const stopped = await startCacheServer();
    const url = stopped.url;
    await stopped.dispose();
    const cache = open(url, {}, { lookupConcurrency: 1 });
    expect((await cache.lookup(hashes(20))).size).toBe(0);
    expect(cache.counts()).toEqual({ hits: 0, misses: 0, refused: 0, uploaded: 0, errors: 20 });
    expect(cache.unavailableReason()).toMatch(
      /^The shared cache at http:\/\/127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)\.$/,
    );
  });

  it('gives up a request the server never answers after the time limit', async () => {
    const silent = await local(startSilentServer());
    const cache = open(silent.url, {}, { requestTimeoutMs: 300, lookupConcurrency: 2 });
    expect((await cache.lookup(hashes(10))).size).toBe(0);
    expect(cache.counts().errors).toBe(10);
    // Three faults in a row, then the rest are not sent: a hung server costs a run a few time limits.
    expect(silent.requests.length).toBeLessThanOrEqual(4);
    expect(cache.unavailableReason()).toContain('did not answer within 0.3 s');
  });

  it('bounds the flush of uploads to a server that never answers, dropping what is left', async () => {
    const silent = await local(startSilentServer());
    const cache = open(silent.url, {}, { requestTimeoutMs: 60_000, uploadConcurrency: 2 }, 'read-write');
    for (let i = 0; i < 5; i += 1) cache.offer(sampleCompilation());
    await cache.flush(300);
    expect(cache.counts()).toMatchObject({ uploaded: 0, errors: 5 });
  });

  it('stops at once when the server refuses the token (401), and never shows the token', async () => {
    const proxy = await local(startCountingProxy(server.url));
    const cache = open(proxy.url, { token: 'wrong-token' }, { lookupConcurrency: 1 });
    await cache.lookup(hashes(10));
    expect(proxy.requests).toHaveLength(1);
    expect(cache.counts().errors).toBe(10);
    expect(cache.unavailableReason()).toContain('refused the token (HTTP 401)');
    expectNoSecret(cache.unavailableReason());
  });

  it('says a token is missing when there is none', async () => {
    const cache = open(server.url, { token: null });
    await cache.lookup(hashes(1));
    expect(cache.unavailableReason()).toContain("run 'config-tool cache login'");
  });

  it('counts server errors (5xx) as errors, uploads included', async () => {
    const failing = await local(startStatusServer(503));
    const cache = open(failing.url, {}, { lookupConcurrency: 1 }, 'read-write');
    await cache.lookup(hashes(3));
    expect(cache.unavailableReason()).toMatch(/answered HTTP 503\.$/);
    cache.offer(sampleCompilation());
    await cache.flush(10_000);
    expect(cache.counts()).toEqual({ hits: 0, misses: 0, refused: 0, uploaded: 0, errors: 4 });
    expectNoSecret(cache.unavailableReason());
  });

  it('counts a download cut off midway as an error, not a hit', async () => {
    const resetting = await local(startResettingServer());
    const cache = open(resetting.url);
    expect((await cache.lookup(hashes(1))).size).toBe(0);
    expect(cache.counts()).toMatchObject({ hits: 0, refused: 0, errors: 1 });
    expect(cache.unavailableReason()).toContain('broke off a download');
  });

  it('keeps saying the first reason, whatever came after', async () => {
    const failing = await local(startStatusServer(500));
    const cache = open(failing.url, {}, { lookupConcurrency: 1 });
    await cache.lookup(hashes(2));
    const first = cache.unavailableReason();
    await cache.lookup(hashes(2));
    expect(cache.unavailableReason()).toBe(first);
  });

  it('is unusable, with the reason, when its settings lack a URL', async () => {
    const cache = openSharedCache(
      { mode: 'read-only', url: null, team: 'acme' },
      { token: null, signingKey: null },
      { environmentName: 'Acme Production' },
    )!;
    await cache.lookup(hashes(2));
    expect(cache.counts().errors).toBe(2);
    expect(cache.unavailableReason()).toContain('has no url');
  });
});
