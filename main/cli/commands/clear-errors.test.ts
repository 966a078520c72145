import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { announcePresence } from '../../engine/environment-presence';
import { librarySource, writeTestFactory } from '../../../test-support/factories';
import { importedEnvironment } from '../../../test-support/imported-environment';
import { runCliIn, SETUP_TIMEOUT_MS } from '../../../test-support/run-cli';

const imported = importedEnvironment({
  prefix: 'config-tool-clear-errors-',
  factory: (dir) =>
    writeTestFactory(dir, { modules: [{ name: 'CommonLib', state: 'published', files: librarySource('CommonLib') }] }),
  afterImport: async (env) => {
    const upgraded = await runCliIn(env, ['upgrade', '--to', '11.13.0']);
    expect(upgraded.status, upgraded.stderr).toBe(0);
  },
});

/** Every message here is for an admin: no stack trace, no "bug". */
function expectClear(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/bug/i);
}

describe('errors an admin can cause are said plainly', () => {
  it('report --output into a folder that does not exist, or onto a folder', async () => {
    const env = imported.fresh();
    const missing = path.join(imported.workDir, 'no-such-folder', 'report.json');
    const intoMissing = await runCliIn(env, ['report', '--output', missing]);
    expect(intoMissing.status).toBe(1);
    expect(intoMissing.stderr).toContain(`the folder ${path.dirname(missing)} does not exist`);
    expectClear(intoMissing.stderr);

    const ontoFolder = await runCliIn(env, ['report', '--output', imported.workDir]);
    expect(ontoFolder.status).not.toBe(0);
    expect(ontoFolder.stderr).toContain('it is a folder. Give a file name.');
    expectClear(ontoFolder.stderr);
  });

  it('report --output replaces a symbolic link at the target, never writes through it, and leaves no temporary file', async () => {
    const env = imported.fresh();
    const outDir = path.join(imported.workDir, 'symlink-out');
    fs.mkdirSync(outDir);
    const victim = path.join(imported.workDir, 'victim.txt');
    fs.writeFileSync(victim, 'keep me');
    const target = path.join(outDir, 'report.json');
    fs.symlinkSync(victim, target);
    const result = await runCliIn(env, ['report', '--output', target]);
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(target).isFile()).toBe(true);
    expect(fs.readdirSync(outDir)).toEqual(['report.json']);
  });

  it('config set constructor / __proto__ is an unknown setting', async () => {
    const env = imported.fresh();
    for (const key of ['constructor', '__proto__', 'toString']) {
      const result = await runCliIn(env, ['config', 'set', key, 'x']);
      expect(result.status, key).toBe(2);
      expect(result.stderr).toContain(`Unknown setting '${key}'`);
      expectClear(result.stderr);
    }
  });

  it('a symbolic link among a module source files is an error naming it, and nothing is imported', async () => {
    const linked = writeTestFactory(path.join(imported.workDir, 'linked-factory'), {
      modules: [{ name: 'CommonLib', state: 'published', files: librarySource('CommonLib') }],
    });
    const outside = path.join(imported.workDir, 'outside.ts');
    fs.writeFileSync(outside, 'export const secret = 1;\n');
    const link = path.join(linked, 'modules', 'CommonLib', 'src', 'extra.ts');
    fs.symlinkSync(outside, link);
    const env = path.join(imported.workDir, 'linked-env');
    const result = await runCliIn(env, ['import', linked]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(link);
    expect(result.stderr).toContain('is a symbolic link');
    expect(fs.existsSync(path.join(env, 'environment.db'))).toBe(false);
  });

  it(
    'a database another process keeps busy is "the environment is busy", naming who has it open',
    async () => {
      const env = imported.fresh();
      const leave = announcePresence(env, 'the busy test');
      const db = new Database(path.join(env, 'environment.db'));
      try {
        db.exec('BEGIN IMMEDIATE');
        const result = await runCliIn(env, ['config', 'set', 'parallelCompilations', '2']);
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
