import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { killIfRunning, startCli } from '../../../test-support/background-cli';
import { writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';

/** One GET on a connection of its own: its status and Retry-After, or the network error that ended it. */
function get(url: URL, cookie: string): Promise<{ status: number; retryAfter?: string } | { error: string }> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, headers: { Cookie: cookie } }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string }),
      );
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe('serve under a burst of connections', () => {
  const imported = importedEnvironment({
    factory: (dir) => writeTestFactory(dir, { modules: [{ name: 'CommonLib', state: 'uploaded' }] }),
  });

  it('answers every one of 200 parallel requests: the page, or 503 with Retry-After past the cap; none is reset', async () => {
    const serve = startCli(['serve', '--env', imported.dir]);
    try {
      await serve.printed(/\n/, 'stdout');
      const address = new URL(serve.stdout().trim());
      const login = await fetch(address, { redirect: 'manual' });
      expect(login.status).toBe(303);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const page = new URL('/', address.origin);

      // The page's answer alone (404 where the renderer is not built): the burst must get that or 503.
      const alone = await get(page, cookie);
      expect('status' in alone).toBe(true);
      const served = 'status' in alone ? alone.status : 0;
      const answers = await Promise.all(Array.from({ length: 200 }, () => get(page, cookie)));
      expect(answers.filter((answer) => 'error' in answer)).toEqual([]);
      for (const answer of answers) {
        if ('error' in answer) continue;
        expect([served, 503]).toContain(answer.status);
        if (answer.status === 503) expect(answer.retryAfter).toMatch(/^\d+$/);
      }
      expect(answers.some((answer) => 'status' in answer && answer.status === served)).toBe(true);
    } finally {
      killIfRunning(serve);
    }
  });
});
