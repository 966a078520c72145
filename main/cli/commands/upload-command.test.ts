import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeModule } from '../../../bench/factory-generator';
import { deployedVersions, readEnvironmentDb } from '../test-support/environment-db';
import { consumerSource, librarySource, writeTestFactory } from '../test-support/factories';
import { makeTempDir, removeTempDir, runCli, SETUP_TIMEOUT_MS } from '../test-support/run-cli';

/** Writes a module folder (module.json + src/) the way `upload` reads it; returns its path. */
function moduleFolder(
  root: string,
  manifest: { name: string; application?: string; kind?: string; references?: string[] },
  files: Record<string, string>,
): string {
  const parent = makeTempDir('config-tool-upload-');
  writeModule(
    parent,
    {
      name: manifest.name,
      application: manifest.application ?? 'Sales',
      kind: (manifest.kind ?? 'library') as 'library',
      state: 'published',
      references: manifest.references ?? [],
    },
    files,
  );
  const dir = path.join(root, `${manifest.name}-${fs.readdirSync(root).length}`);
  fs.renameSync(path.join(parent, 'modules', manifest.name), dir);
  removeTempDir(parent);
  return dir;
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
  let tmp: string;
  let envDir: string;
  beforeAll(async () => {
    tmp = makeTempDir();
    envDir = path.join(tmp, 'env');
    const factory = writeTestFactory(path.join(tmp, 'factory'), {
      platformVersion: '11.17.0',
      modules: [
        { name: 'SalesLib', application: 'Sales' },
        { name: 'SalesService', application: 'Sales', references: ['SalesLib'] },
      ],
    });
    const imported = await runCli(['import', factory, '--env', envDir]);
    expect(imported.status, imported.stderr).toBe(0);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => removeTempDir(tmp));

  it('stores a new version that stays uploaded until publish, which publishes it', async () => {
    const dir = moduleFolder(
      tmp,
      { name: 'SalesLib' },
      {
        'index.ts': `export function SalesLibGreeting(who: string): string {\n  return 'Hi ' + who;\n}\n`,
      },
    );
    const uploaded = await runCli(['upload', 'SalesLib', dir, '--env', envDir]);
    expect(uploaded.status, uploaded.stderr).toBe(0);
    expect(uploaded.stdout).toContain('Uploaded SalesLib version 2');
    expect(versionsOf(envDir, 'SalesLib')).toEqual([1, 2]);
    const running = () =>
      readEnvironmentDb(
        envDir,
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
    const status = await runCli(['status', '--json', '--env', envDir]);
    expect(status.status, status.stderr).toBe(0);
    expect((JSON.parse(status.stdout) as { newerUploads: string[] }).newerUploads).toEqual(['SalesLib']);
    const text = await runCli(['status', '--env', envDir]);
    expect(text.stdout).toMatch(/Uploads: +1 module has a newer upload than what runs: SalesLib/);

    const published = await runCli(['publish', 'SalesLib', '--env', envDir]);
    expect(published.status, published.stderr).toBe(0);
    expect(running()).toBe(2);
    const after = await runCli(['status', '--json', '--env', envDir]);
    expect((JSON.parse(after.stdout) as { newerUploads: string[] }).newerUploads).toEqual([]);
    expect((await runCli(['status', '--env', envDir])).stdout).not.toContain('Uploads:');
  });

  it('creates a module that does not exist yet, uploaded and not deployed', async () => {
    const dir = moduleFolder(
      tmp,
      { name: 'SalesReports', kind: 'service', references: ['SalesLib'] },
      consumerSource('SalesReports', ['SalesLib']),
    );
    const uploaded = await runCli(['upload', 'SalesReports', dir, '--env', envDir]);
    expect(uploaded.status, uploaded.stderr).toBe(0);
    expect(uploaded.stdout).toContain('Created module SalesReports version 1');
    expect(deployedVersions(envDir)).toMatchObject({ SalesReports: null });
  });

  it('names every broken rule with its file, and stores nothing', async () => {
    const dir = moduleFolder(tmp, { name: 'Wrong', kind: 'gadget', references: ['Nowhere'] }, librarySource('Wrong'));
    fs.rmSync(path.join(dir, 'src', 'index.ts'));
    fs.writeFileSync(path.join(dir, 'src', 'latin1.ts'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const refused = await runCli(['upload', 'SalesLib', dir, '--env', envDir]);
    expect(refused.status).toBe(1);
    const manifest = path.join(dir, 'module.json');
    expect(refused.stderr).toContain(`${manifest}: "name" must equal the module name 'SalesLib' given to upload`);
    expect(refused.stderr).toContain(`${manifest}: "kind" must be one of web, mobile, service, library`);
    expect(refused.stderr).toContain(`${path.join(dir, 'src', 'index.ts')}: is missing`);
    expect(refused.stderr).toContain(`${path.join(dir, 'src', 'latin1.ts')}: is not UTF-8 text`);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(versionsOf(envDir, 'SalesLib')).toEqual([1, 2]);

    const unknownReference = moduleFolder(
      tmp,
      { name: 'SalesLib', references: ['Nowhere'] },
      librarySource('SalesLib'),
    );
    const refusedReference = await runCli(['upload', 'SalesLib', unknownReference, '--env', envDir]);
    expect(refusedReference.status).toBe(1);
    expect(refusedReference.stderr).toContain(
      `${path.join(unknownReference, 'module.json')}: "references" names 'Nowhere', which is not a module of this environment`,
    );
    expect(versionsOf(envDir, 'SalesLib')).toEqual([1, 2]);
  });

  it('says so when the folder does not exist (exit 1) and when arguments are missing (exit 2)', async () => {
    const missing = await runCli(['upload', 'SalesLib', path.join(tmp, 'nope'), '--env', envDir]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('does not exist');
    expect((await runCli(['upload', 'SalesLib', '--env', envDir])).status).toBe(2);
  });
});

describe('module versions in the preparation report (spec §4b)', () => {
  let tmp: string;
  afterAll(() => removeTempDir(tmp));

  it(
    'prepares the version last published, not a newer upload, and the JSON report says which',
    async () => {
      tmp = makeTempDir();
      const envDir = path.join(tmp, 'env');
      const factory = writeTestFactory(path.join(tmp, 'factory'), {
        platformVersion: '11.13.0',
        modules: [
          { name: 'SalesLib', application: 'Sales' },
          { name: 'SalesService', application: 'Sales', references: ['SalesLib'] },
        ],
      });
      expect((await runCli(['import', factory, '--env', envDir])).status).toBe(0);
      const dir = moduleFolder(
        tmp,
        { name: 'SalesService', kind: 'service', references: ['SalesLib'] },
        {
          ...consumerSource('SalesService', ['SalesLib']),
        },
      );
      expect((await runCli(['upload', 'SalesService', dir, '--env', envDir])).status).toBe(0);
      expect((await runCli(['publish', 'SalesService', '--env', envDir])).status).toBe(0);
      expect((await runCli(['upload', 'SalesService', dir, '--env', envDir])).status).toBe(0);

      const upgraded = await runCli(['upgrade', '--to', '11.17.0', '--env', envDir]);
      expect(upgraded.status, upgraded.stderr).toBe(0);
      const report = await runCli(['report', '--format', 'json', '--env', envDir]);
      expect(report.status, report.stderr).toBe(0);
      const modules = (JSON.parse(report.stdout) as { modules: { name: string; status: string; version: number }[] })
        .modules;
      expect(modules.map(({ name, status, version }) => ({ name, status, version }))).toEqual([
        { name: 'SalesLib', status: 'prepared', version: 1 },
        { name: 'SalesService', status: 'prepared', version: 2 },
      ]);
      const status = await runCli(['status', '--json', '--env', envDir]);
      expect((JSON.parse(status.stdout) as { newerUploads: string[] }).newerUploads).toEqual(['SalesService']);
    },
    SETUP_TIMEOUT_MS,
  );
});
