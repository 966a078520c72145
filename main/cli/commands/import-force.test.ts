import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killIfRunning, startCli, waitFor } from '../../../test-support/background-cli';
import { librarySource, writeTestFactory } from '../../../test-support/factories';
import { readEnvironmentDb } from '../../../test-support/environment-db';
import { faults, makeTempDir, removeTempDir, runCliIn, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

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
      expect((await runCliIn(env, ['import', first])).status).toBe(0);
      const killed = await runCliIn(env, ['upgrade', '--to', '11.13.0'], faults('upgrade-crash:system-components'));
      expect(killed.status).not.toBe(0);
      expect(fs.existsSync(path.join(env, 'upgrade-in-progress.json'))).toBe(true);

      const replaced = await runCliIn(env, ['import', second, '--force']);
      expect(replaced.status, replaced.stderr).toBe(0);
      expect(fs.existsSync(path.join(env, 'upgrade-in-progress.json'))).toBe(false);
      expect(fs.existsSync(path.join(env, 'backups'))).toBe(false);

      const status = await runCliIn(env, ['status', '--json']);
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
      expect((await runCliIn(env, ['import', first])).status).toBe(0);
      const serve = startCli(['serve', '--env', env]);
      try {
        await serve.printed(/\n/, 'stdout');
        // The service process opens the environment once serve is up.
        const openBy = path.join(env, 'open-by');
        await waitFor(
          () => fs.existsSync(openBy) && fs.readdirSync(openBy).length > 0,
          'serve to open the environment',
          60_000,
        );

        const refused = await runCliIn(env, ['import', second, '--force']);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toMatch(/the environment is open in config-tool serve \(PID \d+ on .+, user .+, since /);
        expect(refused.stderr).toContain('Close it there');
        expect(moduleNames(env)).toEqual(['FirstLib']);

        serve.child.kill('SIGINT');
        await once(serve.child, 'exit');
      } finally {
        killIfRunning(serve);
      }
      const replaced = await runCliIn(env, ['import', second, '--force']);
      expect(replaced.status, replaced.stderr).toBe(0);
      expect(moduleNames(env)).toEqual(['SecondLib']);
    },
    SETUP_TIMEOUT_MS,
  );
});
