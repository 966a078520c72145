/**
 * The progressive modules preparation of 11.17.0 (spec §4a), through the command line with real processes:
 * an upgrade runs in the background while other `config-tool` processes publish, delete and apply. The
 * test fault `prepare-hold:<Module>` keeps a module in the current group until the test releases it, so
 * "during the run" is deterministic without sleeping.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli, waitFor } from '../../../test-support/background-cli';
import { compilationsPerModule, readEnvironmentDb } from '../../../test-support/environment-db';
import {
  consumerSource,
  librarySource,
  writeTestFactory,
  writeUploadFolder,
  type TestModule,
} from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport as report } from '../../../test-support/json-report';
import { runCliIn as cli, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

/** Compiles on 11.11.3 (where it was published), fails on 11.12.0+: it still sends mail the old way. */
const LEGACY_BAD: Record<string, string> = {
  'index.ts':
    "import { sendMailLegacy } from '@platform/runtime';\n\nexport function BadGreeting(who: string): string {\n  sendMailLegacy(who, 'hello');\n  return who;\n}\n",
};

// With one compiler process the run keeps two modules in flight. In order (most consumed first): Lib (4
// consumers) and Slow (3, held), Lib2 (2), Bad (1, fails), then Other (1, held): both slots stay held, so
// A, LibTool, Early2 wait although everything they consume is prepared.
const MODULES: TestModule[] = [
  { name: 'Lib' },
  { name: 'A', references: ['Lib'] },
  { name: 'LibTool', references: ['Lib'] },
  { name: 'Slow' },
  { name: 'Waiting', references: ['Slow'] },
  { name: 'Waiting2', references: ['Waiting'] },
  { name: 'Lib2' },
  { name: 'Early2', references: ['Lib', 'Lib2'] },
  { name: 'Consumer2', references: ['Slow', 'Lib', 'Lib2'] },
  { name: 'Bad', files: LEGACY_BAD },
  { name: 'BadConsumer', references: ['Bad'] },
  { name: 'Other' },
  { name: 'OtherConsumer', references: ['Other'] },
];
const HOLDS = { CONFIG_TOOL_TEST_FAULTS: 'prepare-hold:Slow,prepare-hold:Other' };

const imported = importedEnvironment({
  prefix: 'config-tool-progressive-',
  factory: (dir) => writeTestFactory(dir, { platformVersion: '11.11.3', modules: MODULES }),
  settings: { parallelCompilations: '1' },
});

function itemStatuses(env: string): Record<string, string> {
  return readEnvironmentDb(env, (db) => {
    const rows = db
      .prepare(
        'SELECT module_name AS name, status FROM preparation_items WHERE run_id = (SELECT max(id) FROM preparation_runs)',
      )
      .all() as { name: string; status: string }[];
    return Object.fromEntries(rows.map((row) => [row.name, row.status]));
  });
}

/** How often each module was compiled for 11.17.0 for `purpose` ('prepare' by the run, 'publish' by a publish). */
function compilations(env: string, purpose: 'prepare' | 'publish'): Record<string, number> {
  return compilationsPerModule(env, purpose, '11.17.0');
}

/** The compiler processes (compiler-worker) a process has started and that still run, from /proc (Linux). */
function compilerWorkers(pid: number): number[] {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return children.map(Number).filter((child) => {
    try {
      return fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('compiler-worker');
    } catch {
      return false; // gone meanwhile
    }
  });
}

function release(env: string, ...names: string[]): void {
  for (const name of names) fs.writeFileSync(path.join(env, `test-release-${name}`), '');
}

/** Starts the upgrade to 11.17.0 with Slow and Other held, and waits until both are in the group with the rest settled. */
async function startHeldUpgrade(env: string, args: string[] = []) {
  const upgrade = startCli(['upgrade', ...args, '--env', env], HOLDS);
  await waitFor(() => {
    const items = itemStatuses(env);
    return items.Slow === 'compiling' && items.Other === 'compiling' && items.Bad === 'failed';
  }, 'Slow and Other held in the group');
  return upgrade;
}

