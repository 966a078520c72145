import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcePresence } from '../../engine/environment-presence';
import { librarySource, writeTestFactory } from '../test-support/factories';
import { copyEnvironment, makeTempDir, removeTempDir, runCli, SETUP_TIMEOUT_MS } from '../test-support/run-cli';

let tmp: string;
let factory: string;
let importedEnv: string;
let counter = 0;

const fresh = () => copyEnvironment(importedEnv, path.join(tmp, `env-${++counter}`));

beforeAll(async () => {
  tmp = makeTempDir('config-tool-clear-errors-');
  factory = writeTestFactory(path.join(tmp, 'factory'), {
    modules: [{ name: 'CommonLib', state: 'published', files: librarySource('CommonLib') }],
  });
  importedEnv = path.join(tmp, 'imported');
  expect((await runCli(['import', factory, '--env', importedEnv])).status).toBe(0);
  expect((await runCli(['upgrade', '--to', '11.13.0', '--env', importedEnv])).status).toBe(0);
}, SETUP_TIMEOUT_MS);

afterAll(() => removeTempDir(tmp));

/** Every message here is for an admin: no stack trace, no "bug". */
function expectClear(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/bug/i);
}

describe('errors an admin can cause are said plainly', () => {
  it('report --output into a folder that does not exist, or onto a folder', async () => {
    const env = fresh();
    const missing = path.join(tmp, 'no-such-folder', 'report.json');
    const intoMissing = await runCli(['report', '--output', missing, '--env', env]);
    expect(intoMissing.status).toBe(1);
    expect(intoMissing.stderr).toContain(`the folder ${path.dirname(missing)} does not exist`);
    expectClear(intoMissing.stderr);

    const ontoFolder = await runCli(['report', '--output', tmp, '--env', env]);
    expect(ontoFolder.status).not.toBe(0);
    expect(ontoFolder.stderr).toContain('it is a folder. Give a file name.');
    expectClear(ontoFolder.stderr);
  });

  it('report --output replaces a symbolic link at the target, never writes through it, and leaves no temporary file', async () => {
    const env = fresh();
    const outDir = path.join(tmp, `out-${counter}`);
    fs.mkdirSync(outDir);
    const victim = path.join(tmp, `victim-${counter}.txt`);
    fs.writeFileSync(victim, 'keep me');
    const target = path.join(outDir, 'report.json');
    fs.symlinkSync(victim, target);
    const result = await runCli(['report', '--output', target, '--env', env]);
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(target).isFile()).toBe(true);
    expect(fs.readdirSync(outDir)).toEqual(['report.json']);
  });

  it('config set constructor / __proto__ is an unknown setting', async () => {
    const env = fresh();
    for (const key of ['constructor', '__proto__', 'toString']) {
      const result = await runCli(['config', 'set', key, 'x', '--env', env]);
      expect(result.status, key).toBe(2);
      expect(result.stderr).toContain(`Unknown setting '${key}'`);
      expectClear(result.stderr);
    }
  });

  it('a symbolic link among a module source files is an error naming it, and nothing is imported', async () => {
    const linked = writeTestFactory(path.join(tmp, 'linked-factory'), {
      modules: [{ name: 'CommonLib', state: 'published', files: librarySource('CommonLib') }],
    });
    const outside = path.join(tmp, 'outside.ts');
    fs.writeFileSync(outside, 'export const secret = 1;\n');
    const link = path.join(linked, 'modules', 'CommonLib', 'src', 'extra.ts');
    fs.symlinkSync(outside, link);
    const env = path.join(tmp, 'linked-env');
    const result = await runCli(['import', linked, '--env', env]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(link);
    expect(result.stderr).toContain('is a symbolic link');
    expect(fs.existsSync(path.join(env, 'environment.db'))).toBe(false);
  });

  it(
    'a database another process keeps busy is "the environment is busy", naming who has it open',
    async () => {
      const env = fresh();
      const leave = announcePresence(env, 'the busy test');
      const db = new Database(path.join(env, 'environment.db'));
      try {
        db.exec('BEGIN IMMEDIATE');
        const result = await runCli(['config', 'set', 'parallelCompilations', '2', '--env', env]);
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('The environment is busy: it is open in the busy test (PID ');
        expectClear(result.stderr);
      } finally {
        db.exec('ROLLBACK');
        db.close();
        leave();
      }
    },
    SETUP_TIMEOUT_MS,
  );
});
