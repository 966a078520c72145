import { describe, expect, it } from 'vitest';
import { generateFactory } from '../../../test-support/generated-factory';
import { startCli, waitFor } from '../../../test-support/background-cli';
import {
  compilationsPerModule,
  queryEnvironment as query,
  readEnvironmentDb,
} from '../../../test-support/environment-db';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport as report, reportStatuses as statuses } from '../../../test-support/json-report';
import { faults, runCliIn as cli, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

/** The imported (not yet upgraded) environment; each test changes a copy of its own (`imported.fresh()`). */
const imported = importedEnvironment({
  prefix: 'config-tool-prepare-',
  factory: (dir) =>
    generateFactory(dir, {
      moduleCount: 36,
      applicationCount: 5,
      maxDepth: 4,
      filesPerModule: 2,
      seed: 11,
      cycles: 1,
      removedApiUsers: 0.12,
      uploadedOnly: 0.06,
      publishFailed: 0.06,
    }),
  settings: { moduleTimeLimitSeconds: '5' },
});

/**
 * These tests pin section 4's whole-environment lock, which upgrades to 11.12.0–11.16.x keep; the progressive
 * preparation of 11.17.0 and later has its own tests (progressive-preparation.test.ts).
 */
const WHOLE_LOCK_TARGET = '11.13.0';

/** Starts `config-tool upgrade` in the background; resolves its exit when it ends. */
function startUpgrade(env: string, extraEnv: Record<string, string> = {}) {
  return startCli(['upgrade', '--to', WHOLE_LOCK_TARGET, '--env', env], extraEnv);
}

/** Every row of every table but the logs and the lock, to compare an environment before and after. */
function tableDump(env: string): Record<string, string[]> {
  return readEnvironmentDb(env, (db) => {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('operations_log', 'upgrades', 'run_log', 'locks') ORDER BY name`,
      )
      .all() as { name: string }[];
    // Sorted in JS: some tables are WITHOUT ROWID.
    const rows = (name: string) =>
      (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
    return Object.fromEntries(tables.map(({ name }) => [name, rows(name)]));
  });
}

describe('modules preparation (spec §4)', () => {
  it(
    'ends every module with the status the oracle expects, and exits 3 when some are not prepared',
    async () => {
      const env = imported.fresh();
      const upgrade = await cli(env, ['upgrade', '--to', WHOLE_LOCK_TARGET]);
      const expected = Object.values(imported.factory.expected);
      expect(upgrade.status).toBe(expected.includes('failed') || expected.includes('skipped') ? 3 : 0);
      const json = await report(env);
      expect(json.run.status).toBe('finished');
      expect(statuses(json)).toEqual(imported.factory.expected);
      for (const module of json.modules.filter((entry) => entry.status === 'skipped')) {
        expect(module.errors[0].message).toMatch(/producer '\w+'/);
      }
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'deploys the members of a reference cycle at import, and prepares them together',
    async () => {
      expect(imported.factory.cycles).toHaveLength(1);
      const members = imported.factory.cycles[0];
      const running = query<{ name: string }>(
        imported.dir,
        'SELECT m.name FROM deployments d JOIN modules m ON m.id = d.module_id',
      ).map((row) => row.name);
      for (const name of members) expect(running).toContain(name);
      const env = imported.fresh();
      await cli(env, ['upgrade', '--to', WHOLE_LOCK_TARGET]);
      const byName = new Map((await report(env)).modules.map((module) => [module.name, module]));
      const statusesOfCycle = new Set(members.map((name) => byName.get(name)!.status));
      expect(statusesOfCycle).toEqual(new Set([imported.factory.expected[members[0]]]));
      if (imported.factory.expected[members[0]] === 'failed') {
        for (const name of members) expect(byName.get(name)!.errors[0].message).toContain('reference cycle');
      }
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'deploys nothing: what runs stays exactly as before the preparation',
    async () => {
      const env = imported.fresh();
      const before = query(env, 'SELECT module_id, artifact_id, platform_version FROM deployments ORDER BY module_id');
      await cli(env, ['upgrade', '--to', WHOLE_LOCK_TARGET]);
      const after = query(
        env,
        `SELECT d.module_id, d.artifact_id, d.platform_version FROM deployments d JOIN modules m ON m.id = d.module_id WHERE m.is_system = 0 ORDER BY d.module_id`,
      );
      expect(after).toEqual(before);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'refuses publish, delete and config apply from another process while a run is active (exit 4)',
    async () => {
      const env = imported.fresh();
      const hung = Object.entries(imported.factory.expected).find(([, status]) => status === 'prepared')![0];
      const upgrade = startUpgrade(env, faults(`hang:${hung}`));
      await waitFor(
        () => query(env, `SELECT 1 FROM locks WHERE operation = 'preparation'`).length > 0,
        'the preparation lock',
      );
      const target = imported.factory.modules.find((module) => module.state === 'published')!.name;
      for (const args of [
        ['publish', target],
        ['delete', target],
        ['config', 'apply'],
      ]) {
        const refused = await cli(env, args);
        expect(refused.status, args.join(' ')).toBe(4);
        expect(refused.stderr).toMatch(/refused/);
        expect(refused.stderr).toMatch(/preparation lock/);
        expect(refused.stderr).toMatch(/started by .+ at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      }
      const logged = query<{ operation: string }>(
        env,
        `SELECT operation FROM operations_log WHERE outcome = 'refused'`,
      );
      expect(logged.map((row) => row.operation).sort()).toEqual(['config-apply', 'delete', 'publish']);
      expect(await upgrade.exited).toBe(3);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'fails a module whose compiler crashes or hangs, with the reason, and finishes the run',
    async () => {
      const env = imported.fresh();
      const prepared = Object.entries(imported.factory.expected)
        .filter(([, status]) => status === 'prepared')
        .map(([name]) => name);
      const [crashing, hanging] = prepared;
      const upgrade = await cli(
        env,
        ['upgrade', '--to', WHOLE_LOCK_TARGET],
        faults(`crash:${crashing},hang:${hanging}`),
      );
      expect(upgrade.status).toBe(3);
      const json = await report(env);
      expect(json.run.status).toBe('finished');
      const byName = new Map(json.modules.map((module) => [module.name, module]));
      expect(byName.get(crashing)!.status).toBe('failed');
      expect(byName.get(crashing)!.errors[0].message).toMatch(/crashed/);
      expect(byName.get(hanging)!.status).toBe('failed');
      expect(byName.get(hanging)!.errors[0].message).toMatch(/time limit/);
      const others = prepared.filter(
        (name) =>
          name !== crashing &&
          name !== hanging &&
          imported.factory.modules.find((m) => m.name === name)!.references.length === 0,
      );
      for (const name of others) expect(byName.get(name)!.status).toBe('prepared');
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'retries only the failed and skipped modules, as a new run linked to the earlier one',
    async () => {
      const env = imported.fresh();
      const producer = imported.factory.modules.find(
        (module) =>
          imported.factory.expected[module.name] === 'prepared' &&
          imported.factory.modules.some((consumer) => consumer.references.includes(module.name)),
      )!.name;
      expect((await cli(env, ['upgrade', '--to', WHOLE_LOCK_TARGET], faults(`crash:${producer}`))).status).toBe(3);
      const first = await report(env);
      const notPrepared = first.modules.filter((module) => module.status !== 'prepared').map((module) => module.name);
      expect(notPrepared).toContain(producer);
      const compiledBefore = compilationsPerModule(env, 'prepare');

      const retry = await cli(env, ['prepare']);
      const second = await report(env);
      expect(second.run.id).toBe(first.run.id + 1);
      expect(
        query<{ retryOf: number }>(env, 'SELECT retry_of AS retryOf FROM preparation_runs WHERE id = @id', {
          id: second.run.id,
        })[0].retryOf,
      ).toBe(first.run.id);
      expect(statuses(second)).toEqual(imported.factory.expected);
      expect(retry.status).toBe(
        Object.values(imported.factory.expected).some((status) => status === 'failed' || status === 'skipped') ? 3 : 0,
      );
      const compiledAfter = compilationsPerModule(env, 'prepare');
      const recompiled = Object.entries(compiledAfter)
        .filter(([name, count]) => count > (compiledBefore[name] ?? 0))
        .map(([name]) => name);
      expect(recompiled.length).toBeGreaterThan(0);
      for (const name of recompiled) expect(notPrepared).toContain(name);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'resumes a run whose coordinator was killed, compiling no prepared module twice',
    async () => {
      const env = imported.fresh();
      expect((await cli(env, ['config', 'set', 'parallelCompilations', '1'])).status).toBe(0);
      expect((await cli(env, ['config', 'apply'])).status).toBe(0);
      const upgrade = startUpgrade(env);
      await waitFor(
        () => query(env, `SELECT 1 FROM preparation_items WHERE status = 'prepared'`).length >= 4,
        'four prepared modules',
      );
      upgrade.child.kill('SIGKILL');
      await upgrade.exited;
      const preparedBeforeKill = query<{ name: string }>(
        env,
        `SELECT module_name AS name FROM preparation_items WHERE status = 'prepared'`,
      ).map((row) => row.name);
      const runBefore = query<{ id: number }>(env, 'SELECT max(id) AS id FROM preparation_runs')[0].id;

      const status = JSON.parse((await cli(env, ['status', '--json'])).stdout) as { latestRun: { status: string } };
      expect(status.latestRun.status).toBe('interrupted');

      await cli(env, ['prepare']);
      const json = await report(env);
      expect(json.run.id).toBe(runBefore);
      expect(json.run.status).toBe('finished');
      expect(statuses(json)).toEqual(imported.factory.expected);
      const compilations = compilationsPerModule(env, 'prepare');
      for (const name of preparedBeforeKill) expect(compilations[name], name).toBe(1);
    },
    SETUP_TIMEOUT_MS,
  );
});

describe('upgrade (Apply/Exit)', () => {
  it('refuses an unknown target and one older than the environment', async () => {
    const env = imported.fresh();
    const unknown = await cli(env, ['upgrade', '--to', '9.9.9']);
    expect(unknown.status).toBe(2);
    const older = await cli(env, ['upgrade', '--to', '11.10.0']);
    expect(older.status).toBe(1);
    expect(older.stderr).toMatch(/already at 11\.11\.3/);
  });

  it(
    'leaves every row exactly as before when a step fails, and names the step',
    async () => {
      const env = imported.fresh();
      const before = tableDump(env);
      const failed = await cli(env, ['upgrade', '--to', WHOLE_LOCK_TARGET], faults('upgrade-fail:system-components'));
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(/failed at step 'system-components' and was rolled back/);
      expect(tableDump(env)).toEqual(before);
      const status = JSON.parse((await cli(env, ['status', '--json'])).stdout) as {
        platformVersion: string;
        lastUpgradeFailure: { step: string };
      };
      expect(status.platformVersion).toBe('11.11.3');
      expect(status.lastUpgradeFailure.step).toBe('system-components');
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'rolls back an upgrade killed before it switched versions on the next start',
    async () => {
      const env = imported.fresh();
      const before = tableDump(env);
      const killed = await cli(env, ['upgrade', '--to', WHOLE_LOCK_TARGET], faults('upgrade-crash:switch-version'));
      expect(killed.status).not.toBe(0);
      const status = JSON.parse((await cli(env, ['status', '--json'])).stdout) as {
        platformVersion: string;
        lastUpgradeFailure: { step: string } | null;
      };
      expect(status.platformVersion).toBe('11.11.3');
      expect(status.lastUpgradeFailure?.step).toBe('switch-version');
      expect(tableDump(env)).toEqual(before);
    },
    SETUP_TIMEOUT_MS,
  );
});

describe('after preparation', () => {
  it(
    'publishes a prepared module from its prepared compilation, without compiling again',
    async () => {
      const env = imported.fresh();
      await cli(env, ['upgrade', '--to', WHOLE_LOCK_TARGET]);
      const prepared = imported.factory.modules.find(
        (module) => imported.factory.expected[module.name] === 'prepared' && module.references.length > 0,
      )!;
      const compilationsBefore = query<{ n: number }>(env, 'SELECT count(*) AS n FROM compilations')[0].n;
      const published = await cli(env, ['publish', prepared.name]);
      expect(published.status).toBe(0);
      expect(query<{ n: number }>(env, 'SELECT count(*) AS n FROM compilations')[0].n).toBe(compilationsBefore);
      const running = query<{ version: string }>(
        env,
        'SELECT d.platform_version AS version FROM deployments d JOIN modules m ON m.id = d.module_id WHERE m.name = @name',
        { name: prepared.name },
      );
      expect(running[0].version).toBe('11.13.0');
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'deploy-prepared deploys every prepared module without compiling, and a second run deploys nothing',
    async () => {
      const env = imported.fresh();
      await cli(env, ['upgrade', '--to', WHOLE_LOCK_TARGET]);
      const compilationsBefore = query<{ n: number }>(env, 'SELECT count(*) AS n FROM compilations')[0].n;
      const first = await cli(env, ['deploy-prepared', '--json']);
      expect(first.status, first.stderr).toBe(0);
      const deployed = (JSON.parse(first.stdout) as { deployed: string[] }).deployed;
      const prepared = Object.keys(imported.factory.expected).filter(
        (name) => imported.factory.expected[name] === 'prepared',
      );
      expect([...deployed].sort()).toEqual([...prepared].sort());
      const running = query<{ name: string }>(
        env,
        `SELECT m.name FROM deployments d JOIN modules m ON m.id = d.module_id WHERE m.is_system = 0 AND d.platform_version = '11.13.0'`,
      ).map((row) => row.name);
      expect(running.sort()).toEqual([...prepared].sort());
      expect(query<{ n: number }>(env, 'SELECT count(*) AS n FROM compilations')[0].n).toBe(compilationsBefore);
      const second = await cli(env, ['deploy-prepared', '--json']);
      expect((JSON.parse(second.stdout) as { deployed: string[] }).deployed).toEqual([]);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'at scale, deploy-prepared names at most 20 modules and how many more (all with --verbose), and a publish says it reused the prepared compilation',
    async () => {
      const prepared = Object.keys(imported.factory.expected).filter(
        (name) => imported.factory.expected[name] === 'prepared',
      );
      expect(prepared.length).toBeGreaterThan(21);
      const env = imported.fresh();
      await cli(env, ['upgrade', '--to', WHOLE_LOCK_TARGET]);
      const publish = await cli(env, ['publish', prepared[0]!]);
      expect(publish.status, publish.stderr).toBe(0);
      expect(publish.stderr).toContain(`Reused the prepared compilation of ${prepared[0]} (1 of 1)`);
      expect(publish.stderr).not.toContain('Compiled module');

      const deploy = await cli(env, ['deploy-prepared']);
      expect(deploy.status, deploy.stderr).toBe(0);
      const left = prepared.length - 1;
      const line = deploy.stdout.split('\n').find((text) => text.startsWith('Deployed '))!;
      expect(line).toContain(`Deployed ${left} prepared modules for platform ${WHOLE_LOCK_TARGET}: `);
      expect(line).toMatch(new RegExp(` and ${left - 20} more \\(--verbose lists them all\\)\\.$`));
      expect(
        line
          .slice(line.indexOf(': ') + 2)
          .split(' and ')[0]!
          .split(', '),
      ).toHaveLength(20);

      const other = imported.fresh();
      await cli(other, ['upgrade', '--to', WHOLE_LOCK_TARGET]);
      const verbose = await cli(other, ['deploy-prepared', '--verbose']);
      const all = verbose.stdout.split('\n').find((text) => text.startsWith('Deployed '))!;
      expect(
        all
          .slice(all.indexOf(': ') + 2, -1)
          .split(', ')
          .sort(),
      ).toEqual([...prepared].sort());
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'refuses to publish a module whose producer is not prepared, naming the producer',
    async () => {
      const env = imported.fresh();
      await cli(env, ['upgrade', '--to', WHOLE_LOCK_TARGET]);
      const skipped = imported.factory.modules.find((module) => imported.factory.expected[module.name] === 'skipped')!;
      expect(skipped).toBeDefined();
      const result = await cli(env, ['publish', skipped.name]);
      expect(result.status).toBe(1);
      const blocking = skipped.references.filter((name) => imported.factory.expected[name] !== 'prepared');
      expect(result.stderr).toMatch(
        new RegExp(`its producer '(${blocking.join('|')})' has no publication for platform 11\\.13\\.0`),
      );
    },
    SETUP_TIMEOUT_MS,
  );
});