describe('progressive preparation (11.17.0, spec §4a)', () => {
  it(
    'locks only the current group: publish and delete decide per module while the run goes on',
    async () => {
      const env = imported.fresh();
      const upgrade = await startHeldUpgrade(env);
      try {
        const items = itemStatuses(env);
        expect(items).toMatchObject({ Lib: 'prepared', Lib2: 'prepared', Bad: 'failed', A: 'pending' });

        const status = JSON.parse((await cli(env, ['status', '--json'])).stdout) as {
          currentGroup: { number: number; modules: string[] };
        };
        expect(status.currentGroup.modules).toEqual(['Other', 'Slow']);

        const inGroup = await cli(env, ['publish', 'Slow']);
        expect(inGroup.status).toBe(4);
        expect(inGroup.stderr).toMatch(
          /Publish of Slow .* was refused: Slow is being prepared now, in group \d+ \(Other, Slow\)/,
        );
        expect(inGroup.stderr).toContain('preparation lock');
        const deleteInGroup = await cli(env, ['delete', 'Other', '--force']);
        expect(deleteInGroup.status).toBe(4);
        expect(deleteInGroup.stderr).toMatch(/group \d+ \(Other, Slow\)/);

        const compilingProducer = await cli(env, ['publish', 'Waiting']);
        expect(compilingProducer.status).toBe(4);
        expect(compilingProducer.stderr).toContain("its producer 'Slow' is being prepared");
        const pendingProducer = await cli(env, ['publish', 'Waiting2']);
        expect(pendingProducer.status).toBe(4);
        expect(pendingProducer.stderr).toContain("its producer 'Waiting' is pending");
        const failedProducer = await cli(env, ['publish', 'BadConsumer']);
        expect(failedProducer.status).toBe(1);
        expect(failedProducer.stderr).toContain("its producer 'Bad' failed");

        expect((await cli(env, ['config', 'set', 'moduleTimeLimitSeconds', '90'])).status).toBe(0);
        const apply = await cli(env, ['config', 'apply']);
        expect(apply.status, apply.stderr).toBe(0);

        // A consumes only Lib, which is prepared: it can be published now, and counts as prepared in the run.
        const ready = await cli(env, ['publish', 'A']);
        expect(ready.status, ready.stderr).toBe(0);
        expect(itemStatuses(env).A).toBe('prepared');

        // Lib2 (prepared) gets a new version whose interface renames Lib2Greeting, published during the run.
        const lib2 = writeUploadFolder(imported.workDir, {
          name: 'Lib2',
          files: { 'index.ts': 'export function Lib2Salutation(who: string): string {\n  return who;\n}\n' },
        });
        expect((await cli(env, ['upload', 'Lib2', lib2])).status).toBe(0);
        const changed = await cli(env, ['publish', 'Lib2']);
        expect(changed.status, changed.stderr).toBe(0);

        const deleted = await cli(env, ['delete', 'LibTool']);
        expect(deleted.status, deleted.stderr).toBe(0);
      } finally {
        release(env, 'Slow', 'Other');
      }
      expect(await upgrade.exited).toBe(3);

      const json = await report(env);
      expect(json.run).toMatchObject({ status: 'finished', toVersion: '11.17.0' });
      const byName = new Map(json.modules.map((module) => [module.name, module]));
      const statuses = Object.fromEntries(json.modules.map((module) => [module.name, module.status]));
      expect(statuses).toMatchObject({
        Lib: 'prepared',
        A: 'prepared',
        Slow: 'prepared',
        Waiting: 'prepared',
        Waiting2: 'prepared',
        Other: 'prepared',
        OtherConsumer: 'prepared',
        Bad: 'failed',
        BadConsumer: 'skipped',
        // They started after Lib2's new version was published: they compiled against its new interface.
        Early2: 'failed',
        Consumer2: 'failed',
      });
      for (const name of ['Early2', 'Consumer2'])
        expect(
          byName
            .get(name)!
            .errors.map((error) => error.message)
            .join('\n'),
        ).toContain('Lib2Greeting');
      expect(json.excluded).toContainEqual({ name: 'LibTool', reason: 'deleted during the preparation' });
      // A was published during the run: compiled once, by the publish, never by the preparation.
      expect(compilations(env, 'prepare').A).toBeUndefined();
      expect(compilations(env, 'publish').A).toBe(1);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'resumes after the coordinator is killed (kill -9) mid-run, compiling nothing prepared or published again',
    async () => {
      const env = imported.fresh();
      const upgrade = await startHeldUpgrade(env);
      expect((await cli(env, ['publish', 'A'])).status).toBe(0);
      const runId = readEnvironmentDb(
        env,
        (db) => (db.prepare('SELECT max(id) AS id FROM preparation_runs').get() as { id: number }).id,
      );
      upgrade.child.kill('SIGKILL');
      await upgrade.exited;
      const before = compilations(env, 'prepare');

      const status = JSON.parse((await cli(env, ['status', '--json'])).stdout) as {
        latestRun: { status: string };
        currentGroup: unknown;
      };
      expect(status.latestRun.status).toBe('interrupted');
      expect(status.currentGroup).toBeNull();

      const resumed = await cli(env, ['prepare']);
      expect(resumed.status).toBe(3);
      const json = await report(env);
      expect(json.run.id).toBe(runId);
      expect(json.run.status).toBe('finished');
      const after = compilations(env, 'prepare');
      for (const name of ['Lib', 'Lib2', 'Bad']) expect(after[name], name).toBe(before[name]);
      expect(after.A).toBeUndefined();
      expect(Object.fromEntries(json.modules.map((module) => [module.name, module.status]))).toMatchObject({
        A: 'prepared',
        Slow: 'prepared',
        Other: 'prepared',
        Early2: 'prepared',
        Consumer2: 'prepared',
        Waiting2: 'prepared',
      });
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'keeps the whole-environment lock for an upgrade to 11.13.0: every publish is refused, even of a ready module',
    async () => {
      const env = imported.fresh();
      const upgrade = startCli(['upgrade', '--to', '11.13.0', '--env', env], HOLDS);
      try {
        await waitFor(() => itemStatuses(env).Lib === 'prepared', 'Lib prepared');
        const refused = await cli(env, ['publish', 'A']);
        expect(refused.status).toBe(4);
        expect(refused.stderr).toContain("holds the environment's preparation lock");
        const status = JSON.parse((await cli(env, ['status', '--json'])).stdout) as { currentGroup: unknown };
        expect(status.currentGroup).toBeNull();
        expect((await cli(env, ['config', 'apply'])).status).toBe(4);
      } finally {
        release(env, 'Slow', 'Other');
      }
      expect(await upgrade.exited).toBe(3);
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'warns that publishing all applications is recommended after an upgrade from 11.10.0 straight to 11.12.0+',
    async () => {
      const dir = path.join(imported.workDir, 'old');
      writeTestFactory(path.join(dir, 'factory'), {
        platformVersion: '11.10.0',
        modules: [
          { name: 'Core', files: librarySource('Core') },
          { name: 'Portal', references: ['Core'], files: consumerSource('Portal', ['Core']) },
        ],
      });
      const env = path.join(dir, 'env');
      expect((await cli(env, ['import', path.join(dir, 'factory')])).status).toBe(0);
      const upgraded = await cli(env, ['upgrade', '--to', '11.12.0']);
      expect(upgraded.status, upgraded.stderr).toBe(0);
      expect(upgraded.stderr).toMatch(
        /warning: Upgrading from 11\.10\.0 straight to 11\.12\.0 .*publishing all applications/,
      );
    },
    SETUP_TIMEOUT_MS,
  );
  it.runIf(process.platform === 'linux')(
    'grows the running compiler pool when a larger parallelCompilations is applied, and shrinks it when lowered',
    async () => {
      const env = imported.fresh();
      const upgrade = await startHeldUpgrade(env);
      const pid = upgrade.child.pid!;
      try {
        await waitFor(() => compilerWorkers(pid).length === 1, 'one compiler process (parallelCompilations 1)');
        expect(itemStatuses(env)).toMatchObject({ A: 'pending', LibTool: 'pending', Early2: 'pending' });

        expect((await cli(env, ['config', 'set', 'parallelCompilations', '3'])).status).toBe(0);
        const raise = await cli(env, ['config', 'apply']);
        expect(raise.status, raise.stderr).toBe(0);
        await waitFor(() => compilerWorkers(pid).length === 3, 'three compiler processes after the apply');
        // The held modules no longer take every slot: what was ready but waiting compiles now, in the new processes.
        await waitFor(() => {
          const items = itemStatuses(env);
          return ['A', 'LibTool', 'Early2'].every((name) => items[name] === 'prepared');
        }, 'A, LibTool and Early2 prepared while Slow and Other are held');
        expect(itemStatuses(env)).toMatchObject({ Slow: 'compiling', Other: 'compiling' });

        expect((await cli(env, ['config', 'set', 'parallelCompilations', '1'])).status).toBe(0);
        expect((await cli(env, ['config', 'apply'])).status).toBe(0);
        await waitFor(() => compilerWorkers(pid).length === 1, 'back to one compiler process after lowering it');
      } finally {
        release(env, 'Slow', 'Other');
      }
      expect(await upgrade.exited).toBe(3);
      expect(itemStatuses(env)).toMatchObject({ Slow: 'prepared', Other: 'prepared', Waiting2: 'prepared' });
    },
    SETUP_TIMEOUT_MS,
  );
});
