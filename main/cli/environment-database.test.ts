import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../engine/store/migrations';
import { writeTestFactory } from '../../test-support/factories';
import { readEnvironmentDb } from '../../test-support/environment-db';
import { makeTempDir, removeTempDir, runCli } from '../../test-support/run-cli';

const STACK_FRAME = /^\s+at /m;

describe('the environment database and its migrations', () => {
  let tmp: string;
  let envDir: string;
  beforeEach(() => {
    tmp = makeTempDir();
    envDir = path.join(tmp, 'env');
  });
  afterEach(() => removeTempDir(tmp));

  it('creates the latest schema version when importing into a fresh folder', async () => {
    const factory = writeTestFactory(path.join(tmp, 'factory'), {
      modules: [{ name: 'CommonLib', state: 'uploaded' }],
    });

    const result = await runCli(['import', factory, '--env', envDir]);

    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.status).toBe(0);
    const schemaVersion = readEnvironmentDb(envDir, (db) => db.pragma('user_version', { simple: true }));
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuses a database written by a newer version of the tool, with a clear message and no stack trace', async () => {
    fs.mkdirSync(envDir);
    const db = new Database(path.join(envDir, 'environment.db'));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.exec('CREATE TABLE from_the_future (id INTEGER)');
    db.close();

    for (const args of [['config', 'list'], ['delete', 'Anything'], ['report']]) {
      const result = await runCli([...args, '--env', envDir]);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('newer version of the Configuration Tool');
      expect(result.stderr).toContain(`schema ${LATEST_SCHEMA_VERSION + 1}`);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
    const schemaVersion = readEnvironmentDb(envDir, (reader) => reader.pragma('user_version', { simple: true }));
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1);
  });

  it('reports a file that is not SQLite in place of environment.db as an error and leaves the file untouched', async () => {
    fs.mkdirSync(envDir);
    const file = path.join(envDir, 'environment.db');
    const content = 'These are my notes, not a database.\n'.repeat(20);
    fs.writeFileSync(file, content);

    const result = await runCli(['config', 'list', '--env', envDir]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file} is not an environment database`);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(fs.readdirSync(envDir)).toEqual(['environment.db']);
  });

  it('says how to create an environment when the folder has none', async () => {
    const result = await runCli(['config', 'list', '--env', envDir]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`No environment in ${envDir}`);
    expect(result.stderr).toContain('config-tool init --demo');
    expect(fs.existsSync(envDir)).toBe(false);
  });
});
