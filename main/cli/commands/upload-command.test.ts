import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployedVersions, readEnvironmentDb } from '../../../test-support/environment-db';
import {
  consumerSource,
  librarySource,
  writeTestFactory,
  writeUploadFolder,
  type TestModule,
} from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { readJsonReport } from '../../../test-support/json-report';
import { runCliIn, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

/** The factory both describes import: a Sales library and the service that consumes it. */
const SALES_MODULES: TestModule[] = [
  { name: 'SalesLib', application: 'Sales' },
  { name: 'SalesService', application: 'Sales', references: ['SalesLib'] },
];

/** A module folder `upload` reads, in application Sales, a library unless `kind` says otherwise. */
function moduleFolder(root: string, module: TestModule): string {
  return writeUploadFolder(root, { application: 'Sales', kind: 'library', ...module });
}

function versionsOf(envDir: string, name: string): number[] {
  return readEnvironmentDb(envDir, (db) =>
    (
      db
        .prepare(
          'SELECT v.number FROM module_versions v JOIN modules m ON m.id = v.module_id WHERE m.name = ? ORDER BY v.number',
        )
        .all(name) as { number: number }[]
    ).map((row) => row.number),
  );
}

describe('upload NAME DIR (spec §4b)', () => {
  // The tests run in order on one environment: each goes on from where the one before left it.
  const imported = importedEnvironment({
    factory: (dir) => writeTestFactory(dir, { platformVersion: '11.17.0', modules: SALES_MODULES }),
  });

  it('stores a new version that stays uploaded until publish, which publishes it', async () => {
    const dir = moduleFolder(imported.workDir, {
      name: 'SalesLib',
      files: { 'index.ts': `export function SalesLibGreeting(who: string): string {\n  return 'Hi ' + who;\n}\n` },
    });
    const uploaded = await runCliIn(imported.dir, ['upload', 'SalesLib', dir]);
    expect(uploaded.status, uploaded.stderr).toBe(0);
    expect(uploaded.stdout).toContain('Uploaded SalesLib version 2');
    expect(versionsOf(imported.dir, 'SalesLib')).toEqual([1, 2]);
    const running = () =>
      readEnvironmentDb(
        imported.dir,
        (db) =>
          (
            db
              .prepare(
                `SELECT v.number FROM deployments d JOIN modules m ON m.id = d.module_id JOIN artifacts a ON a.id = d.artifact_id
                 JOIN module_versions v ON v.id = a.module_version_id WHERE m.name = 'SalesLib'`,
              )
              .get() as { number: number }
          ).number,
      );
    expect(running()).toBe(1);
    const status = await runCliIn(imported.dir, ['status', '--json']);
    expect(status.status, status.stderr).toBe(0);
    expect((JSON.parse(status.stdout) as { newerUploads: string[] }).newerUploads).toEqual(['SalesLib']);
    const text = await runCliIn(imported.dir, ['status']);
    expect(text.stdout).toMatch(/Uploads: +1 module has a newer upload than what runs: SalesLib/);

    const published = await runCliIn(imported.dir, ['publish', 'SalesLib']);
    expect(published.status, published.stderr).toBe(0);
    expect(running()).toBe(2);
    const after = await runCliIn(imported.dir, ['status', '--json']);
    expect((JSON.parse(after.stdout) as { newerUploads: string[] }).newerUploads).toEqual([]);
    expect((await runCliIn(imported.dir, ['status'])).stdout).not.toContain('Uploads:');
  });

  it('creates a module that does not exist yet, uploaded and not deployed', async () => {
    const dir = moduleFolder(imported.workDir, {
      name: 'SalesReports',
      kind: 'service',
      references: ['SalesLib'],
      files: consumerSource('SalesReports', ['SalesLib']),
    });
    const uploaded = await runCliIn(imported.dir, ['upload', 'SalesReports', dir]);
    expect(uploaded.status, uploaded.stderr).toBe(0);
    expect(uploaded.stdout).toContain('Created module SalesReports version 1');
    expect(deployedVersions(imported.dir)).toMatchObject({ SalesReports: null });
  });

  it('names every broken rule with its file, and stores nothing', async () => {
    const dir = moduleFolder(imported.workDir, {
      name: 'Wrong',
      kind: 'gadget' as TestModule['kind'],
      references: ['Nowhere'],
      files: librarySource('Wrong'),
    });
    fs.rmSync(path.join(dir, 'src', 'index.ts'));
    fs.writeFileSync(path.join(dir, 'src', 'latin1.ts'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const refused = await runCliIn(imported.dir, ['upload', 'SalesLib', dir]);
    expect(refused.status).toBe(1);
    const manifest = path.join(dir, 'module.json');
    expect(refused.stderr).toContain(`${manifest}: "name" must equal the module name 'SalesLib' given to upload`);
    expect(refused.stderr).toContain(`${manifest}: "kind" must be one of web, mobile, service, library`);
    expect(refused.stderr).toContain(`${path.join(dir, 'src', 'index.ts')}: is missing`);
    expect(refused.stderr).toContain(`${path.join(dir, 'src', 'latin1.ts')}: is not UTF-8 text`);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(versionsOf(imported.dir, 'SalesLib')).toEqual([1, 2]);

    const unknownReference = moduleFolder(imported.workDir, {
      name: 'SalesLib',
      references: ['Nowhere'],
      files: librarySource('SalesLib'),
    });
    const refusedReference = await runCliIn(imported.dir, ['upload', 'SalesLib', unknownReference]);
    expect(refusedReference.status).toBe(1);
    expect(refusedReference.stderr).toContain(
      `${path.join(unknownReference, 'module.json')}: "references" names 'Nowhere', which is not a module of this environment`,
    );
    expect(versionsOf(imported.dir, 'SalesLib')).toEqual([1, 2]);
  });

  it('says so when the folder does not exist (exit 1) and when arguments are missing (exit 2)', async () => {
    const missing = await runCliIn(imported.dir, ['upload', 'SalesLib', path.join(imported.workDir, 'nope')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('does not exist');
    expect((await runCliIn(imported.dir, ['upload', 'SalesLib'])).status).toBe(2);
  });
});

describe('module versions in the preparation report (spec §4b)', () => {
  const imported = importedEnvironment({
    factory: (dir) => writeTestFactory(dir, { platformVersion: '11.13.0', modules: SALES_MODULES }),
  });

  it(
    'prepares the version last published, not a newer upload, and the JSON report says which',
    async () => {
      const envDir = imported.dir;
      const dir = moduleFolder(imported.workDir, {
        name: 'SalesService',
        kind: 'service',
        references: ['SalesLib'],
        files: consumerSource('SalesService', ['SalesLib']),
      });
      expect((await runCliIn(envDir, ['upload', 'SalesService', dir])).status).toBe(0);
      expect((await runCliIn(envDir, ['publish', 'SalesService'])).status).toBe(0);
      expect((await runCliIn(envDir, ['upload', 'SalesService', dir])).status).toBe(0);

      const upgraded = await runCliIn(envDir, ['upgrade', '--to', '11.17.0']);
      expect(upgraded.status, upgraded.stderr).toBe(0);
      const { modules } = await readJsonReport(envDir);
      expect(modules.map(({ name, status, version }) => ({ name, status, version }))).toEqual([
        { name: 'SalesLib', status: 'prepared', version: 1 },
        { name: 'SalesService', status: 'prepared', version: 2 },
      ]);
      const status = await runCliIn(envDir, ['status', '--json']);
      expect((JSON.parse(status.stdout) as { newerUploads: string[] }).newerUploads).toEqual(['SalesService']);
    },
    SETUP_TIMEOUT_MS,
  );
});
