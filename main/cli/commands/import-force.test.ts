import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { librarySource, writeTestFactory } from '../test-support/factories';
import { readEnvironmentDb } from '../test-support/environment-db';
import { makeTempDir, PACKAGE_ROOT, removeTempDir, runCli, SETUP_TIMEOUT_MS } from '../test-support/run-cli';

let tmp: string;
let first: string;
let second: string;

function moduleNames(env: string): string[] {
  return readEnvironmentDb(env, (db) =>
    (db.prepare('SELECT name FROM modules WHERE is_system = 0 ORDER BY name').all() as { name: string }[]).map(
      (row) => row.name,
    ),
  );
}

beforeAll(() => {
  tmp = makeTempDir('config-tool-import-force-');
  first = writeTestFactory(path.join(tmp, 'first'), {
    name: 'First',
    modules: [{ name: 'FirstLib', state: 'published', files: librarySource('FirstLib') }],
  });
  second = writeTestFactory(path.join(tmp, 'second'), {
    name: 'Second',
    modules: [{ name: 'SecondLib', state: 'published', files: librarySource('SecondLib') }],
  });
});

afterAll(() => removeTempDir(tmp));

describe('import --force', () => {
  it(
    "takes the replaced environment's interrupted upgrade and backups with it: nothing old is restored over the import",
    async () => {
      const env = path.join(tmp, 'env-upgrade');
      expect((await runCli(['import', first, '--env', env])).status).toBe(0);
      const killed = await runCli(['upgrade', '--to', '11.13.0', '--env', env], {
        env: { CONFIG_TOOL_TEST_FAULTS: 'upgrade-crash:system-components' },
      });
      expect(killed.status).not.toBe(0);
      expect(fs.existsSync(path.join(env, 'upgrade-in-progress.json'))).toBe(true);

      const replaced = await runCli(['import', second, '--force', '--env', env]);
      expect(replaced.status, replaced.stderr).toBe(0);
      expect(fs.existsSync(path.join(env, 'upgrade-in-progress.json'))).toBe(false);
      expect(fs.existsSync(path.join(env, 'backups'))).toBe(false);

      const status = await runCli(['status', '--json', '--env', env]);
      expect(status.stderr).toBe('');
      expect((JSON.parse(status.stdout) as { name: string }).name).toBe('Second');
      expect(moduleNames(env)).toEqual(['SecondLib']);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'refuses while the environment is open in a running serve, naming it; replaces it once serve stopped',
    async () => {
      const env = path.join(tmp, 'env-serve');
      expect((await runCli(['import', first, '--env', env])).status).toBe(0);
      const serve = spawn(
        process.execPath,
        [path.join(PACKAGE_ROOT, 'bin', 'config-tool.cjs'), 'serve', '--env', env],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      try {
        let stdout = '';
        serve.stdout.setEncoding('utf8');
        while (!stdout.includes('\n')) {
          const [chunk] = (await once(serve.stdout, 'data')) as [string];
          stdout += chunk;
        }
        // The service process opens the environment once serve is up.
        const deadline = Date.now() + 60_000;
        while (!fs.existsSync(path.join(env, 'open-by')) || fs.readdirSync(path.join(env, 'open-by')).length === 0) {
          if (Date.now() > deadline) throw new Error('serve never opened the environment');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }

        const refused = await runCli(['import', second, '--force', '--env', env]);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toMatch(/the environment is open in config-tool serve \(PID \d+ on .+, user .+, since /);
        expect(refused.stderr).toContain('Close it there');
        expect(moduleNames(env)).toEqual(['FirstLib']);

        serve.kill('SIGINT');
        await once(serve, 'exit');
      } finally {
        if (serve.exitCode === null && serve.signalCode === null) serve.kill('SIGKILL');
      }
      const replaced = await runCli(['import', second, '--force', '--env', env]);
      expect(replaced.status, replaced.stderr).toBe(0);
      expect(moduleNames(env)).toEqual(['SecondLib']);
    },
    SETUP_TIMEOUT_MS,
  );
});
