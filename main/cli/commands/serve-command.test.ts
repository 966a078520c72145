import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { killIfRunning, startCli } from '../../../test-support/background-cli';
import { writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { runCliIn } from '../../../test-support/run-cli';

describe('serve', () => {
  const imported = importedEnvironment({
    factory: (dir) => writeTestFactory(dir, { modules: [{ name: 'CommonLib', state: 'uploaded' }] }),
  });

  it('prints a loopback address carrying the access token, refuses requests without it, and stops with exit 0 on Ctrl+C', async () => {
    const serve = startCli(['serve', '--env', imported.dir]);
    try {
      await serve.printed(/\n/, 'stdout');
      const url = new URL(serve.stdout().trim());
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.searchParams.get('token')).toMatch(/^\S{16,}$/);

      const withoutToken = await fetch(`${url.origin}/`);
      expect(withoutToken.status).toBe(403);

      serve.child.kill('SIGINT');
      const [code] = (await once(serve.child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      killIfRunning(serve);
    }
  });

  it('refuses to bind anything but a loopback address', async () => {
    const result = await runCliIn(imported.dir, ['serve', '--host', '0.0.0.0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('serve binds a loopback address only');
  });
});
