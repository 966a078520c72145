import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type CacheServer } from './cache-server';

/** What the client relies on from the real server (turborepo-remote-cache 2.x, Turborepo API v8). */
describe('the turborepo-remote-cache server the tests start', () => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startCacheServer();
  });
  afterAll(() => server?.dispose());

  const artifact = (hash: string, team = 'acme') => `${server.url}/v8/artifacts/${hash}?teamId=${team}`;
  const auth = () => ({ authorization: `Bearer ${server.token}` });

  it('stores an artifact by hash and team, with its x-artifact-tag, in its storage folder', async () => {
    const put = await fetch(artifact('abc123'), {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/octet-stream', 'x-artifact-tag': 'c2lnbmVk' },
      body: Buffer.from('payload'),
    });
    expect(put.status).toBe(200);
    const get = await fetch(artifact('abc123'), { headers: auth() });
    expect(get.status).toBe(200);
    expect(get.headers.get('x-artifact-tag')).toBe('c2lnbmVk');
    expect(Buffer.from(await get.arrayBuffer()).toString()).toBe('payload');
    expect(Object.keys(server.snapshot()).sort()).toEqual(['acme/abc123', 'acme/abc123.tag']);
    expect((await fetch(artifact('abc123', 'other'), { headers: auth() })).status).toBe(404);
  });

  it('refuses a wrong token with 401 and answers 404 for an unknown hash', async () => {
    expect((await fetch(artifact('abc123'), { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(artifact('unknown'), { headers: auth(), method: 'HEAD' })).status).toBe(404);
  });
});
