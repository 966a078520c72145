import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../engine/store/database';
import { acquireLease } from '../../engine/store/lock-repository';
import { deployedVersions } from '../../../test-support/environment-db';
import { writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { runCliIn } from '../../../test-support/run-cli';

/** The order in which publish reported modules done (compiled, or their stored compilation reused), from its plain progress lines. */
function compiledOrder(stderr: string): string[] {
  return [
    ...stderr.matchAll(
      /^(?:Compiled module \d+ of \d+: (\w+)|Reused the prepared compilation of (\w+) \(\d+ of \d+\))$/gm,
    ),
  ].map((match) => (match[1] ?? match[2])!);
}

describe('publish and delete', () => {
  const imported = importedEnvironment({
    // On the installed version, so publishing compiles for the version the environment runs.
    factory: (dir) =>
      writeTestFactory(dir, {
        platformVersion: '11.17.0',
        modules: [
          { name: 'SalesLib', application: 'Sales', state: 'uploaded' },
          { name: 'SalesService', application: 'Sales', state: 'uploaded', references: ['SalesLib'] },
          { name: 'CoreLib', application: 'Core', state: 'uploaded' },
          { name: 'Portal', application: 'Web', state: 'uploaded', references: ['CoreLib', 'SalesService'] },
          { name: 'AuditLib', application: 'Audit', state: 'published' },
          { name: 'AuditService', application: 'Audit', state: 'published', references: ['AuditLib'] },
        ],
      }),
  });

  it('refuses to publish a consumer whose producer has no publication for the environment version, naming the producer', async () => {
    const envDir = imported.fresh();

    const result = await runCliIn(envDir, ['publish', 'SalesService']);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `SalesService can't be published: its producer 'SalesLib' has no publication for platform 11.17.0`,
    );
    expect(deployedVersions(envDir).SalesService).toBeNull();
  });

  it('publishes a consumer together with its producer, producer first', async () => {
    const envDir = imported.fresh();

    const result = await runCliIn(envDir, ['publish', 'SalesService', 'SalesLib']);

    expect(result.status, result.stderr).toBe(0);
    expect(compiledOrder(result.stderr)).toEqual(['SalesLib', 'SalesService']);
    expect(result.stdout).toContain('Published 2 modules');
    expect(deployedVersions(envDir)).toMatchObject({ SalesLib: '11.17.0', SalesService: '11.17.0' });
  });

  it('publishes a whole application with --app, producers before their consumers', async () => {
    const envDir = imported.fresh();

    const result = await runCliIn(envDir, ['publish', '--app', 'Sales']);

    expect(result.status, result.stderr).toBe(0);
    expect(compiledOrder(result.stderr)).toEqual(['SalesLib', 'SalesService']);
    expect(deployedVersions(envDir)).toMatchObject({
      SalesLib: '11.17.0',
      SalesService: '11.17.0',
      CoreLib: null,
      Portal: null,
    });
  });

  it('publishes every module with --all, each producer before its consumers across applications', async () => {
    const envDir = imported.fresh();

    const result = await runCliIn(envDir, ['publish', '--all']);

    expect(result.status, result.stderr).toBe(0);
    const order = compiledOrder(result.stderr);
    expect(order).toHaveLength(6);
    const before = (producer: string, consumer: string) =>
      expect(order.indexOf(producer)).toBeLessThan(order.indexOf(consumer));
    before('SalesLib', 'SalesService');
    before('SalesService', 'Portal');
    before('CoreLib', 'Portal');
    before('AuditLib', 'AuditService');
    expect(Object.values(deployedVersions(envDir))).toEqual(Array(6).fill('11.17.0'));
  });

  it('exits 1 with each module error located when a module fails to publish, and keeps what ran before', async () => {
    const factory = writeTestFactory(path.join(imported.workDir, 'broken-factory'), {
      platformVersion: '11.17.0',
      modules: [
        {
          name: 'Broken',
          state: 'uploaded',
          files: { 'index.ts': `export function total(): number {\n  return 'a lot';\n}\n` },
        },
      ],
    });
    const envDir = path.join(imported.workDir, 'broken-env');
    expect((await runCliIn(envDir, ['import', factory])).status).toBe(0);

    const result = await runCliIn(envDir, ['publish', 'Broken']);

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^Broken: publish failed — src\/index\.ts:2:\d+ Type 'string' is not assignable to type 'number'/m,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(deployedVersions(envDir).Broken).toBeNull();
  });

  it('refuses to delete a module that others consume, naming its consumers', async () => {
    const envDir = imported.fresh();

    const result = await runCliIn(envDir, ['delete', 'AuditLib']);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `Module 'AuditLib' can't be deleted: 1 module consumes it: AuditService. Use --force`,
    );
    expect(deployedVersions(envDir)).toHaveProperty('AuditLib');
  });

  it('deletes a consumed module with --force', async () => {
    const envDir = imported.fresh();

    const result = await runCliIn(envDir, ['delete', 'AuditLib', '--force']);

    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Deleted module AuditLib.');
    expect(deployedVersions(envDir)).not.toHaveProperty('AuditLib');
  });

  it('says which module it does not know', async () => {
    const result = await runCliIn(imported.fresh(), ['delete', 'Nobody']);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`No module named 'Nobody' in this environment.`);
  });

  it('treats a publish without exactly one of NAMEs, --app and --all as bad usage', async () => {
    const envDir = imported.fresh();
    for (const args of [
      ['publish'],
      ['publish', 'SalesLib', '--all'],
      ['publish', '--app', 'Sales', '--all'],
      ['publish', 'SalesLib', '--app', 'Sales'],
    ]) {
      const result = await runCliIn(envDir, [...args]);
      expect(result.status, args.join(' ')).toBe(2);
    }
  });

  it('refuses publish, delete, config apply and prepare with exit 4 while a preparation holds the lock, naming it', async () => {
    const envDir = imported.fresh();
    const db = openDatabase(envDir);
    const taken = acquireLease(db, { operation: 'preparation', runId: null, holder: 'admin-on-another-console' });
    if (!('lease' in taken)) throw new Error('the test could not take the lock');
    try {
      for (const args of [
        ['publish', 'SalesLib'],
        ['delete', 'AuditService'],
        ['config', 'apply'],
      ]) {
        const result = await runCliIn(envDir, [...args]);
        expect(result.status, args.join(' ')).toBe(4);
        expect(result.stderr).toContain('the modules preparation, started by admin-on-another-console');
        expect(result.stderr).toContain("holds the environment's preparation lock");
        expect(result.stderr).not.toMatch(/^\s+at /m);
      }
      // A second preparation can't start either.
      const prepare = await runCliIn(envDir, ['prepare']);
      expect(prepare.status).toBe(4);
      expect(prepare.stderr).toContain('started by admin-on-another-console');
    } finally {
      taken.lease.release();
      db.close();
    }
    expect(deployedVersions(envDir)).toHaveProperty('AuditService', '11.17.0');
  });
});
