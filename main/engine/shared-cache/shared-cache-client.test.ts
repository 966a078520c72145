import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharedCache } from './open-shared-cache';
import type { SharedCacheMode, SharedCompilationCache } from './shared-cache-types';
import { startCacheServer, type CacheServer } from '../../../test-support/cache-server';
import { startCountingProxy } from '../../../test-support/fault-servers';
import { randomInputHash, sampleCompilation } from '../../../test-support/sample-compilation';

const SIGNING_KEY = 'the pipeline signing key';

describe('the shared compilation cache between two environments', () => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startCacheServer();
  });
  afterAll(() => server?.dispose());

  const open = (
    environmentName: string,
    mode: SharedCacheMode,
    options: { url?: string; team?: string; lookupConcurrency?: number; uploadConcurrency?: number } = {},
  ): SharedCompilationCache =>
    openSharedCache(
      { mode, url: options.url ?? server.url, team: options.team ?? 'acme' },
      { token: server.token, signingKey: SIGNING_KEY },
      { environmentName, ...options },
    )!;

  it('is not opened at all when its mode is off', () => {
    const cache = openSharedCache(
      { mode: 'off', url: server.url, team: 'acme' },
      { token: null, signingKey: null },
      { environmentName: 'Acme QA' },
    );
    expect(cache).toBeNull();
  });

  it('gives environment B the compilation environment A uploaded, with where and when it came from', async () => {
    const qa = open('Acme QA', 'read-write');
    const compilation = sampleCompilation();
    qa.offer(compilation);
    await qa.flush(10_000);
    expect(qa.counts()).toEqual({ hits: 0, misses: 0, refused: 0, uploaded: 1, errors: 0 });

    const production = open('Acme Production', 'read-only');
    const other = randomInputHash();
    const found = await production.lookup([compilation.inputHash, other]);
    expect([...found.keys()]).toEqual([compilation.inputHash]);
    const shared = found.get(compilation.inputHash)!;
    expect(shared).toMatchObject({ ...compilation, origin: { environment: 'Acme QA' } });
    expect(Date.parse(shared.origin.uploadedAt)).not.toBeNaN();
    expect(production.counts()).toEqual({ hits: 1, misses: 1, refused: 0, uploaded: 0, errors: 0 });
    expect(production.unavailableReason()).toBeNull();
  });

  it('keeps failed compilations too, with their diagnostics', async () => {
    const dev = open('Acme Dev', 'read-write');
    const failed = sampleCompilation({
      content: {
        success: false,
        interfaceHash: null,
        js: {},
        declarations: {},
        diagnostics: [{ message: "Cannot find name 'x'.", file: 'src/index.ts', line: 3, column: 7 }],
      },
    });
    dev.offer(failed);
    await dev.flush(10_000);
    const found = await open('Acme QA', 'read-only').lookup([failed.inputHash]);
    expect(found.get(failed.inputHash)?.content).toEqual(failed.content);
  });

  it('stores entries by input hash and team only: another team does not see them', async () => {
    const dev = open('Acme Dev', 'read-write');
    const compilation = sampleCompilation();
    dev.offer(compilation);
    await dev.flush(10_000);
    expect(Object.keys(server.snapshot())).toContain(`acme/${compilation.inputHash}`);
    const otherTeam = open('Beta QA', 'read-only', { team: 'beta' });
    expect((await otherTeam.lookup([compilation.inputHash])).size).toBe(0);
    expect(otherTeam.counts().misses).toBe(1);
  });

  it('never writes in read-only mode: the server storage stays as it was', async () => {
    const before = server.snapshot();
    const production = open('Acme Production', 'read-only');
    expect(production.mode).toBe('read-only');
    for (let i = 0; i < 5; i += 1) production.offer(sampleCompilation());
    await production.flush(10_000);
    await production.lookup([randomInputHash()]);
    expect(server.snapshot()).toEqual(before);
    expect(production.counts().uploaded).toBe(0);
  });

  it('pipelines many lookups with a bounded number in flight', async () => {
    const proxy = await startCountingProxy(server.url);
    try {
      const hashes = Array.from({ length: 60 }, randomInputHash);
      const cache = open('Acme QA', 'read-only', { url: proxy.url, lookupConcurrency: 4 });
      await cache.lookup(hashes);
      expect(proxy.requests).toHaveLength(60);
      expect(proxy.maxInFlight()).toBeLessThanOrEqual(4);
      expect(proxy.maxInFlight()).toBeGreaterThan(1);
      expect(cache.counts().misses).toBe(60);
    } finally {
      await proxy.close();
    }
  });

  it('uploads in the background with a bounded number in flight, all of them by the flush', async () => {
    const proxy = await startCountingProxy(server.url);
    try {
      const cache = open('Acme Dev', 'read-write', { url: proxy.url, uploadConcurrency: 2 });
      for (let i = 0; i < 12; i += 1) cache.offer(sampleCompilation());
      await cache.flush(30_000);
      expect(proxy.requests.filter((request) => request.method === 'PUT')).toHaveLength(12);
      expect(proxy.maxInFlight()).toBeLessThanOrEqual(2);
      expect(cache.counts()).toMatchObject({ uploaded: 12, errors: 0 });
    } finally {
      await proxy.close();
    }
  });
});
