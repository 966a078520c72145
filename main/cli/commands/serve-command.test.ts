import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestFactory } from '../test-support/factories';
import { makeTempDir, PACKAGE_ROOT, removeTempDir, runCli, SETUP_TIMEOUT_MS } from '../test-support/run-cli';

describe('serve', () => {
  let tmp: string;
  let envDir: string;
  beforeAll(async () => {
    tmp = makeTempDir();
    envDir = path.join(tmp, 'env');
    const factory = writeTestFactory(path.join(tmp, 'factory'), {
      modules: [{ name: 'CommonLib', state: 'uploaded' }],
    });
    expect((await runCli(['import', factory, '--env', envDir])).status).toBe(0);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => removeTempDir(tmp));

  it('prints a loopback address carrying the access token, refuses requests without it, and stops with exit 0 on Ctrl+C', async () => {
    const child = spawn(
      process.execPath,
      [path.join(PACKAGE_ROOT, 'bin', 'config-tool.cjs'), 'serve', '--env', envDir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let stdout = '';
      child.stdout.setEncoding('utf8');
      while (!stdout.includes('\n')) {
        const [chunk] = (await once(child.stdout, 'data')) as [string];
        stdout += chunk;
      }
      const url = new URL(stdout.trim());
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.searchParams.get('token')).toMatch(/^\S{16,}$/);

      const withoutToken = await fetch(`${url.origin}/`);
      expect(withoutToken.status).toBe(403);

      child.kill('SIGINT');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses to bind anything but a loopback address', async () => {
    const result = await runCli(['serve', '--host', '0.0.0.0', '--env', envDir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('serve binds a loopback address only');
  });
});
