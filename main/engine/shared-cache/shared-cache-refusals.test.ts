import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_ENTRY, MANIFEST_ENTRY, packArtifact } from './artifact-archive';
import { openSharedCache } from './open-shared-cache';
import type { SharedCacheClientOptions } from './shared-cache-client';
import type { SharedCompilation } from './shared-cache-types';
import { startCacheServer, type CacheServer } from '../../../test-support/cache-server';
import { craftArchive, putRawArtifact } from '../../../test-support/craft-artifact';
import { randomInputHash, sampleCompilation } from '../../../test-support/sample-compilation';

const KEY = 'production signing key';
const TEAM = 'acme';

/** A download refused is a miss, counted in `refused`: the module compiles locally (spec §4d). */
describe('downloads the shared cache refuses', () => {
  /** Run as the README says for a signed pipeline: it keeps each upload's signature. */
  let server: CacheServer;
  /** Run without a signature key of its own: it drops the signatures it is sent. */
  let plainServer: CacheServer;
  beforeAll(async () => {
    [server, plainServer] = await Promise.all([startCacheServer(), startCacheServer({ keepsSignatures: false })]);
  });
  afterAll(() => Promise.all([server?.dispose(), plainServer?.dispose()]));

  const client = (
    signingKey: string | null,
    mode: 'read-only' | 'read-write',
    { on = server, ...extra }: Partial<SharedCacheClientOptions> & { on?: CacheServer } = {},
  ) => {
    const refusals: string[] = [];
    const cache = openSharedCache(
      { mode, url: on.url, team: TEAM },
      { token: on.token, signingKey },
      { environmentName: 'Acme QA', onRefused: (_hash, reason) => refusals.push(reason), ...extra },
    )!;
    return { cache, refusals };
  };

  async function upload(signingKey: string | null, compilation = sampleCompilation(), on = server) {
    const { cache } = client(signingKey, 'read-write', { on });
    cache.offer(compilation);
    await cache.flush(10_000);
    expect(cache.counts().uploaded).toBe(1);
    return compilation;
  }

  async function expectRefused(inputHash: string, reason: RegExp, reader = client(KEY, 'read-only')): Promise<void> {
    const found = await reader.cache.lookup([inputHash]);
    expect(found.size).toBe(0);
    expect(reader.cache.counts()).toEqual({ hits: 0, misses: 0, refused: 1, uploaded: 0, errors: 0 });
    expect(reader.refusals).toHaveLength(1);
    expect(reader.refusals[0]).toMatch(reason);
  }

  const sharedFrom = (compilation: Omit<SharedCompilation, 'origin'>): SharedCompilation => ({
    ...compilation,
    origin: { environment: 'Mallory', uploadedAt: new Date().toISOString() },
  });

  it('accepts an upload signed with the same key', async () => {
    const compilation = await upload(KEY);
    const reader = client(KEY, 'read-only');
    expect((await reader.cache.lookup([compilation.inputHash])).size).toBe(1);
    expect(reader.cache.counts().hits).toBe(1);
  });

  it('never hits an upload made without a signing key: the server hides it, or the reader refuses it', async () => {
    const hidden = await upload(null);
    const reader = client(KEY, 'read-only');
    expect((await reader.cache.lookup([hidden.inputHash])).size).toBe(0);
    expect(reader.cache.counts()).toMatchObject({ hits: 0, misses: 1 });

    const unsigned = await upload(null, sampleCompilation(), plainServer);
    await expectRefused(unsigned.inputHash, /no signature/, client(KEY, 'read-only', { on: plainServer }));
  });

  it('refuses every signed upload when the server drops signatures', async () => {
    const compilation = await upload(KEY, sampleCompilation(), plainServer);
    await expectRefused(compilation.inputHash, /no signature/, client(KEY, 'read-only', { on: plainServer }));
  });

  it('refuses an upload signed with another key', async () => {
    const compilation = await upload('a writer guessing the key');
    await expectRefused(compilation.inputHash, /wrong signature/);
  });

  it('refuses an artifact whose bytes were changed on the server, signed or not', async () => {
    for (const [key, on] of [[KEY, server] as const, [null, plainServer] as const]) {
      const compilation = await upload(key, sampleCompilation(), on);
      const stored = path.join(on.storage, TEAM, compilation.inputHash);
      const bytes = fs.readFileSync(stored);
      bytes[bytes.length - 12] ^= 0xff;
      fs.writeFileSync(stored, bytes);
      await expectRefused(compilation.inputHash, key ? /wrong signature/ : /damaged/, client(key, 'read-only', { on }));
    }
  });

  it('refuses a signed artifact whose content does not match its digest', async () => {
    const compilation = sampleCompilation();
    const changed = sharedFrom({
      ...compilation,
      content: { ...compilation.content, js: { 'src/index.js': 'evil()' } },
    });
    await putRawArtifact(server, {
      team: TEAM,
      hash: compilation.inputHash,
      bytes: await packArtifact(changed),
      signingKey: KEY,
    });
    await expectRefused(compilation.inputHash, /does not match its digest/);
  });

  it('refuses a signed artifact that holds the compilation of another input hash', async () => {
    const other = sampleCompilation();
    const asked = randomInputHash();
    await putRawArtifact(server, {
      team: TEAM,
      hash: asked,
      bytes: await packArtifact(sharedFrom(other)),
      signingKey: KEY,
    });
    await expectRefused(asked, /another input hash/);
  });

  it('refuses an artifact larger than the limit without reading it, and one that unpacks too large', async () => {
    const noisy = sampleCompilation({ content: { js: { 'src/index.js': randomBytes(8192).toString('base64') } } });
    await upload(KEY, noisy);
    await expectRefused(
      noisy.inputHash,
      /larger than 4096 bytes/,
      client(KEY, 'read-only', { limits: { maxArtifactBytes: 4096 } }),
    );

    const bomb = sampleCompilation({ content: { js: { 'src/index.js': 'x'.repeat(2_000_000) } } });
    await upload(KEY, bomb);
    await expectRefused(
      bomb.inputHash,
      /unpacks to more than/,
      client(KEY, 'read-only', { limits: { maxUnpackedBytes: 1_000_000 } }),
    );
  });

  it.each([
    ['../x', /outside the artifact/],
    ['/etc/cron.d/x', /outside the artifact/],
    ['notes.txt', /unexpected entry/],
    [CONTENT_ENTRY, /duplicate entry/],
  ])('refuses a signed artifact with an extra entry named %s', async (name, reason) => {
    const compilation = sharedFrom(sampleCompilation());
    const { content, ...manifest } = compilation;
    const bytes = await craftArchive([
      [MANIFEST_ENTRY, JSON.stringify({ format: 1, ...manifest })],
      [CONTENT_ENTRY, JSON.stringify(content)],
      [name, 'more'],
    ]);
    await putRawArtifact(server, { team: TEAM, hash: compilation.inputHash, bytes, signingKey: KEY });
    await expectRefused(compilation.inputHash, reason);
  });

  it('refuses bytes that are no archive at all', async () => {
    const hash = randomInputHash();
    await putRawArtifact(server, { team: TEAM, hash, bytes: Buffer.from('not a tar'), signingKey: KEY });
    await expectRefused(hash, /not a gzip archive/);
  });
});
