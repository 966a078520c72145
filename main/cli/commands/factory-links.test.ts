import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { librarySource, writeTestFactory, writeUploadFolder } from '../../../test-support/factories';
import { makeTempDir, removeTempDir, runCli, runCliIn, type CliResult } from '../../../test-support/run-cli';

/*
 * A careless (or hostile) factory: symbolic links anywhere in it are refused, naming the
 * link and where it points, before anything outside the factory is opened. Each link
 * points at something this test owns, holding a marker that must appear nowhere: not in
 * the output, not in the database.
 */

const MARKER = `outside-marker-${process.pid}-7f3a`;
let workDir: string;
let outsideFile: string;
let outsideFolder: string;

beforeAll(() => {
  workDir = makeTempDir('config-tool-links-');
  outsideFile = path.join(workDir, 'outside.txt');
  fs.writeFileSync(outsideFile, `${MARKER}: not JSON, not a source of any factory\n`);
  outsideFolder = path.join(workDir, 'outside-src');
  fs.mkdirSync(outsideFolder);
  fs.writeFileSync(path.join(outsideFolder, 'index.ts'), `export const secret = '${MARKER}';\n`);
  fs.writeFileSync(path.join(outsideFolder, `${MARKER}.ts`), `export const other = 1;\n`);
});
afterAll(() => removeTempDir(workDir));

let factories = 0;
/** A valid two-module factory, then `link` turns one of its paths into a symbolic link to `target`. */
function linkedFactory(relative: string, target: string): { factory: string; link: string } {
  const factory = writeTestFactory(path.join(workDir, `factory-${++factories}`), {
    modules: [
      { name: 'CommonLib', files: librarySource('CommonLib') },
      { name: 'Billing', references: ['CommonLib'] },
    ],
  });
  const link = path.join(factory, relative);
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(target, link);
  return { factory, link };
}

/** Refused, naming the link and its target; the marker nowhere; no environment made. */
function expectRefused(result: CliResult, link: string, target: string, env: string): void {
  expect(result.status, result.stdout + result.stderr).toBe(1);
  expect(result.stderr).toContain(`${link}: is a symbolic link to ${target}`);
  expect(result.stdout + result.stderr).not.toContain(MARKER);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(fs.existsSync(path.join(env, 'environment.db'))).toBe(false);
}

describe('symbolic links in a factory', () => {
  const cases: [string, string, () => string][] = [
    ["a module's src/ linked to a folder outside the factory", 'modules/CommonLib/src', () => outsideFolder],
    ["a module's src/ linked to a system folder", 'modules/CommonLib/src', () => '/etc'],
    ['module.json linked to a file outside', 'modules/Billing/module.json', () => outsideFile],
    ['environment.json linked to a file outside', 'environment.json', () => outsideFile],
    ['modules/ itself linked to a folder outside', 'modules', () => workDir],
    ['a source file linked to a file outside', 'modules/CommonLib/src/index.ts', () => outsideFile],
  ];
  for (const [what, relative, target] of cases) {
    it(`${what}: refused, naming the link and where it points; nothing outside is read or imported`, async () => {
      const { factory, link } = linkedFactory(relative, target());
      const env = path.join(workDir, `env-${factories}`);
      const result = await runCli(['import', factory, '--env', env]);
      expectRefused(result, link, target(), env);
      expect(result.stderr).toContain('nothing was imported');
    });
  }

  it('a module folder that is a link is found and refused, not skipped: the counts add up', async () => {
    const { factory, link } = linkedFactory('modules/Billing', path.join(workDir, 'outside-src'));
    const env = path.join(workDir, `env-${factories}`);
    const result = await runCli(['import', factory, '--env', env]);
    expectRefused(result, link, outsideFolder, env);
    expect(result.stderr).toContain(
      'found 2 modules: 0 imported, 1 refused, 1 valid but not imported, as a factory is imported whole or not at all',
    );
  });

  it('a factory without links says what it found and imported', async () => {
    const factory = writeTestFactory(path.join(workDir, 'clean-factory'), {
      modules: [{ name: 'CommonLib', files: librarySource('CommonLib') }],
    });
    const result = await runCli(['import', factory, '--env', path.join(workDir, 'clean-env')]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Found 1 module: 1 imported, 0 refused.');
  });

  it('upload NAME DIR refuses a module folder with a linked src/, and stores nothing of it', async () => {
    const factory = writeTestFactory(path.join(workDir, 'upload-base'), {
      modules: [{ name: 'CommonLib', files: librarySource('CommonLib') }],
    });
    const env = path.join(workDir, 'upload-env');
    const imported = await runCli(['import', factory, '--env', env]);
    expect(imported.status, imported.stderr).toBe(0);
    const folder = writeUploadFolder(workDir, { name: 'Billing', references: ['CommonLib'] });
    fs.rmSync(path.join(folder, 'src'), { recursive: true });
    fs.symlinkSync(outsideFolder, path.join(folder, 'src'));

    const result = await runCliIn(env, ['upload', 'Billing', folder]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.join(folder, 'src')}: is a symbolic link to ${outsideFolder}`);
    expect(result.stderr).toContain('found 1 module: 0 uploaded, 1 refused');
    expect(result.stdout + result.stderr).not.toContain(MARKER);
    expect(fs.readFileSync(path.join(env, 'environment.db')).includes(MARKER)).toBe(false);

    const clean = writeUploadFolder(workDir, { name: 'Billing', references: ['CommonLib'] });
    const uploaded = await runCliIn(env, ['upload', 'Billing', clean]);
    expect(uploaded.status, uploaded.stderr).toBe(0);
    expect(uploaded.stdout).toContain('Found 1 module: 1 uploaded, 0 refused.');
  });
});
